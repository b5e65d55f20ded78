import { describe, expect, it } from 'vitest';
import { dayCloseMethods, isoDate } from '../../../shared/api/dayClose';

/** The day-close API takes calendar days only: no 2026-02-30, no month 13, no year 0000. */
describe('isoDate in the day-close API', () => {
  it('accepts real days and refuses what no calendar has', () => {
    for (const ok of ['2026-11-20', '2024-02-29', '2000-01-01', '2099-12-31']) expect(isoDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0000-00-00', '9999-99-99', '2099-13-01', '2026-02-30', '2025-02-29', '2026-11-31', '2026-00-10', '20261120', '2026-1-2', ' 2026-11-20'])
      expect(isoDate.safeParse(bad).success, bad).toBe(false);
  });

  it('guards the ledger ranges and the day parameters', () => {
    expect(dayCloseMethods['ledger.lines'].input.safeParse({ from: '0000-00-00', to: '9999-99-99' }).success).toBe(false);
    expect(dayCloseMethods['ledger.totals'].input.safeParse({ from: '2000-01-01', to: '2099-13-01', groupBy: ['day'] }).success).toBe(false);
    expect(dayCloseMethods['ledger.lines'].input.safeParse({ from: '2026-11-01', to: '2026-11-30' }).success).toBe(true);
    expect(dayCloseMethods['shift.list'].input.safeParse({ day: '2026-11-31' }).success).toBe(false);
    expect(dayCloseMethods['dayClose.report'].input.safeParse({ day: '2026-02-29' }).success).toBe(false);
    expect(dayCloseMethods['reports.period'].input.safeParse({ from: '2026-01-01', to: '2026-04-31' }).success).toBe(false);
  });
});
