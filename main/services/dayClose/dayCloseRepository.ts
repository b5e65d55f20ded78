import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';
import type { DayCloseSummary, LedgerKind, PaymentMethod, Pending, PendingGroup, Shift } from '../../../shared/api/dayClose';
import { stateLabel, isDossierState } from '../../../shared/dossier/lifecycle';
import { dayWindow, type DayCloseFacts } from './seal';

/** Counts, shift closes, day closes and the pending list: plain functions over the one connection. */

export interface CashCountRow {
  id: number;
  scope: 'shift' | 'day';
  day: string;
  at: string;
  user_id: number;
  denominations: string;
  cash_counted: number;
  transfer_confirmed: number;
  cash_expected: number;
  transfer_expected: number;
  after_ledger_id: number;
  last_ledger_id: number;
  line_count: number;
  idempotency_key: string;
}

/** What a shift close and a day close take over from the count they close on. */
export function countFigures(c: CashCountRow) {
  return {
    count_id: c.id,
    cash_expected: c.cash_expected,
    cash_counted: c.cash_counted,
    transfer_expected: c.transfer_expected,
    transfer_confirmed: c.transfer_confirmed,
  };
}

export interface Expectation {
  cash: number;
  transfer: number;
  lines: number;
  lastId: number;
}

const EXPECTATION = `coalesce(sum(CASE WHEN payment_method = 'cash' THEN amount END), 0) AS cash,
  coalesce(sum(CASE WHEN payment_method = 'transfer' THEN amount END), 0) AS transfer, count(*) AS lines, coalesce(max(id), 0) AS lastId`;

// ── Drawers ──
// A line's money is in the drawer of the user who wrote it, except a reversal: the refund of a
// cancelled dossier or a corrected line is paid out of (or back into) the drawer of the line it
// reverses, whoever wrote the reversal (a manager cancelling a clerk's dossier). The ledger rows
// keep who wrote them; only the shifts (and the open shifts at the day close) read drawers.

/** The drawer (user id) of ledger line alias `l`. */
export const drawerOf = (l: string) =>
  `CASE WHEN ${l}.kind = 'reversal' THEN coalesce((SELECT o.user_id FROM ledger_entry o WHERE o.id = ${l}.reverses), ${l}.user_id) ELSE ${l}.user_id END`;

const NO_DAY = '9999-12-31';

/**
 * The lines of `user`'s drawer with @after < id <= @last, as `columns` of alias l: the user's own
 * lines (less their reversals of other drawers' lines), and the reversals others wrote of the user's
 * lines. Those are found by the day index from the day of line @after on (ids and days grow together),
 * so neither part reads more than the lines since the previous shift close.
 */
function drawerLines(columns: string): string {
  return `SELECT ${columns} FROM ledger_entry l
       WHERE l.user_id = @user AND l.id > @after AND l.id <= @last AND ${drawerOf('l')} = @user
     UNION ALL
     SELECT ${columns} FROM ledger_entry l
       WHERE l.day >= @fromDay AND l.kind = 'reversal' AND l.id > @after AND l.id <= @last AND l.user_id <> @user AND ${drawerOf('l')} = @user`;
}

function drawerParams(db: Db, userId: number, afterId: number, lastId = Number.MAX_SAFE_INTEGER) {
  // A reversal comes after the line it reverses: with nothing closed yet, after the user's first line.
  const fromDay =
    afterId > 0
      ? (stmt(db, 'SELECT day FROM ledger_entry WHERE id = ?').pluck().get(afterId) as string | undefined)
      : (stmt(db, 'SELECT day FROM ledger_entry WHERE user_id = ? ORDER BY id LIMIT 1').pluck().get(userId) as string | undefined);
  return { user: userId, after: afterId, last: lastId, fromDay: fromDay ?? NO_DAY };
}

/**
 * What a clerk's drawer should hold: the lines of their drawer after the given one (their previous
 * shift close). A shift is the clerk's takings since their last shift close — never the opening
 * float, which belongs to the day (the day close counts every drawer together).
 */
export function shiftExpectation(db: Db, userId: number, afterId: number): Expectation {
  return stmt(db, `SELECT ${EXPECTATION} FROM (${drawerLines('l.id, l.amount, l.payment_method')})`).get(drawerParams(db, userId, afterId)) as Expectation;
}

/** What the point took on a day, every clerk together (the day's net movement; the opening float is added by the caller). */
export function dayExpectation(db: Db, day: string): Expectation {
  return stmt(db, `SELECT ${EXPECTATION} FROM ledger_entry WHERE day = ?`).get(day) as Expectation;
}

/** The day's net cash lines up to a given line (what a day count expected on top of its opening float). */
export function dayCashUpTo(db: Db, day: string, lastId: number): number {
  return stmt(db, `SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE day = ? AND payment_method = 'cash' AND id <= ?`).pluck().get(day, lastId) as number;
}

export function lastShiftClose(db: Db, userId: number): { id: number; last_ledger_id: number; closed_at: string } | null {
  return (
    (stmt(db, 'SELECT id, last_ledger_id, closed_at FROM shift_close WHERE clerk_id = ? ORDER BY id DESC LIMIT 1').get(userId) as
      | { id: number; last_ledger_id: number; closed_at: string }
      | undefined) ?? null
  );
}

export function insertCount(db: Db, c: Omit<CashCountRow, 'id'>): number {
  return Number(
    stmt(
      db,
      `INSERT INTO cash_count (scope, day, at, user_id, denominations, cash_counted, transfer_confirmed, cash_expected, transfer_expected,
         after_ledger_id, last_ledger_id, line_count, idempotency_key)
       VALUES (@scope, @day, @at, @user_id, @denominations, @cash_counted, @transfer_confirmed, @cash_expected, @transfer_expected,
         @after_ledger_id, @last_ledger_id, @line_count, @idempotency_key)`,
    ).run(c).lastInsertRowid,
  );
}

export function countById(db: Db, id: number): CashCountRow | null {
  return (stmt(db, 'SELECT * FROM cash_count WHERE id = ?').get(id) as CashCountRow | undefined) ?? null;
}

export function countByKey(db: Db, key: string): CashCountRow | null {
  return (stmt(db, 'SELECT * FROM cash_count WHERE idempotency_key = ?').get(key) as CashCountRow | undefined) ?? null;
}

export function latestShiftCount(db: Db, userId: number): CashCountRow | null {
  return (stmt(db, `SELECT * FROM cash_count WHERE scope = 'shift' AND user_id = ? ORDER BY id DESC LIMIT 1`).get(userId) as CashCountRow | undefined) ?? null;
}

export function latestDayCount(db: Db, day: string): CashCountRow | null {
  return (stmt(db, `SELECT * FROM cash_count WHERE scope = 'day' AND day = ? ORDER BY id DESC LIMIT 1`).get(day) as CashCountRow | undefined) ?? null;
}

export function dayCountAttempts(db: Db, day: string): number {
  return (stmt(db, `SELECT count(*) AS n FROM cash_count WHERE scope = 'day' AND day = ?`).get(day) as { n: number }).n;
}

export function userName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  return (stmt(db, 'SELECT full_name FROM app_user WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

// ── Shifts ──

export function shiftMoney(db: Db, userId: number, afterId: number, lastId: number): Shift['money'] {
  return stmt(
    db,
    `SELECT kind, payment_method AS paymentMethod, count(*) AS lines, sum(amount) AS amount FROM (${drawerLines('l.kind, l.payment_method, l.amount')})
      GROUP BY kind, payment_method ORDER BY kind, payment_method`,
  ).all(drawerParams(db, userId, afterId, lastId)) as { kind: LedgerKind; paymentMethod: PaymentMethod; lines: number; amount: number }[];
}

export function firstLineAt(db: Db, userId: number, afterId: number, lastId: number): string | null {
  return (stmt(db, `SELECT at FROM (${drawerLines('l.id, l.at')}) ORDER BY id LIMIT 1`).pluck().get(drawerParams(db, userId, afterId, lastId)) as string | undefined) ?? null;
}

export interface ShiftRow {
  id: number;
  clerk_id: number;
  day: string;
  opened_at: string | null;
  closed_at: string;
  after_ledger_id: number;
  last_ledger_id: number;
  line_count: number;
  count_id: number;
  cash_expected: number;
  cash_counted: number;
  transfer_expected: number;
  transfer_confirmed: number;
  reason: string | null;
  approved_by: number | null;
  money: string;
  idempotency_key: string;
}

export function insertShift(db: Db, s: Omit<ShiftRow, 'id'>): number {
  return Number(
    stmt(
      db,
      `INSERT INTO shift_close (clerk_id, day, opened_at, closed_at, after_ledger_id, last_ledger_id, line_count, count_id, cash_expected, cash_counted,
         transfer_expected, transfer_confirmed, reason, approved_by, money, idempotency_key)
       VALUES (@clerk_id, @day, @opened_at, @closed_at, @after_ledger_id, @last_ledger_id, @line_count, @count_id, @cash_expected, @cash_counted,
         @transfer_expected, @transfer_confirmed, @reason, @approved_by, @money, @idempotency_key)`,
    ).run(s).lastInsertRowid,
  );
}

export function shiftById(db: Db, id: number): ShiftRow | null {
  return (stmt(db, 'SELECT * FROM shift_close WHERE id = ?').get(id) as ShiftRow | undefined) ?? null;
}

export function shiftByKey(db: Db, key: string): ShiftRow | null {
  return (stmt(db, 'SELECT * FROM shift_close WHERE idempotency_key = ?').get(key) as ShiftRow | undefined) ?? null;
}

export function shiftByCount(db: Db, countId: number): ShiftRow | null {
  return (stmt(db, 'SELECT * FROM shift_close WHERE count_id = ?').get(countId) as ShiftRow | undefined) ?? null;
}

/** Newest first; one statement per filter so each reads its index (`@x IS NULL OR …` would scan). */
export function listShifts(db: Db, o: { day?: string; userId?: number; limit: number }): ShiftRow[] {
  if (o.day !== undefined) {
    const byClerk = o.userId !== undefined ? ' AND clerk_id = @userId' : '';
    return stmt(db, `SELECT * FROM shift_close WHERE day = @day${byClerk} ORDER BY id DESC LIMIT @limit`).all({ day: o.day, limit: o.limit, ...(byClerk ? { userId: o.userId } : {}) }) as ShiftRow[];
  }
  if (o.userId !== undefined) return stmt(db, 'SELECT * FROM shift_close WHERE clerk_id = ? ORDER BY id DESC LIMIT ?').all(o.userId, o.limit) as ShiftRow[];
  return stmt(db, 'SELECT * FROM shift_close ORDER BY id DESC LIMIT ?').all(o.limit) as ShiftRow[];
}

export function toShift(db: Db, r: ShiftRow): Shift {
  return {
    id: r.id,
    clerkId: r.clerk_id,
    clerk: userName(db, r.clerk_id) ?? '',
    day: r.day,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    lines: r.line_count,
    cashExpected: r.cash_expected,
    cashCounted: r.cash_counted,
    transferExpected: r.transfer_expected,
    transferConfirmed: r.transfer_confirmed,
    reason: r.reason,
    approvedBy: userName(db, r.approved_by),
    money: JSON.parse(r.money) as Shift['money'],
  };
}

// ── Day closes ──

export interface DayCloseRow extends DayCloseFacts {
  id: number;
  report: string;
  ledger_digest: string;
  events_digest: string;
  slips_digest: string;
  count_digest: string;
  prev_hash: string;
  hash: string;
  idempotency_key: string;
}

export function insertDayClose(db: Db, r: Omit<DayCloseRow, 'id'>): number {
  return Number(
    stmt(
      db,
      `INSERT INTO day_close (sequence, point_code, day, closed_at, closed_by, count_id, cash_expected, cash_counted, transfer_expected, transfer_confirmed,
         reason, approved_by, override_reason, cash_remitted, remittance_note, report, ledger_digest, events_digest, slips_digest, count_digest, prev_hash, hash,
         idempotency_key)
       VALUES (@sequence, @point_code, @day, @closed_at, @closed_by, @count_id, @cash_expected, @cash_counted, @transfer_expected, @transfer_confirmed,
         @reason, @approved_by, @override_reason, @cash_remitted, @remittance_note, @report, @ledger_digest, @events_digest, @slips_digest, @count_digest, @prev_hash, @hash,
         @idempotency_key)`,
    ).run(r).lastInsertRowid,
  );
}

export function dayCloseByDay(db: Db, day: string): DayCloseRow | null {
  return (stmt(db, 'SELECT * FROM day_close WHERE day = ?').get(day) as DayCloseRow | undefined) ?? null;
}

export function dayCloseByKey(db: Db, key: string): DayCloseRow | null {
  return (stmt(db, 'SELECT * FROM day_close WHERE idempotency_key = ?').get(key) as DayCloseRow | undefined) ?? null;
}

export function lastDayClose(db: Db): { sequence: number; hash: string } | null {
  return (stmt(db, 'SELECT sequence, hash FROM day_close ORDER BY sequence DESC LIMIT 1').get() as { sequence: number; hash: string } | undefined) ?? null;
}

export function listDayCloses(db: Db, limit: number, beforeSequence?: number): DayCloseRow[] {
  return stmt(db, 'SELECT * FROM day_close WHERE sequence < ? ORDER BY sequence DESC LIMIT ?').all(beforeSequence ?? Number.MAX_SAFE_INTEGER, limit) as DayCloseRow[];
}

export function toSummary(db: Db, r: DayCloseRow): DayCloseSummary {
  return {
    id: r.id,
    sequence: r.sequence,
    day: r.day,
    closedAt: r.closed_at,
    closedBy: userName(db, r.closed_by) ?? '',
    cashExpected: r.cash_expected,
    cashCounted: r.cash_counted,
    transferExpected: r.transfer_expected,
    transferConfirmed: r.transfer_confirmed,
    reason: r.reason,
    approvedBy: userName(db, r.approved_by),
    overrideReason: r.override_reason,
    cashRemitted: r.cash_remitted,
    remittanceNote: r.remittance_note,
    hash: r.hash,
  };
}

// ── Pending work before a close ──

const SHOWN = 50;
const NOT_DELIVERED = ['result_received', 'awaiting_pickup', 'out_for_delivery', 'delivery_failed'] as const;
const NOT_DELIVERED_IN = `(${NOT_DELIVERED.map((s) => `'${s}'`).join(', ')})`;
/**
 * The oldest SHOWN not-delivered results: the first SHOWN ids of each state walked in order on
 * the (status, status_at) index, merged, then the columns of those SHOWN rows only — never a read
 * or a sort of every result waiting (a point can hold years of results nobody collected).
 */
const NOT_DELIVERED_OLDEST = `SELECT d.id, d.code, d.status, d.result_date AS resultDate FROM dossier d
  WHERE d.id IN (SELECT id FROM (${NOT_DELIVERED.map((s) => `SELECT * FROM (SELECT id, status_at FROM dossier WHERE status = '${s}' ORDER BY status_at, id LIMIT ${SHOWN})`).join(' UNION ALL ')})
                 ORDER BY status_at, id LIMIT ${SHOWN})
  ORDER BY d.status_at, d.id`;

/**
 * The drawers with lines of `day` no shift close covers: per drawer, the day's lines after the
 * last line its latest shift close covered (a shift close covers every line of the drawer up to
 * its last line), how many and since when. Not a manager's drawer (a reception at the counter, the
 * fees handed to an agency): the manager counts it in the day close itself.
 */
function openShifts(db: Db, day: string): Pending['openShifts'] {
  const items = stmt(
    db,
    `SELECT x.drawer AS userId, coalesce(u.full_name, '') AS name, count(*) AS lines, min(x.at) AS since
       FROM (SELECT l.id, l.at, ${drawerOf('l')} AS drawer FROM ledger_entry l WHERE l.day = ?) x
       LEFT JOIN app_user u ON u.id = x.drawer
      WHERE x.id > coalesce((SELECT s.last_ledger_id FROM shift_close s WHERE s.clerk_id = x.drawer ORDER BY s.id DESC LIMIT 1), 0)
        AND coalesce(u.role, '') <> 'manager'
      GROUP BY x.drawer ORDER BY min(x.id)`,
  ).all(day) as Pending['openShifts']['items'];
  return { count: items.length, items: items.slice(0, SHOWN) };
}

/** What is still open at the end of `day` (the first 50 of each, and how many in all). */
// A job 'sent, unconfirmed' reached a printer that cannot answer (label printers, mute models): the
// clerk saw it print or not and can reprint; it is not work left open, and nothing can resolve it.
export function pendingWork(db: Db, day: string, blockOn: readonly PendingGroup[]): Pending {
  const { end } = dayWindow(day);
  const printJobs = {
    count: (stmt(db, `SELECT count(*) AS n FROM print_job WHERE state NOT IN ('printed', 'cancelled', 'sent_unconfirmed') AND created_at < ?`).get(end) as { n: number }).n,
    items: stmt(
      db,
      `SELECT id, title, state, created_at AS createdAt FROM print_job WHERE state NOT IN ('printed', 'cancelled', 'sent_unconfirmed') AND created_at < ? ORDER BY created_at LIMIT ${SHOWN}`,
    ).all(end) as Pending['printJobs']['items'],
  };
  const notInManifest = {
    count: (stmt(db, `SELECT count(*) AS n FROM dossier WHERE status = 'received' AND service IN ('send', 'both') AND received_day <= ?`).get(day) as { n: number }).n,
    items: stmt(
      db,
      `SELECT id, code, agency, received_at AS receivedAt FROM dossier WHERE status = 'received' AND service IN ('send', 'both') AND received_day <= ?
        ORDER BY status_at LIMIT ${SHOWN}`,
    ).all(day) as Pending['notInManifest']['items'],
  };
  const notDelivered = {
    // Index entries only (status is the first column of dossier_status_at).
    count: stmt(db, `SELECT count(*) FROM dossier WHERE status IN ${NOT_DELIVERED_IN}`).pluck().get() as number,
    items: (stmt(db, NOT_DELIVERED_OLDEST).all() as { id: number; code: string; status: string; resultDate: string | null }[]).map((d) => ({
      ...d,
      statusLabel: isDossierState(d.status) ? stateLabel(d.status) : d.status,
    })),
  };
  const feesOutstanding = stmt(db, 'SELECT agency, collected - handed_over AS amount FROM agency_fee_balance WHERE collected <> handed_over ORDER BY agency').all() as Pending['feesOutstanding'];
  const open = openShifts(db, day);
  const counts: Record<PendingGroup, number> = {
    printJobs: printJobs.count,
    notInManifest: notInManifest.count,
    notDelivered: notDelivered.count,
    feesOutstanding: feesOutstanding.length,
    openShifts: open.count,
  };
  return { printJobs, notInManifest, notDelivered, feesOutstanding, openShifts: open, blocking: blockOn.some((k) => counts[k] > 0) };
}
