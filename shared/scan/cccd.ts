/**
 * The QR code on a Vietnamese citizen ID card (căn cước công dân, CCCD).
 *
 * Fields are separated by `|` and read BY POSITION:
 *
 *   0 ID number (12 digits) | 1 old ID (9 digits, may be empty) | 2 full name |
 *   3 date of birth ddmmyyyy | 4 sex "Nam"/"Nữ" | 5 permanent address | 6 issue date ddmmyyyy
 *
 * What is accepted, and nothing else (never guess: a rejection names the field and the problem):
 *
 * - 7 fields as above; the old-ID field may be empty (it usually is on new cards).
 * - More than 7 fields (newer cards may append fields — unverified): accepted only when the
 *   first 7 are valid by themselves; the extra fields are ignored (counted in `extraFields`).
 * - Exactly 6 fields ONLY in the one unambiguous variant "old-ID field omitted" — what software
 *   that drops empty fields (`split('|').filter(Boolean)`) produces when the old ID is empty:
 *   `ID | name | dob | sex | address | issue date`. It is recognised by field 1 holding letters
 *   (a name) — an old ID is digits or empty, so the two layouts cannot be confused — and then
 *   every field must validate at its shifted position. Any other 6-field text (e.g. a 7-field
 *   QR cut short, field 1 empty or digits) is rejected as "wrong number of fields": we cannot
 *   tell which field is missing.
 * - Sex: "Nam" → male; "Nữ" → female, in any case and Unicode normalisation; also "Nu" without
 *   the diacritics (keyboard-wedge scanners and some layouts drop them; "Nu" cannot mean
 *   anything else). Other spellings are rejected.
 * - Dates: real calendar dates, year ≥ 1900, not after today (Vietnam time, UTC+7), and the
 *   issue date strictly after the date of birth.
 * - Name and address: trimmed, NFC, runs of white space collapsed to one space; must not be
 *   empty; the name must contain a letter and no digit.
 * - Text containing U+FFFD (bytes that were not valid UTF-8) is rejected outright: a damaged
 *   name must not be accepted.
 */
import { isRealDate, vietnamDay } from '../time/vietnam';

export interface CccdData {
  idNumber: string;
  oldIdNumber?: string;
  /** NFC, trimmed, single spaces — as printed (usually upper case). */
  fullName: string;
  /** ISO yyyy-mm-dd. */
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
  /** ISO yyyy-mm-dd. */
  issueDate: string;
}

export type CccdDateField = 'dateOfBirth' | 'issueDate';

export type CccdError =
  | { code: 'encoding' }
  | { code: 'field-count'; count: number }
  | { code: 'id-number'; value: string }
  | { code: 'old-id-number'; value: string }
  | { code: 'name-empty' }
  | { code: 'name-invalid'; value: string }
  /** Not 8 digits ddmmyyyy. */
  | { code: 'date-shape'; field: CccdDateField; value: string }
  /** 8 digits, but no such day (31/02/1990). */
  | { code: 'date-nonexistent'; field: CccdDateField; value: string }
  | { code: 'date-future'; field: CccdDateField; value: string }
  /** Before 1900. */
  | { code: 'date-too-old'; field: CccdDateField; value: string }
  | { code: 'issue-not-after-birth'; issueDate: string; dateOfBirth: string }
  | { code: 'sex'; value: string }
  | { code: 'address-empty' };

export type CccdLayout = 'standard' | 'old-id-omitted';

export type CccdResult =
  | { ok: true; value: CccdData; layout: CccdLayout; extraFields: number }
  | { ok: false; reason: CccdError };

export interface CccdParseOptions {
  /** "Today" as ISO yyyy-mm-dd; default: the current date in Vietnam (UTC+7, no daylight saving). */
  today?: string;
  /** Used when `today` is not given; default `new Date()`. */
  now?: Date;
}

const MIN_YEAR = 1900;

/** The current calendar date in Vietnam as yyyy-mm-dd. */
export const vietnamToday = (now: Date = new Date()): string => vietnamDay(now);

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// The scanners' callers import the calendar check from here too.
export { isRealDate };

/** Trim, NFC, collapse white space. */
function tidy(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

type DateCheck = { ok: true; iso: string } | { ok: false; reason: CccdError };

function parseDate(raw: string, field: CccdDateField, today: string): DateCheck {
  const value = raw.trim();
  const m = /^([0-9]{2})([0-9]{2})([0-9]{4})$/.exec(value);
  if (!m) return { ok: false, reason: { code: 'date-shape', field, value } };
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  if (!isRealDate(y, mo, d)) return { ok: false, reason: { code: 'date-nonexistent', field, value } };
  if (y < MIN_YEAR) return { ok: false, reason: { code: 'date-too-old', field, value } };
  const iso = isoDate(y, mo, d);
  if (iso > today) return { ok: false, reason: { code: 'date-future', field, value } };
  return { ok: true, iso };
}

function parseSex(raw: string): 'male' | 'female' | null {
  const s = raw.normalize('NFC').trim().toLowerCase();
  if (s === 'nam') return 'male';
  if (s === 'nữ' || s === 'nu') return 'female';
  return null;
}

const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{Nd}/u;

/** Parses CCCD QR text (already stripped of control characters and the scanner's suffix). Never throws. */
export function parseCccd(text: string, options: CccdParseOptions = {}): CccdResult {
  const input = String(text);
  if (input.includes('\uFFFD')) return { ok: false, reason: { code: 'encoding' } };
  const fields = input.split('|');

  let f: string[];
  let layout: CccdLayout = 'standard';
  let extraFields = 0;
  if (fields.length >= 7) {
    f = fields.slice(0, 7);
    extraFields = fields.length - 7;
  } else if (fields.length === 6 && HAS_LETTER.test(fields[1])) {
    f = [fields[0], '', ...fields.slice(1)];
    layout = 'old-id-omitted';
  } else {
    return { ok: false, reason: { code: 'field-count', count: fields.length } };
  }

  const today = options.today ?? vietnamToday(options.now);

  const idNumber = f[0].trim();
  if (!/^[0-9]{12}$/.test(idNumber)) return { ok: false, reason: { code: 'id-number', value: idNumber } };

  const oldIdNumber = f[1].trim();
  if (oldIdNumber !== '' && !/^[0-9]{9}$/.test(oldIdNumber)) {
    return { ok: false, reason: { code: 'old-id-number', value: oldIdNumber } };
  }

  const fullName = tidy(f[2]);
  if (fullName === '') return { ok: false, reason: { code: 'name-empty' } };
  if (!HAS_LETTER.test(fullName) || HAS_DIGIT.test(fullName)) return { ok: false, reason: { code: 'name-invalid', value: fullName } };

  const dob = parseDate(f[3], 'dateOfBirth', today);
  if (!dob.ok) return dob;

  const sex = parseSex(f[4]);
  if (!sex) return { ok: false, reason: { code: 'sex', value: tidy(f[4]) } };

  const address = tidy(f[5]);
  if (address === '') return { ok: false, reason: { code: 'address-empty' } };

  const issue = parseDate(f[6], 'issueDate', today);
  if (!issue.ok) return issue;
  if (issue.iso <= dob.iso) {
    return { ok: false, reason: { code: 'issue-not-after-birth', issueDate: f[6].trim(), dateOfBirth: f[3].trim() } };
  }

  const value: CccdData = {
    idNumber,
    ...(oldIdNumber ? { oldIdNumber } : {}),
    fullName,
    dateOfBirth: dob.iso,
    sex,
    address,
    issueDate: issue.iso,
  };
  return { ok: true, value, layout, extraFields };
}
