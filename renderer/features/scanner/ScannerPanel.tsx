import { useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { calibrate, calibrationMessages, type CalibrationKey, type CalibrationSample } from './calibrate';

/**
 * Scanner tools on the device screen: the emulated scanner (type or paste a
 * code) and the keyboard-wedge calibration (three test scans → thresholds).
 */
export function ScannerPanel() {
  const { api } = useApp();
  const [emulated, setEmulated] = useState('');
  const [samples, setSamples] = useState<CalibrationSample[]>([]);
  const current = useRef<CalibrationKey[]>([]);
  const [notes, setNotes] = useState<{ ok: boolean; lines: string[] } | null>(null);

  function onCalibrationKey(e: KeyboardEvent<HTMLInputElement>) {
    current.current.push({ key: e.key, timeStamp: e.timeStamp });
    if (e.key !== 'Enter' && e.key !== 'Tab') return;
    e.preventDefault();
    const next = [...samples, { keys: current.current }];
    current.current = [];
    (e.target as HTMLInputElement).value = '';
    setSamples(next);
    if (next.length < 3) return;
    const result = calibrate(next);
    setSamples([]);
    if (!result.ok) return setNotes({ ok: false, lines: calibrationMessages(result) });
    const wedge = { maxInterKeyMs: result.options.maxInterKeyMs, minLength: result.options.minLength, idleEndMs: result.options.idleEndMs };
    api['settings.update']({ wedge }).then(
      () => setNotes({ ok: true, lines: [t('devices.wedgeSaved', { gap: wedge.maxInterKeyMs, min: wedge.minLength }), ...calibrationMessages(result)] }),
      (err) => setNotes({ ok: false, lines: [errorMessage(err)] }),
    );
  }

  return (
    <div className="panel" aria-label={t('devices.wedge')}>
      <h2>{t('devices.wedge')}</h2>
      <p className="muted small">{t('scanner.preferSerial')}</p>
      <label className="field">
        <span>
          {t('devices.wedgeCalibrate')} ({samples.length}/3)
        </span>
        <input data-accepts-scan="true" name="wedge-calibration" onKeyDown={onCalibrationKey} autoComplete="off" />
      </label>
      {notes && (
        <ul className={notes.ok ? 'ok' : 'error'} role={notes.ok ? 'status' : 'alert'}>
          {notes.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!emulated.trim()) return;
          void api['scanner.submit']({ raw: emulated, source: 'emulated' }).then(() => setEmulated(''));
        }}
      >
        <label className="field">
          <span>{t('devices.simulateScan')}</span>
          <input data-accepts-scan="true" name="emulated-scan" value={emulated} onChange={(e) => setEmulated(e.target.value)} />
        </label>
      </form>
    </div>
  );
}
