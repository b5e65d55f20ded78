import { stmt } from '../../db/statements';
import type { Db } from '../../db/database';
import type { Dossier } from '../../../shared/api/reception';
import { nextS10FromRange } from '../../../shared/reception/codes';

export interface DossierRow {
  id: number;
  code: string;
  idempotency_key: string;
  item_number: string | null;
  procedure_id: number;
  procedure_code: string;
  procedure_name: string;
  agency: string;
  service: Dossier['service'];
  applicant: string;
  applicant_name: string;
  representative: string | null;
  delivery: string;
  checklist: string;
  originals: number;
  copies: number;
  received_at: string;
  received_day: string;
  received_by: number;
  agency_receives_on: string | null;
  result_date: string | null;
  payment_method: Dossier['paymentMethod'];
  total_amount: number;
  log_book_number: string;
  status: string;
  status_at: string;
}

export function toDossier(r: DossierRow): Dossier {
  return {
    id: r.id,
    code: r.code,
    itemNumber: r.item_number,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    agency: r.agency,
    service: r.service,
    applicantName: r.applicant_name,
    receivedAt: r.received_at,
    resultDate: r.result_date,
    totalAmount: r.total_amount,
    paymentMethod: r.payment_method,
    status: r.status,
    originals: r.originals,
    copies: r.copies,
  };
}

export function dossierRowById(db: Db, id: number): DossierRow | null {
  return (stmt(db, 'SELECT * FROM dossier WHERE id = ?').get(id) as DossierRow | undefined) ?? null;
}

export function dossierRowByCode(db: Db, code: string): DossierRow | null {
  return (stmt(db, 'SELECT * FROM dossier WHERE code = ? OR item_number = ?').get(code, code) as DossierRow | undefined) ?? null;
}

export function dossierRowByKey(db: Db, key: string): DossierRow | null {
  return (stmt(db, 'SELECT * FROM dossier WHERE idempotency_key = ?').get(key) as DossierRow | undefined) ?? null;
}

/** The next number of a point's day: one statement, inside the confirm transaction, so two clerks never share one. */
export function nextDossierSequence(db: Db, pointCode: string, day: string): number {
  return (
    stmt(db, 
        `INSERT INTO dossier_sequence (point_code, day, last) VALUES (?, ?, 1)
         ON CONFLICT (point_code, day) DO UPDATE SET last = last + 1 RETURNING last`,
      )
      .get(pointCode, day) as { last: number }
  ).last;
}

export interface S10RangeRow {
  id: number;
  prefix: string;
  country: string;
  start_serial: number;
  end_serial: number;
  last_used: number | null;
}

export function s10Ranges(db: Db): S10RangeRow[] {
  return stmt(db, 'SELECT * FROM s10_range ORDER BY id').all() as S10RangeRow[];
}

/** Ranges with numbers left, oldest first (used-up ranges stay for the record but are not read on every confirm). */
export function openS10Ranges(db: Db): S10RangeRow[] {
  return stmt(db, 'SELECT * FROM s10_range WHERE last_used IS NULL OR last_used < end_serial ORDER BY id').all() as S10RangeRow[];
}

export function useS10Serial(db: Db, rangeId: number, serial: number): void {
  stmt(db, 'UPDATE s10_range SET last_used = ? WHERE id = ?').run(serial, rangeId);
}

/** The next postal item number from the oldest range with numbers left (inside the caller's transaction), or null when all are used up. */
export function allocateItemNumber(db: Db): string | null {
  for (const r of openS10Ranges(db)) {
    const next = nextS10FromRange({ prefix: r.prefix, country: r.country, start: r.start_serial, end: r.end_serial }, r.last_used);
    if (next.ok) {
      useS10Serial(db, r.id, next.serial);
      return next.itemNumber;
    }
  }
  return null;
}

export function appendDossierEvent(db: Db, dossierId: number, at: string, type: string, userId: number | null, detail?: unknown): void {
  stmt(db, 'INSERT INTO dossier_event (dossier_id, at, type, user_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    dossierId,
    at,
    type,
    userId,
    detail === undefined ? null : JSON.stringify(detail),
  );
}

export interface LedgerLine {
  kind: 'phi' | 'le_phi' | 'postal_send' | 'postal_return' | 'reversal' | 'cod' | 'agency_handover';
  label: string;
  agency: string | null;
  amount: number;
  reverses?: number;
  note?: string;
}

export function appendLedger(db: Db, o: { at: string; day: string; userId: number; dossierId: number | null; paymentMethod: string; line: LedgerLine }): number {
  return Number(
    stmt(db, 
        `INSERT INTO ledger_entry (at, day, user_id, dossier_id, kind, label, agency, amount, payment_method, reverses, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(o.at, o.day, o.userId, o.dossierId, o.line.kind, o.line.label, o.line.agency, o.line.amount, o.paymentMethod, o.line.reverses ?? null, o.line.note ?? null)
      .lastInsertRowid,
  );
}

/** Ledger lines of a dossier not yet reversed (what a cancellation must reverse). */
export function openLedgerLines(db: Db, dossierId: number): { id: number; kind: string; label: string; agency: string | null; amount: number; payment_method: string }[] {
  return stmt(db, 
      `SELECT l.id, l.kind, l.label, l.agency, l.amount, l.payment_method FROM ledger_entry l
        WHERE l.dossier_id = ? AND l.kind <> 'reversal'
          AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = l.id)
        ORDER BY l.id`,
    )
    .all(dossierId) as { id: number; kind: string; label: string; agency: string | null; amount: number; payment_method: string }[];
}
