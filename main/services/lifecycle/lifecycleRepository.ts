import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';
import { ApiError } from '../../../shared/api/errors';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import type { Delivery } from '../../../shared/api/reception';
import { applyEvent, isOverdue, stateLabel, type DossierEvent, type DossierState } from '../../../shared/dossier/lifecycle';
import { deliveryText } from '../../../shared/reception/delivery';

/**
 * Reads for the lifecycle screens and the one write every step goes through: `advance`, which
 * checks the step against the state machine, appends the event and moves `dossier.status` in the
 * caller's transaction.
 */

export interface SummaryRow {
  id: number;
  code: string;
  item_number: string | null;
  procedure_code: string;
  procedure_name: string;
  agency: string;
  service: DossierSummary['service'];
  applicant_name: string;
  applicant_id: string | null;
  applicant_phone: string | null;
  delivery: string;
  originals: number;
  copies: number;
  received_at: string;
  received_day: string;
  result_date: string | null;
  status: DossierState;
  status_at: string;
  agency_fees: number;
  amount_due: number;
}

/**
 * The ledger lines (alias `l`) of fees collected on an agency's behalf, net of their reversals:
 * what a manifest carries and what its hand-over pays out. One definition for every query.
 */
export const AGENCY_FEE_LINE = `l.agency IS NOT NULL AND l.kind IN ('phi', 'le_phi', 'reversal')`;

/** The summary's columns: two small indexed sub-selects for the money, everything else from the row. */
export const SUMMARY_COLUMNS = `d.id, d.code, d.item_number, d.procedure_code, d.procedure_name, d.agency, d.service, d.applicant_name,
  d.applicant_id, d.applicant_phone, d.delivery, d.originals, d.copies, d.received_at, d.received_day, d.result_date, d.status, d.status_at,
  (SELECT coalesce(sum(l.amount), 0) FROM ledger_entry l WHERE l.dossier_id = d.id AND ${AGENCY_FEE_LINE}) AS agency_fees,
  coalesce((SELECT u.amount FROM dossier_due u WHERE u.dossier_id = d.id), 0)
    - (SELECT coalesce(sum(l.amount), 0) FROM ledger_entry l WHERE l.dossier_id = d.id AND l.kind = 'cod') AS amount_due`;

export function toSummary(r: SummaryRow, today: string): DossierSummary {
  const delivery = JSON.parse(r.delivery) as Delivery;
  return {
    id: r.id,
    code: r.code,
    itemNumber: r.item_number,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    agency: r.agency,
    service: r.service,
    applicantName: r.applicant_name,
    applicantIdTail: r.applicant_id ? r.applicant_id.slice(-4) : null,
    applicantPhone: r.applicant_phone,
    deliveryKind: delivery.kind,
    deliveryText: deliveryText(delivery),
    originals: r.originals,
    copies: r.copies,
    agencyFees: r.agency_fees,
    amountDue: Math.max(0, r.amount_due),
    receivedAt: r.received_at,
    resultDate: r.result_date,
    status: r.status,
    statusLabel: stateLabel(r.status),
    statusAt: r.status_at,
    overdue: isOverdue(r.status, r.service, r.result_date, today),
  };
}

export function summaryById(db: Db, id: number, today: string): DossierSummary | null {
  const r = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.id = ?`).get(id) as SummaryRow | undefined;
  return r ? toSummary(r, today) : null;
}

/** A scan or a typed code: the dossier code or its postal item number (both unique indexes). */
export function summaryByCode(db: Db, code: string, today: string): DossierSummary | null {
  const r = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.code = ? UNION ALL SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.item_number = ? LIMIT 1`).get(code, code) as
    | SummaryRow
    | undefined;
  return r ? toSummary(r, today) : null;
}

export function summaries(db: Db, sql: string, params: unknown[], today: string): DossierSummary[] {
  return (stmt(db, sql).all(...params) as SummaryRow[]).map((r) => toSummary(r, today));
}

/** The manifest a dossier currently sits in (while `in_manifest`) or was dispatched in. */
export function currentManifestId(db: Db, dossierId: number): number | null {
  const r = stmt(db, 'SELECT manifest_id FROM manifest_item WHERE dossier_id = ? ORDER BY added_at DESC, manifest_id DESC LIMIT 1').get(dossierId) as
    | { manifest_id: number }
    | undefined;
  return r?.manifest_id ?? null;
}

/**
 * One step of a dossier's life, inside the caller's transaction: refused with the state
 * machine's Vietnamese reason, or appended to the history with the status moved in step.
 * `extra` is kept with the event for the timeline (numbers, names) but does not drive the fold.
 */
export function advance(
  db: Db,
  o: { dossierId: number; status: DossierState; event: DossierEvent; userId: number; at: string; extra?: Record<string, unknown>; refuse?: (message: string) => string },
): DossierState {
  const manifestId = o.status === 'in_manifest' || o.event.type === 'removed_from_manifest' || o.event.type === 'dispatched' ? currentManifestId(db, o.dossierId) : null;
  const step = applyEvent({ state: o.status, manifestId }, o.event);
  if (!step.ok) throw new ApiError('CONFLICT', o.refuse ? o.refuse(step.message) : step.message);
  const { type, ...payload } = o.event;
  stmt(db, 'INSERT INTO dossier_event (dossier_id, at, type, user_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    o.dossierId,
    o.at,
    type,
    o.userId,
    JSON.stringify({ ...payload, ...(o.extra ?? {}) }),
  );
  // Guarded by the status read in this transaction: a concurrent step that moved it first makes this one fail loudly.
  const moved = stmt(db, 'UPDATE dossier SET status = ?, status_at = ? WHERE id = ? AND status = ?').run(step.state, o.at, o.dossierId, o.status);
  if (moved.changes !== 1) throw new ApiError('CONFLICT', step.state);
  return step.state;
}

export function userName(db: Db, id: number | null): string {
  if (id === null) return '';
  return (stmt(db, 'SELECT full_name FROM app_user WHERE id = ?').get(id) as { full_name: string } | undefined)?.full_name ?? '';
}
