import { t } from '../messages/vi';
import { isIsoDay, isRealDate } from '../time/vietnam';
import { formatS10, s10CheckDigit } from '../scan/s10';

/**
 * Codes allocated at reception:
 * - the dossier code `<point code>-<yymmdd>-<NNNN>` (the one-stop systems' `<agency>-<yymmdd>-<NNNN>`
 *   with the transaction point's code), e.g. `560000-250601-0001`;
 * - postal item numbers (UPU S10) from a range Vietnam Post allocated to the point.
 *
 * Pure: the caller supplies the date and the last number used (kept in the database).
 */

// ── Dossier codes ──

/**
 * The sequence is exactly 4 digits, 0001–9999 per point and day. We do NOT widen to 5 digits
 * after 9999: the one-stop convention and our own scanner (`classifyScan`) read exactly four,
 * so a 5-digit code would be unscannable and unparsable elsewhere. 9999 dossiers a day at one
 * point is far beyond any reported volume; the service refuses the 10 000th with
 * `reception.code.sequenceExhausted`.
 */
export const DOSSIER_SEQUENCE_MAX = 9999;

/** Same rule as the setup form and the scanner: 2–20 of upper-case letters, digits, '.', '-'. */
export const POINT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.-]{1,19}$/;

const DOSSIER_CODE = /^(.+)-([0-9]{6})-([0-9]{4})$/;

/**
 * `formatDossierCode('560000', '2025-06-01', 1)` → `"560000-250601-0001"`.
 * The point code is upper-cased (as the scanner does). Throws RangeError on a point code of the
 * wrong shape, a date that is not a real yyyy-mm-dd in 2000–2099 (yy is read back as 20yy),
 * or a sequence outside 1…9999 — callers check `DOSSIER_SEQUENCE_MAX` first.
 */
export function formatDossierCode(pointCode: string, date: string, sequence: number): string {
  const point = String(pointCode).trim().toUpperCase();
  if (!POINT_CODE_PATTERN.test(point)) throw new RangeError(`dossier code: bad point code "${pointCode}"`);
  if (!isIsoDay(date)) {
    throw new RangeError(`dossier code: bad date "${date}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > DOSSIER_SEQUENCE_MAX) {
    throw new RangeError(`dossier code: sequence must be 1…${DOSSIER_SEQUENCE_MAX}, got ${sequence}`);
  }
  return `${point}-${date.slice(2).replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

export interface DossierCode {
  /** Upper case, as printed. */
  code: string;
  pointCode: string;
  /** ISO yyyy-mm-dd (yy read as 20yy). */
  date: string;
  sequence: number;
}

export type DossierCodeErrorCode = 'shape' | 'point-code' | 'date' | 'sequence';

export type DossierCodeResult = { ok: true; value: DossierCode } | { ok: false; code: DossierCodeErrorCode; error: string };

/** Parses a dossier code (surrounding spaces ignored, letters upper-cased). Never throws. */
export function parseDossierCode(text: string): DossierCodeResult {
  const code = String(text ?? '').trim().toUpperCase();
  const m = DOSSIER_CODE.exec(code);
  if (!m) return { ok: false, code: 'shape', error: t('reception.code.shape', { code }) };
  const [, pointCode, yymmdd, seq] = m;
  if (!POINT_CODE_PATTERN.test(pointCode)) return { ok: false, code: 'point-code', error: t('reception.code.pointCode', { code, value: pointCode }) };
  const y = 2000 + Number(yymmdd.slice(0, 2));
  if (!isRealDate(y, Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6)))) {
    return { ok: false, code: 'date', error: t('reception.code.date', { code, value: yymmdd }) };
  }
  const sequence = Number(seq);
  if (sequence < 1) return { ok: false, code: 'sequence', error: t('reception.code.sequence', { code }) };
  return { ok: true, value: { code, pointCode, date: `${y}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`, sequence } };
}

// ── S10 item number ranges ──

export interface S10Range {
  /** Service indicator, 2 letters, e.g. "EA". */
  prefix: string;
  /** Country, 2 letters, e.g. "VN". */
  country: string;
  /** First serial of the range (0…99 999 999), inclusive. */
  start: number;
  /** Last serial of the range, inclusive. */
  end: number;
}

export type S10NextResult =
  | {
      ok: true;
      /** The serial to record as "last used" once the item number is printed. */
      serial: number;
      /** The full item number with its check digit, e.g. "EA123450003VN". */
      itemNumber: string;
      check: number;
      /** Serials left after this one. */
      remaining: number;
    }
  | { ok: false; code: 'range' | 'last-used' | 'exhausted'; error: string };

const MAX_SERIAL = 99_999_999;

const serial8 = (n: number) => String(n).padStart(8, '0');

/** Problems of a range the manager enters, in Vietnamese (empty = valid). */
export function validateS10Range(range: S10Range): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]{2}$/.test(String(range.prefix ?? ''))) problems.push(t('reception.s10.prefix', { value: String(range.prefix ?? '') }));
  if (!/^[A-Z]{2}$/.test(String(range.country ?? ''))) problems.push(t('reception.s10.country', { value: String(range.country ?? '') }));
  const okNumber = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_SERIAL;
  if (!okNumber(range.start) || !okNumber(range.end)) problems.push(t('reception.s10.serials'));
  else if (range.start > range.end) problems.push(t('reception.s10.order', { start: serial8(range.start), end: serial8(range.end) }));
  return problems;
}

/**
 * Serials left after `lastUsedSerial` (null = none used yet): the size of (lastUsed, end] within
 * [start, end]. A last-used serial below the range counts the whole range, above it counts 0.
 */
export function rangeRemaining(range: S10Range, lastUsedSerial: number | null): number {
  if (range.end < range.start) return 0;
  const from = lastUsedSerial === null ? range.start : Math.max(range.start, lastUsedSerial + 1);
  return Math.max(0, range.end - from + 1);
}

/**
 * The next item number of a range: `start` when nothing was used yet, else `lastUsedSerial + 1`.
 * Errors (Vietnamese): the range itself is invalid; the last-used serial lies outside the range
 * (the database and the range disagree — never guess); the range is used up.
 */
export function nextS10FromRange(range: S10Range, lastUsedSerial: number | null): S10NextResult {
  const problems = validateS10Range(range);
  if (problems.length) return { ok: false, code: 'range', error: problems.join(' ') };
  const first = serial8(range.start);
  const last = serial8(range.end);
  if (lastUsedSerial !== null) {
    if (!Number.isInteger(lastUsedSerial) || lastUsedSerial < range.start || lastUsedSerial > range.end) {
      return { ok: false, code: 'last-used', error: t('reception.s10.lastOutside', { serial: String(lastUsedSerial), start: first, end: last }) };
    }
    if (lastUsedSerial === range.end) {
      return { ok: false, code: 'exhausted', error: t('reception.s10.exhausted', { start: first, end: last }) };
    }
  }
  const serial = lastUsedSerial === null ? range.start : lastUsedSerial + 1;
  const digits = serial8(serial);
  return {
    ok: true,
    serial,
    itemNumber: formatS10(range.prefix, digits, range.country),
    check: s10CheckDigit(digits),
    remaining: range.end - serial,
  };
}
