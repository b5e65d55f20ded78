/**
 * Vietnam's civil time is UTC+7 all year (no daylight saving), so the counter's
 * day and clock are computed without time-zone data.
 */
const OFFSET_MS = 7 * 3600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date in Vietnam, yyyy-mm-dd. */
export function vietnamDay(at: Date = new Date()): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "09:15 21/11/2026", as the receipt form writes the time of reception. */
export function vietnamClock(at: Date = new Date()): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** yyyy-mm-dd → dd/mm/yyyy. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A real calendar day written yyyy-mm-dd, from 2000 to 2099 (what a counter can mean: no 2026-11-31, no year 0000). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  return y >= 2000 && y <= 2099 && isRealDate(y, Number(m[2]), Number(m[3]));
}

/** True when y-m-d is a real calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  dt.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
