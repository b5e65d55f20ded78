import { t } from '../../../shared/messages/vi';
import { DEFAULT_WEDGE_OPTIONS, type WedgeOptions } from './wedgeDetector';

/**
 * Wedge-scanner calibration: the setup screen asks the clerk to scan a printed test barcode
 * (3 times) while it records every keydown (`key`, `timeStamp`), then asks for thresholds here.
 *
 * - maxInterKeyMs = max observed gap × 1.5 + 10, rounded up, never below the default (40: a
 *   busy renderer can delay one keydown, and a tighter limit gains nothing — people are slower
 *   anyway) and capped at 100 (beyond that a fast typist looks like a scanner). A scanner whose
 *   largest gap is already ≥ 100 ms cannot be told from a person: calibration fails and the
 *   clerk is told to use the scanner's serial (COM) mode.
 * - idleEndMs = max(150, maxInterKeyMs + 50).
 * - The recorded text must be the same every time, and equal to `expected` when given (a
 *   scanner set to another keyboard layout types different characters).
 */

export interface CalibrationKey {
  key: string;
  timeStamp: number;
}

export interface CalibrationSample {
  /** Every keydown recorded during one test scan, modifiers and end key included. */
  keys: readonly CalibrationKey[];
}

export interface CalibrationOptions {
  /** The printed test barcode's content. */
  expected?: string;
  /** Scans required (default 3). */
  minSamples?: number;
}

export type CalibrationWarning = { code: 'slow'; maxGapMs: number } | { code: 'no-end-key'; idleEndMs: number };

export interface CalibrationObserved {
  text: string;
  maxGapMs: number;
  medianGapMs: number;
  /** The end key sent after every scan, or null when any scan had none. */
  endKey: string | null;
}

export type CalibrationResult =
  | { ok: true; options: WedgeOptions; observed: CalibrationObserved; warnings: CalibrationWarning[] }
  | { ok: false; issue: 'too-few'; needed: number }
  | { ok: false; issue: 'too-short'; length: number }
  | { ok: false; issue: 'inconsistent'; texts: string[] }
  | { ok: false; issue: 'mismatch'; got: string; expected: string }
  | { ok: false; issue: 'too-slow'; maxGapMs: number };

export const CALIBRATION_CAP_MS = 100;
/** Above this, a fast typist's roll-over can look like a scan: warn. */
const SLOW_WARNING_MS = 60;
const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'NumLock']);

function analyse(sample: CalibrationSample, endKeys: readonly string[]): { text: string; gaps: number[]; endKey: string | null } {
  const keys = sample.keys.filter((k) => !MODIFIERS.has(k.key));
  let endKey: string | null = null;
  let chars = keys;
  const last = keys[keys.length - 1];
  if (last && endKeys.includes(last.key)) {
    endKey = last.key;
    chars = keys.slice(0, -1);
  }
  const text = chars.map((k) => k.key).join('');
  const gaps: number[] = [];
  for (let i = 1; i < keys.length; i++) gaps.push(keys[i].timeStamp - keys[i - 1].timeStamp);
  return { text, gaps, endKey };
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function calibrate(samples: readonly CalibrationSample[], options: CalibrationOptions = {}): CalibrationResult {
  const needed = options.minSamples ?? 3;
  if (samples.length < needed) return { ok: false, issue: 'too-few', needed };

  const endKeys = DEFAULT_WEDGE_OPTIONS.endKeys;
  const runs = samples.map((s) => analyse(s, endKeys));
  const shortest = Math.min(...runs.map((r) => r.text.length));
  if (shortest < DEFAULT_WEDGE_OPTIONS.minLength) return { ok: false, issue: 'too-short', length: shortest };

  const texts = [...new Set(runs.map((r) => r.text))];
  if (texts.length > 1) return { ok: false, issue: 'inconsistent', texts };
  const text = texts[0];
  if (options.expected !== undefined && text !== options.expected) return { ok: false, issue: 'mismatch', got: text, expected: options.expected };

  const gaps = runs.flatMap((r) => r.gaps);
  const maxGapMs = Math.max(0, ...gaps);
  if (maxGapMs >= CALIBRATION_CAP_MS) return { ok: false, issue: 'too-slow', maxGapMs };

  const maxInterKeyMs = Math.min(CALIBRATION_CAP_MS, Math.max(DEFAULT_WEDGE_OPTIONS.maxInterKeyMs, Math.ceil(maxGapMs * 1.5 + 10)));
  const idleEndMs = Math.max(DEFAULT_WEDGE_OPTIONS.idleEndMs, maxInterKeyMs + 50);
  const endKey = runs.every((r) => r.endKey !== null && r.endKey === runs[0].endKey) ? runs[0].endKey : null;

  const warnings: CalibrationWarning[] = [];
  if (maxGapMs > SLOW_WARNING_MS) warnings.push({ code: 'slow', maxGapMs });
  if (endKey === null) warnings.push({ code: 'no-end-key', idleEndMs });

  return {
    ok: true,
    options: {
      ...DEFAULT_WEDGE_OPTIONS,
      endKeys: [...DEFAULT_WEDGE_OPTIONS.endKeys],
      maxInterKeyMs,
      idleEndMs,
      minLength: Math.min(DEFAULT_WEDGE_OPTIONS.minLength, text.length),
      minIdleLength: Math.min(DEFAULT_WEDGE_OPTIONS.minIdleLength, Math.max(text.length, DEFAULT_WEDGE_OPTIONS.minLength)),
    },
    observed: { text, maxGapMs, medianGapMs: median(gaps), endKey },
    warnings,
  };
}

/** Vietnamese sentences for the setup screen: the outcome first, then warnings. */
export function calibrationMessages(result: CalibrationResult): string[] {
  if (!result.ok) {
    switch (result.issue) {
      case 'too-few':
        return [t('scanner.calibrate.tooFew', { count: result.needed })];
      case 'too-short':
        return [t('scanner.calibrate.tooShort', { length: result.length })];
      case 'inconsistent':
        return [t('scanner.calibrate.inconsistent')];
      case 'mismatch':
        return [t('scanner.calibrate.mismatch', { got: result.got, expected: result.expected }), t('scanner.preferSerial')];
      case 'too-slow':
        return [t('scanner.calibrate.tooSlow', { gap: Math.round(result.maxGapMs) }), t('scanner.preferSerial')];
    }
  }
  const out = [t('scanner.calibrate.ok', { maxGap: Math.round(result.observed.maxGapMs), threshold: result.options.maxInterKeyMs })];
  for (const w of result.warnings) {
    out.push(w.code === 'slow' ? t('scanner.calibrate.slow', { gap: Math.round(w.maxGapMs) }) : t('scanner.calibrate.noEndKey', { idle: w.idleEndMs }));
  }
  return out;
}
