import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';
import { ApiError } from '../../../shared/api/errors';
import type { AgencyFee, LedgerFilter, LedgerLineView, LedgerTotalRow, LEDGER_GROUPS } from '../../../shared/api/dayClose';
import { t } from '../../../shared/messages/vi';
import { vietnamDay } from '../../../shared/time/vietnam';
import { appendAudit } from '../audit/auditRepository';
import { appendLedger } from '../reception/receptionRepository';
import type { CallContext, Clock, Session } from '../context';
import { drawerOf, shiftById } from './dayCloseRepository';
import { checkDayRange } from './dayRange';

/** A year and a day: longer ranges belong to the reports upward, which read the aggregates. */
const MAX_RANGE_DAYS = 366;

const LINE_COLUMNS = `l.id, l.at, l.day, l.user_id AS userId, u.full_name AS user, l.dossier_id AS dossierId, d.code AS dossierCode, l.kind, l.label,
  l.agency, l.amount, l.payment_method AS paymentMethod, l.reverses,
  (SELECT r.id FROM ledger_entry r WHERE r.reverses = l.id LIMIT 1) AS reversedBy, l.note`;
const LINE_FROM = 'FROM ledger_entry l JOIN app_user u ON u.id = l.user_id LEFT JOIN dossier d ON d.id = l.dossier_id';

const GROUP_COLUMNS: Record<(typeof LEDGER_GROUPS)[number], { select: string; group: string }> = {
  day: { select: 'l.day AS day', group: 'l.day' },
  user: { select: 'l.user_id AS userId, u.full_name AS user', group: 'l.user_id' },
  kind: { select: 'l.kind AS kind', group: 'l.kind' },
  paymentMethod: { select: 'l.payment_method AS paymentMethod', group: 'l.payment_method' },
  agency: { select: 'l.agency AS agency', group: 'l.agency' },
};

/**
 * The money ledger as the manager reads it: lines and totals per clerk, shift, payment method,
 * kind and agency over a day or a range (driven by the ledger's day index), fees still owed to each
 * agency (a running balance kept by a trigger), and corrections as reversal lines on today's date.
 */
export class LedgerService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private where(f: LedgerFilter): { sql: string; params: Record<string, unknown> } {
    // The API schema checks this too; the service does not rely on it (the CLI, other callers).
    checkDayRange(f.from, f.to, MAX_RANGE_DAYS);
    const parts = ['l.day BETWEEN @from AND @to'];
    const params: Record<string, unknown> = { from: f.from, to: f.to };
    if (f.userId !== undefined) {
      // `+`: read by the day index; a clerk's lines of five years are not the way to a day.
      parts.push('+l.user_id = @userId');
      params.userId = f.userId;
    }
    if (f.shiftId !== undefined) {
      const shift = shiftById(this.db, f.shiftId);
      if (!shift) throw ApiError.of('NOT_FOUND', { what: t('dayClose.shiftWhat', { id: f.shiftId }) });
      // The shift's drawer: a reversal by someone else of the clerk's line is in it (see drawerOf).
      parts.push(`${drawerOf('l')} = @shiftClerk AND l.id > @shiftAfter AND l.id <= @shiftLast`);
      Object.assign(params, { shiftClerk: shift.clerk_id, shiftAfter: shift.after_ledger_id, shiftLast: shift.last_ledger_id });
    }
    if (f.kind) {
      parts.push('l.kind = @kind');
      params.kind = f.kind;
    }
    if (f.paymentMethod) {
      parts.push('l.payment_method = @paymentMethod');
      params.paymentMethod = f.paymentMethod;
    }
    if (f.agency) {
      parts.push('l.agency = @agency');
      params.agency = f.agency;
    }
    return { sql: parts.join(' AND '), params };
  }

  /** Newest first, a page at a time (`beforeId`: the last id of the previous page). */
  lines(f: LedgerFilter & { limit: number; beforeId?: number }): LedgerLineView[] {
    const w = this.where(f);
    const before = f.beforeId !== undefined ? ' AND l.id < @beforeId' : '';
    return this.db.prepare(`SELECT ${LINE_COLUMNS} ${LINE_FROM} WHERE ${w.sql}${before} ORDER BY l.id DESC LIMIT @limit`).all({ ...w.params, beforeId: f.beforeId, limit: f.limit }) as LedgerLineView[];
  }

  totals(f: LedgerFilter & { groupBy: (typeof LEDGER_GROUPS)[number][] }): LedgerTotalRow[] {
    const w = this.where(f);
    const groups = [...new Set(f.groupBy)].map((g) => GROUP_COLUMNS[g]);
    return this.db
      .prepare(
        `SELECT ${groups.map((g) => g.select).join(', ')}, count(*) AS lines, sum(l.amount) AS amount
           FROM ledger_entry l JOIN app_user u ON u.id = l.user_id WHERE ${w.sql}
          GROUP BY ${groups.map((g) => g.group).join(', ')} ORDER BY ${groups.map((g) => g.group).join(', ')}`,
      )
      .all(w.params) as LedgerTotalRow[];
  }

  /** Per agency: collected on its behalf, handed over, still owed — all days, from the running balance. */
  agencyFees(): AgencyFee[] {
    return stmt(this.db, 'SELECT agency, collected, handed_over AS handedOver, collected - handed_over AS outstanding FROM agency_fee_balance ORDER BY agency').all() as AgencyFee[];
  }

  line(id: number): LedgerLineView {
    const row = stmt(this.db, `SELECT ${LINE_COLUMNS} ${LINE_FROM} WHERE l.id = ?`).get(id) as LedgerLineView | undefined;
    if (!row) throw ApiError.of('NOT_FOUND', { what: t('dayClose.lineWhat', { id }) });
    return row;
  }

  /**
   * A correction of line N: a reversal line dated today pointing at it (same agency, same payment
   * method, opposite amount). The original and its day stay as they were. Reversing a line twice
   * returns the first reversal.
   */
  reverse(ctx: CallContext, session: Session, ledgerId: number, reason: string): LedgerLineView {
    const original = this.line(ledgerId);
    if (original.kind === 'reversal') throw new ApiError('CONFLICT', t('dayClose.reverseReversal', { id: ledgerId }));
    if (original.reversedBy !== null) return this.line(original.reversedBy);
    const at = this.clock();
    const id = this.db
      .transaction(() => {
        const again = this.line(ledgerId);
        if (again.reversedBy !== null) return again.reversedBy;
        const newId = appendLedger(this.db, {
          at: at.toISOString(),
          day: vietnamDay(at),
          userId: session.userId,
          dossierId: original.dossierId,
          paymentMethod: original.paymentMethod,
          line: { kind: 'reversal', label: t('dayClose.reversalLabel', { id: ledgerId, label: original.label }), agency: original.agency, amount: -original.amount, reverses: ledgerId, note: reason },
        });
        appendAudit(this.db, at, { userId: session.userId, action: 'ledger.reverse', entity: 'ledger_entry', entityId: ledgerId, detail: { reversal: newId, reason, actor: ctx.actor } });
        return newId;
      })
      .immediate();
    return this.line(id);
  }
}
