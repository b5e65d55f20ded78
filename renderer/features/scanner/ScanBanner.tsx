import { useEffect, useState } from 'react';
import type { ScanEvent } from '../../../shared/api/contract';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { useWedgeScanner } from './useWedgeScanner';
import { DEFAULT_WEDGE_OPTIONS } from './wedgeDetector';

const WEDGE_DEFAULTS = { maxInterKeyMs: DEFAULT_WEDGE_OPTIONS.maxInterKeyMs, minLength: DEFAULT_WEDGE_OPTIONS.minLength, idleEndMs: DEFAULT_WEDGE_OPTIONS.idleEndMs };

/**
 * Every scan, from any scanner, becomes one event the host classifies; this
 * shows its sentence (what was scanned, or why it is not understood) for a few
 * seconds. Keyboard-wedge scans are detected here and sent to the host too.
 */
export function ScanBanner() {
  const { api, session } = useApp();
  const [last, setLast] = useState<ScanEvent | null>(null);
  const [wedge, setWedge] = useState<{ maxInterKeyMs: number; minLength: number; idleEndMs: number } | null>(null);

  useEffect(() => {
    api['settings.get']({}).then((s) => setWedge(s.wedge), () => {});
    return api.on('scanner.scan', (e) => setLast(e));
  }, [api]);
  useEffect(() => {
    if (!last) return;
    const timer = setTimeout(() => setLast(null), 6000);
    return () => clearTimeout(timer);
  }, [last]);

  useWedgeScanner(
    (raw) => {
      api['scanner.submit']({ raw, source: 'wedge' }).catch((err) =>
        setLast({ deviceId: null, raw, kind: 'unknown', message: errorMessage(err), at: new Date().toISOString() }),
      );
    },
    // On from the first moment with the defaults (the host's too), then the point's calibrated
    // thresholds once they arrive: waiting for them let a scan right after sign-in be typed into
    // the focused field, cut in two. Given as numbers from the start, so settings equal to the
    // defaults change nothing and do not rebuild the detector (which would cut a scan in flight).
    { ...(wedge ?? WEDGE_DEFAULTS), enabled: !session.locked },
  );

  if (!last) return null;
  const bad = last.kind === 'invalid' || last.kind === 'unknown';
  return (
    <div className={`scan-banner ${bad ? 'banner-error' : 'banner-ok'}`} role={bad ? 'alert' : 'status'} data-testid="scan-banner" data-kind={last.kind}>
      {last.message}
    </div>
  );
}
