import { t } from '../../../shared/messages/vi';
import { parseDayFirst } from '../reception/model';

/** The quick picks of a report period, all in Vietnam's calendar. */
export const QUICK_PICKS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

export interface Period {
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period of a quick pick on `today` (yyyy-mm-dd): up to today, or the whole of last month. */
export function quickPeriod(pick: QuickPick, today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (pick) {
    case 'thisMonth':
      return { from: iso(y, m, 1), to: today };
    case 'lastMonth': {
      const py = m === 1 ? y - 1 : y;
      const pm = m === 1 ? 12 : m - 1;
      return { from: iso(py, pm, 1), to: iso(py, pm, lastDay(py, pm)) };
    }
    case 'thisQuarter':
      return { from: iso(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today };
    case 'thisYear':
      return { from: iso(y, 1, 1), to: today };
  }
}

/** The two dates as typed (dd/mm/yyyy) → a period, or the problems by field ('from', 'to'). */
export function checkPeriod(from: string, to: string): { value?: Period; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const f = parseDayFirst(from);
  const e = parseDayFirst(to);
  if (!from.trim()) errors.from = t('field.required');
  else if (!f) errors.from = t('recv.err.date');
  if (!to.trim()) errors.to = t('field.required');
  else if (!e) errors.to = t('recv.err.date');
  if (f && e && f > e) errors.to = t('ui.period.err.order');
  if (!f || !e || Object.keys(errors).length) return { errors };
  return { value: { from: f, to: e }, errors };
}
