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
