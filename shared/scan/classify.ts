import { t } from '../messages/vi';
import { isRealDate, parseCccd, type CccdData, type CccdError, type CccdLayout } from './cccd';
import { parseS10, type S10Error, type S10Item } from './s10';

/**
 * What a scanned code is. One scan → exactly one result; never throws.
 *
 * - `cccd`, `s10`, `dossier`, `procedure`: recognised and valid.
 * - `invalid`: it LOOKS like one kind (contains `|` → CCCD; 2 letters + digits + 2 letters →
 *   S10; `…-yymmdd-NNNN` → dossier; `d.ddd…` → procedure) but fails that kind's rules. The
 *   clerk gets a precise message; nothing is guessed or "corrected".
 * - `unknown`: nothing we know (or empty, undecodable, too long, or a frame the transport
 *   reported as incomplete — see `unknownScan`).
 */

export type ScanKind = 'cccd' | 's10' | 'dossier' | 'procedure';

export type DossierError =
  | { code: 'point-code'; value: string }
  | { code: 'date'; value: string }
  | { code: 'unknown-point'; value: string };

export type ProcedureError = { code: 'shape' };

export type UnknownReason = 'empty' | 'encoding' | 'too-long' | 'incomplete' | 'unrecognized';

export type ScanResult =
  | { kind: 'cccd'; value: CccdData; layout: CccdLayout }
  | { kind: 's10'; value: S10Item }
  /** `date` is ISO yyyy-mm-dd (yy read as 20yy); `sequence` keeps its leading zeros. */
  | { kind: 'dossier'; code: string; pointCode: string; date: string; sequence: string }
  | { kind: 'procedure'; code: string }
  | { kind: 'invalid'; expected: 'cccd'; raw: string; reason: CccdError }
  | { kind: 'invalid'; expected: 's10'; raw: string; reason: S10Error }
  | { kind: 'invalid'; expected: 'dossier'; raw: string; reason: DossierError }
  | { kind: 'invalid'; expected: 'procedure'; raw: string; reason: ProcedureError }
  | {
      kind: 'unknown';
      raw: string;
      reason: UnknownReason;
      /** too-long: the length in bytes (transport) or characters. */
      length?: number;
      /** incomplete: the suffix the transport waited for, e.g. "CR". */
      suffix?: string;
    };

export type InvalidScan = Extract<ScanResult, { kind: 'invalid' }>;
export type UnknownScan = Extract<ScanResult, { kind: 'unknown' }>;

export interface ClassifyOptions {
  /**
   * Known point / agency codes. When given, a dossier code whose point code is not in the
   * list is `invalid` (reason `unknown-point`); when absent, any well-formed point code passes.
   */
  pointCodes?: readonly string[];
  /** "Today" for CCCD date checks, ISO yyyy-mm-dd; default: today in Vietnam. */
  today?: string;
  now?: Date;
}

/** Longest text classified; anything longer is `unknown` / `too-long` (a CCCD QR is ~150–250 characters). */
export const MAX_SCAN_CHARS = 4096;

/**
 * Removes what a scanner adds around a code: control characters anywhere (C0, DEL, C1 — this
 * includes the CR / LF / TAB suffix and stray NULs), byte-order marks, and surrounding spaces.
 */
export function cleanScan(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return String(raw).replace(/[\u0000-\u001f\u007f-\u009f\ufeff]/g, '').trim();
}

const S10_LOOSE = /^[A-Za-z]{2}[0-9]{7,10}[A-Za-z]{2}$/;
const DOSSIER_STRICT = /^([A-Z0-9][A-Z0-9.-]{1,19})-([0-9]{6})-([0-9]{4})$/;
const DOSSIER_LOOSE = /^(\S+)-([0-9]{6})-([0-9]{4})$/;
const POINT_CODE = /^[A-Z0-9][A-Z0-9.-]{1,19}$/;
export const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Za-z]+)*$/;
const PROCEDURE_LOOSE = /^[0-9]\.[0-9]+(\.[0-9A-Za-z]*)*$/;

/** A result for a frame the transport already knows is not a code (too long, incomplete, undecodable). */
export function unknownScan(raw: string, reason: UnknownReason, extra: { length?: number; suffix?: string } = {}): UnknownScan {
  return { kind: 'unknown', raw: cleanScan(raw), reason, ...extra };
}

/** Classifies one scan. Never throws. */
export function classifyScan(raw: string, options: ClassifyOptions = {}): ScanResult {
  try {
    return classify(raw, options);
  } catch {
    // Defensive: every path above is total, but a scan must never take the app down.
    return unknownScan(typeof raw === 'string' ? raw : '', 'unrecognized');
  }
}

function classify(raw: string, options: ClassifyOptions): ScanResult {
  const text = cleanScan(raw);
  if (text === '') return { kind: 'unknown', raw: text, reason: 'empty' };
  if (text.length > MAX_SCAN_CHARS) return { kind: 'unknown', raw: text, reason: 'too-long', length: text.length };

  // Bytes that were not UTF-8 (binary noise, or a scanner sending a legacy code page): say so
  // first, even when the text also contains `|` — "check the scanner's encoding" is the useful advice.
  if (text.includes('\uFFFD')) return { kind: 'unknown', raw: text, reason: 'encoding' };

  if (text.includes('|')) {
    const r = parseCccd(text, { today: options.today, now: options.now });
    return r.ok ? { kind: 'cccd', value: r.value, layout: r.layout } : { kind: 'invalid', expected: 'cccd', raw: text, reason: r.reason };
  }

  if (S10_LOOSE.test(text)) {
    const r = parseS10(text);
    return r.ok ? { kind: 's10', value: r.value } : { kind: 'invalid', expected: 's10', raw: text, reason: r.reason };
  }

  const upper = text.toUpperCase();
  if (DOSSIER_LOOSE.test(upper)) {
    const m = DOSSIER_STRICT.exec(upper);
    const loose = DOSSIER_LOOSE.exec(upper)!;
    const pointCode = m ? m[1] : loose[1];
    if (!m || !POINT_CODE.test(pointCode)) {
      return { kind: 'invalid', expected: 'dossier', raw: upper, reason: { code: 'point-code', value: pointCode } };
    }
    const yymmdd = m[2];
    const y = 2000 + Number(yymmdd.slice(0, 2));
    const mo = Number(yymmdd.slice(2, 4));
    const d = Number(yymmdd.slice(4, 6));
    if (!isRealDate(y, mo, d)) return { kind: 'invalid', expected: 'dossier', raw: upper, reason: { code: 'date', value: yymmdd } };
    if (options.pointCodes && !options.pointCodes.some((p) => p.toUpperCase() === pointCode)) {
      return { kind: 'invalid', expected: 'dossier', raw: upper, reason: { code: 'unknown-point', value: pointCode } };
    }
    const date = `${y}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
    return { kind: 'dossier', code: upper, pointCode, date, sequence: m[3] };
  }

  if (PROCEDURE_CODE.test(text)) return { kind: 'procedure', code: text };
  if (PROCEDURE_LOOSE.test(text)) return { kind: 'invalid', expected: 'procedure', raw: text, reason: { code: 'shape' } };

  return { kind: 'unknown', raw: text, reason: 'unrecognized' };
}

/** Up to `max` characters of a scan for a message: undecodable bytes shown as "�", the rest elided with "…". */
export function scanPreview(raw: string, max = 40): string {
  const chars = Array.from(cleanScan(raw));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

function ddmmyyyy(v: string): string {
  return /^[0-9]{8}$/.test(v) ? `${v.slice(0, 2)}/${v.slice(2, 4)}/${v.slice(4)}` : v;
}

function cccdDetail(e: CccdError): string {
  switch (e.code) {
    case 'encoding':
      return t('scan.cccd.encoding');
    case 'field-count':
      return t('scan.cccd.fieldCount', { count: e.count });
    case 'id-number':
      return t('scan.cccd.idNumber', { value: e.value });
    case 'old-id-number':
      return t('scan.cccd.oldIdNumber', { value: e.value });
    case 'name-empty':
      return t('scan.cccd.nameEmpty');
    case 'name-invalid':
      return t('scan.cccd.nameInvalid', { value: e.value });
    case 'date-shape':
      return t('scan.cccd.dateShape', { field: t(`scan.field.${e.field}`), value: e.value });
    case 'date-nonexistent':
      return t('scan.cccd.dateNonexistent', { field: t(`scan.field.${e.field}`), value: ddmmyyyy(e.value) });
    case 'date-future':
      return t('scan.cccd.dateFuture', { field: t(`scan.field.${e.field}`), value: ddmmyyyy(e.value) });
    case 'date-too-old':
      return t('scan.cccd.dateTooOld', { field: t(`scan.field.${e.field}`), value: ddmmyyyy(e.value) });
    case 'issue-not-after-birth':
      return t('scan.cccd.issueNotAfterBirth', { issueDate: ddmmyyyy(e.issueDate), dateOfBirth: ddmmyyyy(e.dateOfBirth) });
    case 'sex':
      return t('scan.cccd.sex', { value: e.value });
    case 'address-empty':
      return t('scan.cccd.addressEmpty');
  }
}

/** The Vietnamese sentence the clerk reads for a scan result. */
export function scanMessage(result: ScanResult): string {
  switch (result.kind) {
    case 'cccd':
      return t('scan.cccd.ok', { idNumber: result.value.idNumber, fullName: result.value.fullName });
    case 's10':
      return t('scan.s10.ok', { code: result.value.full });
    case 'dossier':
      return t('scan.dossier.ok', { code: result.code });
    case 'procedure':
      return t('scan.procedure.ok', { code: result.code });
    case 'invalid':
      switch (result.expected) {
        case 's10':
          return result.reason.code === 'check-digit'
            ? t('scan.s10.checkDigit', { code: result.reason.text, expected: result.reason.expected })
            : t('scan.s10.shape', { code: result.reason.text });
        case 'cccd':
          return t('scan.cccd.invalid', { detail: cccdDetail(result.reason) });
        case 'dossier': {
          const r = result.reason;
          const detail =
            r.code === 'date'
              ? t('scan.dossier.date', { value: r.value })
              : r.code === 'point-code'
                ? t('scan.dossier.pointCode', { value: r.value })
                : t('scan.dossier.unknownPoint', { value: r.value });
          return t('scan.dossier.invalid', { code: scanPreview(result.raw, 60), detail });
        }
        case 'procedure':
          return t('scan.procedure.invalid', { code: scanPreview(result.raw, 60) });
      }
      break;
    case 'unknown': {
      const preview = scanPreview(result.raw);
      const detail =
        result.reason === 'empty'
          ? t('scan.unknown.empty')
          : result.reason === 'encoding'
            ? t('scan.unknown.encoding', { preview })
            : result.reason === 'too-long'
              ? t('scan.unknown.tooLong', { length: result.length ?? result.raw.length })
              : result.reason === 'incomplete'
                ? t('scan.unknown.incomplete', { suffix: result.suffix ?? '', preview })
                : t('scan.unknown.unrecognized', { preview });
      return t('scan.unknown', { detail });
    }
  }
  return t('scan.unknown', { detail: t('scan.unknown.unrecognized', { preview: '' }) });
}
