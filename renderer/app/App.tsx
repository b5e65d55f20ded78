import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo, SessionInfo } from '../../shared/api/contract';
import type { Permission } from '../../shared/auth/roles';
import { t } from '../../shared/messages/vi';
import { connectFromPage, createClient } from '../api/client';
import { AppContext, type AppState } from './context';
import { errorMessage } from './errors';
import { Shell } from './Shell';
import { SetupScreen } from '../features/setup/SetupScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { LockScreen } from '../features/auth/LockScreen';
import { useIdleLock } from '../features/auth/useIdleLock';

const connection = connectFromPage();
const api = createClient(connection.transport);

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [error, setError] = useState<string | null>(connection.error ?? null);
  const [connected, setConnected] = useState(true);

  const refreshInfo = useCallback(async () => {
    try {
      const [i, s] = await Promise.all([api['app.info']({}), api['auth.session']({})]);
      setInfo(i);
      setSession(s);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    if (connection.error) return;
    void refreshInfo();
    const offLocked = api.on('session.locked', () => setSession((s) => (s ? { ...s, locked: true } : s)));
    const offStatus = connection.transport.onStatus?.((up) => {
      setConnected(up);
      // A new socket is a new connection: the host has no session for it.
      if (up) void refreshInfo();
    });
    return () => {
      offLocked();
      offStatus?.();
    };
  }, [refreshInfo]);

  useIdleLock(api, session, () => setSession((s) => (s ? { ...s, locked: true } : s)));

  const state = useMemo<AppState | null>(
    () =>
      info && session
        ? {
            api,
            info,
            session,
            can: (p: Permission) => session.permissions.includes(p),
            refreshInfo,
          }
        : null,
    [info, session, refreshInfo],
  );

  if (error) return <div className="fatal" role="alert">{error}</div>;
  if (!info) return <div className="splash">{t('app.connecting')}</div>;
  const banner = connected ? null : <div className="banner banner-error" role="alert">{t('app.disconnected')}</div>;
  if (info.needsSetup)
    return (
      <>
        {banner}
        <SetupScreen api={api} onDone={refreshInfo} />
      </>
    );
  if (!session || !state)
    return (
      <>
        {banner}
        <SignInScreen api={api} info={info} onSignedIn={setSession} />
      </>
    );
  return (
    <AppContext.Provider value={state}>
      {banner}
      {/* The counter stays mounted under the lock: a half-done reception is exactly where the clerk left it. */}
      <div inert={session.locked} aria-hidden={session.locked}>
        <Shell onSignedOut={() => setSession(null)} onLocked={() => setSession({ ...session, locked: true })} />
      </div>
      {session.locked && (
        <div className="lock-overlay">
          <LockScreen onUnlocked={setSession} onSignedOut={() => setSession(null)} />
        </div>
      )}
    </AppContext.Provider>
  );
}
