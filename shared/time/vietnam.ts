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
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
