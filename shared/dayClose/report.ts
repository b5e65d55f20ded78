import type {
  Activity,
  ActivityRow,
  AgencyDayRow,
  LedgerKind,
  MoneyRow,
  MoneyTotals,
  PaymentMethod,
  PeriodReport,
  PeriodRow,
} from '../api/dayClose';
import { LEDGER_KINDS, type DayCloseConfig } from '../api/dayClose';
import type { A4Chart } from '../printing/a4';
import { t } from '../messages/vi';

/**
 * The arithmetic of the X / Z reports and the reports upward, from the SQL aggregates main reads
 * (counts per procedure and metric, sums per ledger kind and method). Pure, so every total is
 * unit-tested apart from the database.
 */

export const ACTIVITY_KEYS = ['received', 'guided', 'dispatched', 'resultsReceived', 'delivered', 'returnedToAgency', 'cancelled'] as const satisfies readonly (keyof Activity)[];

/** Which stored metrics (dossier event types, plus `guided` for supplement slips) make each figure. */
export const ACTIVITY_METRICS: Readonly<Record<keyof Activity, readonly string[]>> = {
  received: ['received'],
  guided: ['guided'],
  dispatched: ['dispatched'],
  resultsReceived: ['result_received', 'result_registered'],
  delivered: ['delivered'],
  returnedToAgency: ['returned_to_agency'],
  cancelled: ['cancelled'],
};

const METRIC_TO_KEY = new Map<string, keyof Activity>(ACTIVITY_KEYS.flatMap((k) => ACTIVITY_METRICS[k].map((m) => [m, k] as const)));

const emptyActivity = (): Activity => ({ received: 0, guided: 0, dispatched: 0, resultsReceived: 0, delivered: 0, returnedToAgency: 0, cancelled: 0 });

export interface MetricCount {
  procedureId: number;
  metric: string;
  n: number;
}

export interface ProcedureInfo {
  level: string;
  field: string;
  agency: string;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');

/** Totals and the breakdowns per field, agency and level of the counts per procedure and metric. */
export function rollUpActivity(
  counts: readonly MetricCount[],
  procedures: ReadonlyMap<number, ProcedureInfo>,
): { activity: Activity; byField: ActivityRow[]; byAgency: ActivityRow[]; byLevel: ActivityRow[] } {
  const activity = emptyActivity();
  const groups = { field: new Map<string, ActivityRow>(), agency: new Map<string, ActivityRow>(), level: new Map<string, ActivityRow>() };
  for (const c of counts) {
    const key = METRIC_TO_KEY.get(c.metric);
    if (!key || c.n === 0) continue;
    activity[key] += c.n;
    const p = procedures.get(c.procedureId);
    for (const dim of ['field', 'agency', 'level'] as const) {
      const name = p?.[dim] ?? t('dayClose.report.unknown');
      let row = groups[dim].get(name);
      if (!row) groups[dim].set(name, (row = { name, ...emptyActivity() }));
      row[key] += c.n;
    }
  }
  return {
    activity,
    byField: [...groups.field.values()].sort(byName),
    byAgency: [...groups.agency.values()].sort(byName),
    byLevel: [...groups.level.values()].sort(byName),
  };
}

export function ledgerKindLabel(kind: LedgerKind): string {
  return t(`dayClose.kind.${kind}`);
}

const emptyTotals = (): MoneyTotals => ({ cash: 0, transfer: 0, none: 0, total: 0, lines: 0 });

/** Sums per kind × payment method as one row per kind (cash / transfer / none columns), in ledger order. */
export function moneyTable(rows: readonly { kind: LedgerKind; paymentMethod: PaymentMethod; lines: number; amount: number }[]): { byKind: MoneyRow[]; totals: MoneyTotals } {
  const byKind = new Map<LedgerKind, MoneyRow>();
  const totals = emptyTotals();
  for (const r of rows) {
    let row = byKind.get(r.kind);
    if (!row) byKind.set(r.kind, (row = { kind: r.kind, label: ledgerKindLabel(r.kind), ...emptyTotals() }));
    row[r.paymentMethod] += r.amount;
    row.total += r.amount;
    row.lines += r.lines;
    totals[r.paymentMethod] += r.amount;
    totals.total += r.amount;
    totals.lines += r.lines;
  }
  return { byKind: LEDGER_KINDS.filter((k) => byKind.has(k)).map((k) => byKind.get(k) as MoneyRow), totals };
}

/** Per clerk: sums per payment method. */
export function clerkTable(
  rows: readonly { userId: number; name: string; paymentMethod: PaymentMethod; lines: number; amount: number }[],
): ({ userId: number; name: string } & MoneyTotals)[] {
  const byUser = new Map<number, { userId: number; name: string } & MoneyTotals>();
  for (const r of rows) {
    let row = byUser.get(r.userId);
    if (!row) byUser.set(r.userId, (row = { userId: r.userId, name: r.name, ...emptyTotals() }));
    row[r.paymentMethod] += r.amount;
    row.total += r.amount;
    row.lines += r.lines;
  }
  return [...byUser.values()].sort(byName);
}

/** How a ledger line moves what is owed to an agency: fee collected, fee reversed, handed over, hand-over reversed. */
export type AgencyMovement = 'fee' | 'fee_reversal' | 'handover' | 'handover_reversal';

/** The day's movements per agency, with what is still owed (all days) next to them. */
export function agencyDayRows(
  rows: readonly { agency: string; movement: AgencyMovement; amount: number }[],
  outstanding: ReadonlyMap<string, number>,
): AgencyDayRow[] {
  const byAgency = new Map<string, AgencyDayRow>();
  const row = (agency: string) => {
    let r = byAgency.get(agency);
    if (!r) byAgency.set(agency, (r = { agency, collected: 0, reversed: 0, handedOver: 0, outstanding: outstanding.get(agency) ?? 0 }));
    return r;
  };
  for (const r of rows) {
    const a = row(r.agency);
    if (r.movement === 'fee') a.collected += r.amount;
    else if (r.movement === 'fee_reversal') a.reversed += r.amount;
    // Hand-overs are negative lines (money leaving); shown as the positive amount handed over.
    else a.handedOver -= r.amount;
  }
  for (const [agency, amount] of outstanding) if (amount !== 0) row(agency);
  return [...byAgency.values()].sort((a, b) => a.agency.localeCompare(b.agency, 'vi'));
}

/** One decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * Share of procedures accepted via BCCI per level, against the target set for that level's name.
 * Levels without procedures are left out.
 */
export function bcciShare(
  levels: readonly { level: string; procedures: number; bcci: number }[],
  targets: DayCloseConfig['bcciTargets'],
): PeriodReport['bcciShare'] {
  return levels.filter((l) => l.procedures > 0).map((l) => {
    const pct = percent(l.bcci, l.procedures) ?? 0;
    const target = targets.find((x) => x.level === l.level)?.percent ?? null;
    return { level: l.level, procedures: l.procedures, bcci: l.bcci, percent: pct, target, met: target === null ? null : pct >= target };
  });
}

/** yyyy-mm of every month touching [from, to]. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** Monthly counts from per-day metric sums; every month of the period appears, empty ones as 0. */
export function monthlyTrend(
  from: string,
  to: string,
  rows: readonly { month: string; metric: string; n: number }[],
): PeriodReport['trend'] {
  const trend = new Map(monthsBetween(from, to).map((month) => [month, { month, received: 0, delivered: 0, late: 0 }]));
  for (const r of rows) {
    const m = trend.get(r.month);
    if (!m) continue;
    if (r.metric === 'received') m.received += r.n;
    else if (r.metric === 'delivered') m.delivered += r.n;
    else if (r.metric === 'delivered_late') m.late += r.n;
  }
  return [...trend.values()];
}

/** "11/2026" from "2026-11". */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The trend as the A4 chart the app and the PDF both draw (at most 60 months on the axis). */
export function trendChart(trend: PeriodReport['trend']): A4Chart {
  const shown = trend.slice(-60);
  return {
    chart: shown.length > 1 ? 'line' : 'bar',
    title: t('dayClose.period.trendTitle'),
    categories: shown.map((m) => monthLabel(m.month)),
    series: [
      { name: t('dayClose.period.received'), values: shown.map((m) => m.received) },
      { name: t('dayClose.period.delivered'), values: shown.map((m) => m.delivered) },
      { name: t('dayClose.period.late'), values: shown.map((m) => m.late) },
    ],
    unit: t('dayClose.period.unitDossiers'),
  };
}

export function shareChart(share: PeriodReport['bcciShare']): A4Chart {
  const levels = share.length ? share : [{ level: '—', percent: 0, target: null }];
  return {
    chart: 'bar',
    title: t('dayClose.period.shareTitle'),
    categories: levels.map((s) => s.level.slice(0, 60)),
    series: [
      { name: t('dayClose.period.shareActual'), values: levels.map((s) => s.percent) },
      { name: t('dayClose.period.shareTarget'), values: levels.map((s) => s.target ?? 0) },
    ],
    unit: '%',
  };
}

/** Delivered on time / late / without a date, lost and damaged, and the two rates a province publishes. */
export function qualitySummary(o: { delivered: number; onTime: number; late: number; lost: number; damaged: number; handled: number }): Omit<PeriodReport['quality'], 'incidents'> {
  const noDate = Math.max(0, o.delivered - o.onTime - o.late);
  return {
    delivered: o.delivered,
    onTime: o.onTime,
    late: o.late,
    noDate,
    lost: o.lost,
    damaged: o.damaged,
    onTimePercent: percent(o.onTime, o.onTime + o.late),
    intactPercent: o.handled === 0 ? null : percent(o.handled - Math.min(o.handled, o.lost + o.damaged), o.handled),
  };
}

/** Rows per level / field / agency of received, results received and delivered. */
export function periodRows(rows: readonly ActivityRow[]): PeriodRow[] {
  return rows.map((r) => ({ name: r.name, received: r.received, resultsReceived: r.resultsReceived, delivered: r.delivered }));
}
