import { useEffect, useRef } from 'react';
import type { SessionInfo } from '../../../shared/api/contract';
import type { Client } from '../../app/context';

/**
 * Locks the screen after the configured idle time. Keyboard and mouse activity
 * count; a heartbeat tells the host the clerk is still there even when the
 * current screen makes no calls (the host enforces the same limit).
 */
export function useIdleLock(api: Client, session: SessionInfo | null, onLocked: () => void): void {
  const last = useRef(Date.now());
  const lastBeat = useRef(0);
  const active = !!session && !session.locked;
  const minutes = session?.idleLockMinutes ?? 10;
  const lockedCallback = useRef(onLocked);
  lockedCallback.current = onLocked;

  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
      if (last.current - lastBeat.current > 30_000) {
        lastBeat.current = last.current;
        api['auth.heartbeat']({}).catch(() => {});
      }
    };
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = setInterval(() => {
      if (Date.now() - last.current > minutes * 60_000) {
        api['auth.lock']({}).catch(() => {});
        lockedCallback.current();
      }
    }, 5_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch));
      clearInterval(timer);
    };
  }, [active, minutes, api]);
}
