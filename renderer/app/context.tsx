import { createContext, useContext } from 'react';
import type { AppInfo, SessionInfo } from '../../shared/api/contract';
import type { Permission } from '../../shared/auth/roles';
import type { createClient } from '../api/client';

export type Client = ReturnType<typeof createClient>;

export interface AppState {
  api: Client;
  info: AppInfo;
  session: SessionInfo;
  can(permission: Permission): boolean;
  refreshInfo(): Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}
