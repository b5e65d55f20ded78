import type { Db } from '../../db/database';
import type { DayCloseConfig, DayReport, PeriodReport } from '../../../shared/api/dayClose';
import {
  ACTIVITY_METRICS,
  agencyDayRows,
  bcciShare,
  clerkTable,
  moneyTable,
  monthlyTrend,
  periodRows,
  qualitySummary,
  rollUpActivity,
  shareChart,
  trendChart,
} from '../../../shared/dayClose/report';
import {
  agencyOutstanding,
  catalogueShare,
  dayActivity,
  dayAgencyMovements,
  dayCancellations,
  dayMoney,
  dayMoneyByClerk,
  dayReprints,
  dayReversals,
  dayShifts,
  openingCash,
  periodActivity,
  periodIncidents,
  pointOf,
  procedureInfo,
} from './reportRepository';

/**
 * The figures of one day as an X report (nothing closed, no count, no seal). The day close adds
 * the count, the pending list and the seal to the same figures and stores the result as its Z
 * report.
 */
export function buildDayReport(db: Db, day: string, generatedAt: Date): DayReport {
  const counts = dayActivity(db, day);
  const rolled = rollUpActivity(
    counts,
    procedureInfo(
      db,
      counts.map((c) => c.procedureId),
    ),
  );
  const reversals = dayReversals(db, day);
  return {
    kind: 'X',
    day,
    point: pointOf(db),
    generatedAt: generatedAt.toISOString(),
    sequence: null,
    closedAt: null,
    closedBy: null,
    activity: rolled.activity,
    byField: rolled.byField,
    byAgency: rolled.byAgency,
    money: moneyTable(dayMoney(db, day)),
    byClerk: clerkTable(dayMoneyByClerk(db, day)),
    openingCash: openingCash(db, day),
    agencies: agencyDayRows(dayAgencyMovements(db, day), agencyOutstanding(db)),
    voids: { cancelled: dayCancellations(db, day), reversals, reversalTotal: reversals.reduce((s, r) => s + r.amount, 0) },
    reprints: dayReprints(db, day),
    shifts: dayShifts(db, day),
    count: null,
    pending: null,
    overrideReason: null,
    seal: null,
  };
}

/** The report upward for [from, to] (inclusive Vietnam days). */
export function buildPeriodReport(db: Db, from: string, to: string, targets: DayCloseConfig['bcciTargets'], generatedAt: Date): PeriodReport {
  const rows = periodActivity(db, from, to);
  const procedures = procedureInfo(
    db,
    rows.map((r) => r.procedureId),
  );
  const rolled = rollUpActivity(rows, procedures);
  const metric = (name: string) => rows.filter((r) => r.metric === name).reduce((s, r) => s + r.n, 0);
  const incidents = periodIncidents(db, from, to);
  const affected = (kind: 'lost' | 'damaged') => new Set(incidents.filter((i) => i.kind === kind).map((i) => i.dossierId)).size;
  const trend = monthlyTrend(from, to, rows);
  const share = bcciShare(catalogueShare(db), targets);
  const guidedByField = new Map<string, number>();
  for (const r of rows)
    if (ACTIVITY_METRICS.guided.includes(r.metric)) {
      const field = procedures.get(r.procedureId)?.field ?? '—';
      guidedByField.set(field, (guidedByField.get(field) ?? 0) + r.n);
    }
  const a = rolled.activity;
  return {
    from,
    to,
    generatedAt: generatedAt.toISOString(),
    point: pointOf(db),
    totals: { received: a.received, resultsReceived: a.resultsReceived, delivered: a.delivered, guided: a.guided, returnedToAgency: a.returnedToAgency, cancelled: a.cancelled },
    byLevel: periodRows(rolled.byLevel),
    byField: periodRows(rolled.byField),
    byAgency: periodRows(rolled.byAgency),
    bcciShare: share,
    quality: {
      ...qualitySummary({
        delivered: a.delivered,
        onTime: metric('delivered_on_time'),
        late: metric('delivered_late'),
        lost: affected('lost'),
        damaged: affected('damaged'),
        handled: a.received + a.resultsReceived,
      }),
      incidents: incidents.map((i) => ({ id: i.id, dossierCode: i.dossierCode, kind: i.kind, note: i.note, day: i.day, by: i.by })),
    },
    guidance: {
      issued: a.guided,
      byField: [...guidedByField].map(([name, issued]) => ({ name, issued })).sort((x, y) => x.name.localeCompare(y.name, 'vi')),
    },
    trend,
    charts: { trend: trendChart(trend), share: shareChart(share) },
  };
}
