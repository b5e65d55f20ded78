import { formatVnd } from '../../../shared/reception/fees';
import { displayDate, vietnamClock, vietnamDay } from '../../../shared/time/vietnam';

/**
 * How the screens after reception write dates, times and money: dd/mm/yyyy, "dd/mm/yyyy hh:mm"
 * in Vietnam's time whatever the PC's zone, "25.000 đ".
 */

/** An ISO day (yyyy-mm-dd) or timestamp → dd/mm/yyyy (the day in Vietnam); '' when absent. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return displayDate(iso);
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : displayDate(vietnamDay(d));
}

/** An ISO timestamp → "dd/mm/yyyy hh:mm" in Vietnam's time. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // vietnamClock writes "hh:mm dd/mm/yyyy"; these screens put the day first
  return `${displayDate(vietnamDay(d))} ${vietnamClock(d).slice(0, 5)}`;
}

/** 25000 → "25.000 đ". */
export const money = formatVnd;

/**
 * An amount typed by the clerk ("25000", "25.000", "25 000") → đồng; null when it is not a whole
 * number of at most `max`.
 */
export function parseMoney(text: string, max = 10_000_000): number | null {
  const s = text.trim().replace(/[.\s]/g, '').replace(/đ$/i, '');
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n <= max ? n : null;
}
