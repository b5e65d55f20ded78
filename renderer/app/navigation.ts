import { createContext, useContext } from 'react';

/**
 * Opens another screen of the shell by its view id ('handover', 'delivery'…), for screens that
 * point the user at where a piece of work is done. Null outside the shell; a view the user's role
 * does not have falls back to the first one, as in the shell.
 */
export const NavigateContext = createContext<((viewId: string) => void) | null>(null);

export function useNavigate(): ((viewId: string) => void) | null {
  return useContext(NavigateContext);
}
