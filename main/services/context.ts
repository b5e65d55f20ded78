import type { Role } from '../../shared/auth/roles';
import type { EventName, EventPayload } from '../../shared/api/contract';

/** A signed-in user on one connection (one Electron window or one browser tab). */
export interface Session {
  userId: number;
  username: string;
  fullName: string;
  role: Role;
  lastActivity: number;
  locked: boolean;
}

/** Per-connection state the transports keep and pass to every call. */
export interface CallContext {
  session: Session | null;
  /** Who acts when nobody is signed in (the admin CLI: "cli:<OS user>"), for the audit trail. */
  actor?: string;
  push?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export function newContext(push?: CallContext['push']): CallContext {
  return { session: null, push };
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
