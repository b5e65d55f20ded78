/**
 * UPU S10 postal item numbers (mã bưu gửi), e.g. `EA123456785VN`:
 * 2-letter service indicator, 8-digit serial, 1 check digit, 2-letter country.
 *
 * Check digit: weights 8 6 4 2 3 5 9 7 over the 8 serial digits,
 * c = 11 − (sum mod 11); 10 → 0, 11 → 5.
 */

export interface S10Item {
  /** Service indicator, e.g. "EA", "RR", "CP". */
  service: string;
  /** The 8-digit serial number. */
  serial: string;
  check: number;
  /** Country of origin, e.g. "VN". */
  country: string;
  /** The whole item number, upper case: "EA123456785VN". */
  full: string;
}

export type S10Error =
  /** Not 2 letters + 9 digits + 2 letters. */
  | { code: 'shape'; text: string }
  /** The right shape but the check digit does not match the serial. */
  | { code: 'check-digit'; text: string; expected: number; found: number };

export type S10Result = { ok: true; value: S10Item } | { ok: false; reason: S10Error };

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The S10 check digit of an 8-digit serial. Throws RangeError on anything but 8 ASCII digits (a programming error). */
export function s10CheckDigit(eightDigits: string): number {
  if (!/^[0-9]{8}$/.test(eightDigits)) throw new RangeError(`S10 serial must be 8 digits, got "${eightDigits}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (eightDigits.charCodeAt(i) - 48) * WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

const S10_SHAPE = /^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$/;

/**
 * Parses an S10 item number. Surrounding white space is ignored and letters are
 * upper-cased: a keyboard-wedge scanner typing while Caps Lock is on inverts the
 * case of letters, and S10 letters have no lower-case meaning, so this is not a guess.
 * Never throws.
 */
export function parseS10(text: string): S10Result {
  const upper = String(text).trim().toUpperCase();
  const m = S10_SHAPE.exec(upper);
  if (!m) return { ok: false, reason: { code: 'shape', text: upper } };
  const [, service, serial, checkText, country] = m;
  const expected = s10CheckDigit(serial);
  const found = Number(checkText);
  if (found !== expected) return { ok: false, reason: { code: 'check-digit', text: upper, expected, found } };
  return { ok: true, value: { service, serial, check: found, country, full: upper } };
}

/**
 * Builds an item number from its parts, adding the check digit:
 * `formatS10('EA', '12345678', 'VN')` → `"EA123456785VN"`.
 * Throws RangeError when a part has the wrong shape (a programming error).
 */
export function formatS10(prefix: string, serial: string, country: string): string {
  const p = prefix.toUpperCase();
  const c = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(p)) throw new RangeError(`S10 service indicator must be 2 letters, got "${prefix}"`);
  if (!/^[A-Z]{2}$/.test(c)) throw new RangeError(`S10 country must be 2 letters, got "${country}"`);
  return `${p}${serial}${s10CheckDigit(serial)}${c}`;
}
