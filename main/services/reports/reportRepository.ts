import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';
import type { DayReport, LedgerKind, PaymentMethod } from '../../../shared/api/dayClose';
import type { AgencyMovement, MetricCount, ProcedureInfo } from '../../../shared/dayClose/report';
import { dayWindow } from '../dayClose/seal';

/**
 * The aggregates the reports read. Every query is driven by an index on a day or a time
 * (ledger_entry(day, kind), dossier_activity(day, …), dossier_event(at), guidance_slip(day),
 * incident(day), print_job partial indexes): a busy day reads thousands of rows, a year a few
 * hundred thousand small aggregate rows, never the whole history.
 */

export function pointOf(db: Db): DayReport['point'] {
  const p = stmt(db, 'SELECT code, name, province, commune FROM transaction_point WHERE id = 1').get() as DayReport['point'] | undefined;
  return p ?? { code: '', name: '', province: '', commune: '' };
}

/**
 * The cash in the drawers when `day` began: what the latest day close before it counted less the
 * cash it remitted (to the bank or the provincial post) — the opening float carried forward; 0
 * before the first close.
 */
export function openingCash(db: Db, day: string): number {
  return (stmt(db, 'SELECT cash_counted - cash_remitted FROM day_close WHERE day < ? ORDER BY day DESC LIMIT 1').pluck().get(day) as number | undefined) ?? 0;
}

/** Level, field and agency names of procedure rows (any catalogue version). */
export function procedureInfo(db: Db, ids: Iterable<number>): Map<number, ProcedureInfo> {
  const list = [...new Set(ids)];
  const rows = stmt(
    db,
    `SELECT p.id, l.name AS level, f.name AS field, a.name AS agency
       FROM procedure p JOIN catalogue_level l ON l.id = p.level_id JOIN catalogue_field f ON f.id = p.field_id JOIN catalogue_agency a ON a.id = p.agency_id
      WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(list)) as ({ id: number } & ProcedureInfo)[];
  return new Map(rows.map((r) => [r.id, { level: r.level, field: r.field, agency: r.agency }]));
}

export function dayActivity(db: Db, day: string): MetricCount[] {
  return stmt(db, 'SELECT procedure_id AS procedureId, metric, n FROM dossier_activity WHERE day = ?').all(day) as MetricCount[];
}

export function dayMoney(db: Db, day: string) {
  return stmt(db, 'SELECT kind, payment_method AS paymentMethod, count(*) AS lines, sum(amount) AS amount FROM ledger_entry WHERE day = ? GROUP BY kind, payment_method').all(day) as {
    kind: LedgerKind;
    paymentMethod: PaymentMethod;
    lines: number;
    amount: number;
  }[];
}

export function dayMoneyByClerk(db: Db, day: string) {
  return stmt(
    db,
    `SELECT l.user_id AS userId, u.full_name AS name, l.payment_method AS paymentMethod, count(*) AS lines, sum(l.amount) AS amount
       FROM ledger_entry l JOIN app_user u ON u.id = l.user_id WHERE l.day = ? GROUP BY l.user_id, l.payment_method`,
  ).all(day) as { userId: number; name: string; paymentMethod: PaymentMethod; lines: number; amount: number }[];
}

/** The day's lines that move what is owed to agencies, by agency and movement. */
export function dayAgencyMovements(db: Db, day: string) {
  return stmt(
    db,
    `SELECT l.agency, CASE
              WHEN l.kind IN ('phi', 'le_phi') THEN 'fee'
              WHEN l.kind = 'agency_handover' THEN 'handover'
              WHEN o.kind = 'agency_handover' THEN 'handover_reversal'
              ELSE 'fee_reversal' END AS movement,
            sum(l.amount) AS amount
       FROM ledger_entry l LEFT JOIN ledger_entry o ON l.kind = 'reversal' AND o.id = l.reverses
      WHERE l.day = ? AND l.agency IS NOT NULL AND coalesce(o.kind, l.kind) IN ('phi', 'le_phi', 'agency_handover')
      GROUP BY 1, 2`,
  ).all(day) as { agency: string; movement: AgencyMovement; amount: number }[];
}

/** Still owed per agency, all days (the running balance). */
export function agencyOutstanding(db: Db): Map<string, number> {
  const rows = stmt(db, 'SELECT agency, collected - handed_over AS owed FROM agency_fee_balance').all() as { agency: string; owed: number }[];
  return new Map(rows.map((r) => [r.agency, r.owed]));
}

export function dayCancellations(db: Db, day: string): DayReport['voids']['cancelled'] {
  const w = dayWindow(day);
  return stmt(
    db,
    `SELECT e.dossier_id AS dossierId, d.code, e.at, coalesce(u.full_name, '') AS "by", coalesce(json_extract(e.detail, '$.reason'), '') AS reason
       FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id LEFT JOIN app_user u ON u.id = e.user_id
      WHERE e.at >= ? AND e.at < ? AND e.type = 'cancelled' ORDER BY e.id`,
  ).all(w.start, w.end) as DayReport['voids']['cancelled'];
}

export function dayReversals(db: Db, day: string): DayReport['voids']['reversals'] {
  return stmt(
    db,
    `SELECT l.id, l.reverses, o.day AS originalDay, l.label, l.amount, l.payment_method AS paymentMethod, u.full_name AS "by", l.note
       FROM ledger_entry l JOIN app_user u ON u.id = l.user_id LEFT JOIN ledger_entry o ON o.id = l.reverses
      WHERE l.day = ? AND l.kind = 'reversal' ORDER BY l.id`,
  ).all(day) as DayReport['voids']['reversals'];
}

export function dayReprints(db: Db, day: string): DayReport['reprints'] {
  const w = dayWindow(day);
  return stmt(
    db,
    `SELECT j.id, j.title, j.reprint_of AS reprintOf, j.created_at AS at, coalesce(u.full_name, '') AS "by"
       FROM print_job j LEFT JOIN app_user u ON u.id = j.created_by
      WHERE j.reprint_of IS NOT NULL AND j.created_at >= ? AND j.created_at < ? ORDER BY j.id`,
  ).all(w.start, w.end) as DayReport['reprints'];
}

export function dayShifts(db: Db, day: string): DayReport['shifts'] {
  return stmt(
    db,
    `SELECT s.id, s.clerk_id AS clerkId, u.full_name AS clerk, s.day, s.opened_at AS openedAt, s.closed_at AS closedAt, s.line_count AS lines,
            s.cash_expected AS cashExpected, s.cash_counted AS cashCounted, s.transfer_expected AS transferExpected,
            s.transfer_confirmed AS transferConfirmed, s.reason, a.full_name AS approvedBy
       FROM shift_close s JOIN app_user u ON u.id = s.clerk_id LEFT JOIN app_user a ON a.id = s.approved_by
      WHERE s.day = ? ORDER BY s.id`,
  ).all(day) as DayReport['shifts'];
}

/** Per month, metric and procedure over [from, to] (dossier_activity's primary key is (day, …)). */
export function periodActivity(db: Db, from: string, to: string) {
  return stmt(
    db,
    `SELECT substr(day, 1, 7) AS month, metric, procedure_id AS procedureId, sum(n) AS n
       FROM dossier_activity WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3`,
  ).all(from, to) as { month: string; metric: string; procedureId: number; n: number }[];
}

/** An incident's columns and joins (`SELECT ${INCIDENT_COLUMNS} WHERE …`), as the API's `Incident` has them. */
export const INCIDENT_COLUMNS = `i.id, i.dossier_id AS dossierId, d.code AS dossierCode, i.kind, i.note, i.at, i.day, u.full_name AS "by"
  FROM incident i JOIN dossier d ON d.id = i.dossier_id JOIN app_user u ON u.id = i.user_id`;

export function periodIncidents(db: Db, from: string, to: string) {
  return stmt(db, `SELECT ${INCIDENT_COLUMNS} WHERE i.day BETWEEN ? AND ? ORDER BY i.id`).all(from, to) as { id: number; dossierId: number; dossierCode: string; kind: 'lost' | 'damaged'; note: string; at: string; day: string; by: string }[];
}

/** Procedures of the current catalogue per level (catalogue order), and how many are accepted via BCCI. */
export function catalogueShare(db: Db): { level: string; procedures: number; bcci: number }[] {
  return stmt(
    db,
    `SELECT l.name AS level, count(p.id) AS procedures, coalesce(sum(p.bcci_receive), 0) AS bcci
       FROM catalogue_level l
       LEFT JOIN procedure p ON p.level_id = l.id AND p.version_id = (SELECT max(id) FROM catalogue_version)
      GROUP BY l.id ORDER BY l.id`,
  ).all() as { level: string; procedures: number; bcci: number }[];
}
