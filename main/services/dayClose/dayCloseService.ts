import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';
import { ApiError } from '../../../shared/api/errors';
import type { FilePayload } from '../../../shared/api/contract';
import type { PrintJob } from '../../../shared/api/devices';
import { dayCloseConfigSchema, REMITTANCE_NOTE_MAX, type CashCount, type DayCloseConfig, type DayCloseSettings, type DayCloseSummary, type DayReport, type Pending, type Shift } from '../../../shared/api/dayClose';
import { assessClose, cashTotal, closeRefusal, countProblems, normaliseCount, type CloseAmounts, type CountedNote, type DenominationCount } from '../../../shared/dayClose/cash';
import { dayReportA4, dayReportReceipt, shiftReceipt } from '../../../shared/dayClose/documents';
import { formatMoney, t } from '../../../shared/messages/vi';
import type { A4Document } from '../../../shared/printing/a4';
import type { ReceiptDocument } from '../../../shared/printing/document';
import { displayDate, isIsoDay, vietnamDay } from '../../../shared/time/vietnam';
import { appendAudit } from '../audit/auditRepository';
import type { AuthService } from '../auth/authService';
import type { CallContext, Clock, Session } from '../context';
import type { PrintingService } from '../printing/printingService';
import type { PrintQueue } from '../printing/printQueue';
import { findJobByKey } from '../printing/printJobRepository';
import { buildDayReport } from '../reports/reportBuilders';
import { dayReportXlsx, filePayload, reportPdf } from '../reports/reportFiles';
import { catalogueShare, openingCash, pointOf } from '../reports/reportRepository';
import {
  countById,
  countByKey,
  countFigures,
  dayCloseByDay,
  dayCloseByKey,
  dayCashUpTo,
  dayCountAttempts,
  dayExpectation,
  firstLineAt,
  insertCount,
  insertDayClose,
  insertShift,
  lastDayClose,
  lastShiftClose,
  latestDayCount,
  latestShiftCount,
  listDayCloses,
  listShifts,
  pendingWork,
  shiftByCount,
  shiftById,
  shiftByKey,
  shiftExpectation,
  shiftMoney,
  toShift,
  toSummary,
  userName,
  type CashCountRow,
  type DayCloseRow,
  type Expectation,
  type ShiftRow,
} from './dayCloseRepository';
import { GENESIS_HASH, reportDigest, sealDigests, sealHash, type DayCloseFacts } from './seal';

const CONFIG_KEY = 'dayClose.config';

const DEFAULT_DAY_CLOSE_CONFIG: DayCloseConfig = {
  differenceThreshold: 50_000,
  // the province's example (domain.md: 85% / 70% / 60% for province / district / commune bodies);
  // the district level was abolished on 1/7/2025
  bcciTargets: [
    { level: 'Cấp Tỉnh', percent: 85 },
    { level: 'Cấp Xã', percent: 60 },
  ],
  blockOn: ['printJobs', 'notInManifest', 'notDelivered', 'feesOutstanding', 'openShifts'],
};

interface CountInput {
  denominations: DenominationCount[];
  transferConfirmed: number;
  idempotencyKey: string;
}

interface CloseInput {
  countId: number;
  reason?: string;
  approval?: { username: string; password: string };
  idempotencyKey: string;
}

interface DayCloseInput extends CloseInput {
  day?: string;
  overrideReason?: string;
  /** Cash counted that leaves the office at the close (bank, provincial post): 0 … the cash counted; 0 when not given. */
  cashRemitted?: number;
  /** The remittance slip / bank reference (≤ REMITTANCE_NOTE_MAX characters); blank is none. */
  remittanceNote?: string;
}

/** The last line a count covers: with no line in it, the line it starts after. */
const lastCovered = (e: Expectation, after: number) => (e.lines ? e.lastId : after);

/** What a count expected and found, per payment method. */
const amountsOf = (c: CashCountRow): CloseAmounts => ({
  cashExpected: c.cash_expected,
  cashCounted: c.cash_counted,
  transferExpected: c.transfer_expected,
  transferConfirmed: c.transfer_confirmed,
});

/** The banknotes of a count as stored ([value, count] pairs), with their amounts. */
const notesOf = (c: CashCountRow): CountedNote[] => (JSON.parse(c.denominations) as [number, number][]).map(([value, count]) => ({ value, count, amount: value * count }));

/**
 * Shift close (a clerk) and day close (the manager): a blind count by banknote, expected vs
 * counted per payment method, a reason for any difference and a manager's approval above the
 * threshold; before the day close, the list of what is still open. A shift expects the cash of the
 * clerk's drawer since their last shift close; the day expects the opening float (what the previous
 * close counted less the cash it remitted to the bank or the provincial post) plus the day's net
 * cash. The day close records the cash remitted, seals the day (hash chain over its rows, the
 * remittance and its Z report) and stores the Z report; from then on the database refuses anything
 * dated on it. Every close is one transaction and idempotent per request key.
 */
export class DayCloseService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly auth: Pick<AuthService, 'approve'>,
    private readonly printing: PrintingService,
    private readonly queue: PrintQueue,
    private readonly fontsDir: string,
  ) {}

  config(): DayCloseConfig {
    const row = stmt(this.db, 'SELECT value FROM setting WHERE key = ?').get(CONFIG_KEY) as { value: string } | undefined;
    if (!row) return DEFAULT_DAY_CLOSE_CONFIG;
    // Field by field: a value that does not parse falls back to its default alone, and the
    // manager's other choices are kept.
    const value: unknown = JSON.parse(row.value);
    const stored = (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
    stored.bcciTargets = this.namedTargets(stored.bcciTargets);
    const shape = dayCloseConfigSchema.shape;
    const field = <K extends keyof DayCloseConfig>(key: K): DayCloseConfig[K] => {
      const parsed = shape[key].safeParse(stored[key]);
      return parsed.success ? (parsed.data as DayCloseConfig[K]) : DEFAULT_DAY_CLOSE_CONFIG[key];
    };
    return { differenceThreshold: field('differenceThreshold'), bcciTargets: field('bcciTargets'), blockOn: field('blockOn') };
  }

  /**
   * Targets stored before they were named by level: a list of per cents by the level's place among
   * the catalogue's levels (in id order). The untouched old default [85, 70, 60] was that order's
   * mistake (the sample catalogue lists Cấp Xã first) and becomes the new default.
   */
  private namedTargets(targets: unknown): unknown {
    if (!Array.isArray(targets) || !targets.every((x) => typeof x === 'number')) return targets;
    if (targets.join() === '85,70,60') return DEFAULT_DAY_CLOSE_CONFIG.bcciTargets;
    const levels = stmt(this.db, 'SELECT name FROM catalogue_level ORDER BY id').pluck().all() as string[];
    return targets.flatMap((percent, i) => (levels[i] === undefined ? [] : [{ level: levels[i], percent }]));
  }

  /** The configuration with the current catalogue's levels (as the period report lists them), for the settings form. */
  settings(): DayCloseSettings {
    return { ...this.config(), levels: catalogueShare(this.db).filter((l) => l.procedures > 0).map((l) => l.level) };
  }

  updateConfig(ctx: CallContext, patch: Partial<DayCloseConfig>): DayCloseConfig {
    const next = dayCloseConfigSchema.parse({ ...this.config(), ...patch });
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(CONFIG_KEY, JSON.stringify(next));
      appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'dayClose.config', detail: next });
    })();
    return next;
  }

  private today(): string {
    return vietnamDay(this.clock());
  }

  /** The day asked for (today when not given): a real date, not in the future. */
  private resolveDay(day?: string): string {
    const d = day ?? this.today();
    if (!isIsoDay(d)) throw ApiError.of('VALIDATION', { detail: t('dayClose.badDate', { value: d }) });
    if (d > this.today()) throw new ApiError('CONFLICT', t('dayClose.futureDay', { date: displayDate(d) }));
    return d;
  }

  private async approver(approval: CloseInput['approval']): Promise<number | null> {
    if (!approval) return null;
    return (await this.auth.approve(approval.username, approval.password, 'day.close')).id;
  }

  private countView(c: CashCountRow): CashCount {
    const threshold = this.config().differenceThreshold;
    const a = assessClose(amountsOf(c), threshold);
    // A day count expected its opening float plus the day's cash lines up to its last line: the
    // float is what is left of the expectation once those lines are taken out (exact, as lines are
    // append-only). A shift count has none.
    const opening = c.scope === 'day' ? c.cash_expected - dayCashUpTo(this.db, c.day, c.last_ledger_id) : 0;
    return {
      id: c.id,
      scope: c.scope,
      day: c.day,
      at: c.at,
      countedBy: userName(this.db, c.user_id) ?? '',
      denominations: notesOf(c),
      cashCounted: c.cash_counted,
      transferConfirmed: c.transfer_confirmed,
      openingCash: opening,
      cashExpected: c.cash_expected,
      transferExpected: c.transfer_expected,
      cashDifference: a.cashDifference,
      transferDifference: a.transferDifference,
      needsReason: a.needsReason,
      needsApproval: a.needsApproval,
      threshold,
      lines: c.line_count,
    };
  }

  private checkCount(input: CountInput): void {
    const problems = countProblems(input.denominations);
    if (problems.length) throw new ApiError('CONFLICT', problems.join(' '));
  }

  /** `e.cash` is what the count expects in cash: for a day, the opening float is already in it. */
  private recordCount(session: Session, scope: 'shift' | 'day', day: string, after: number, e: Expectation, input: CountInput): CashCountRow {
    const at = this.clock();
    const id = insertCount(this.db, {
      scope,
      day,
      at: at.toISOString(),
      user_id: session.userId,
      denominations: JSON.stringify(normaliseCount(input.denominations).map((n) => [n.value, n.count])),
      cash_counted: cashTotal(input.denominations),
      transfer_confirmed: input.transferConfirmed,
      cash_expected: e.cash,
      transfer_expected: e.transfer,
      after_ledger_id: after,
      last_ledger_id: lastCovered(e, after),
      line_count: e.lines,
      idempotency_key: input.idempotencyKey,
    });
    const row = countById(this.db, id) as CashCountRow;
    appendAudit(this.db, at, { userId: session.userId, action: `${scope}.count`, entity: 'cash_count', entityId: id, detail: { day, cash: row.cash_counted, transfer: row.transfer_confirmed } });
    return row;
  }

  private sameCount(existing: CashCountRow, session: Session, scope: 'shift' | 'day'): CashCount {
    if (existing.scope !== scope || existing.user_id !== session.userId) throw new ApiError('CONFLICT', t('dayClose.keyReused'));
    return this.countView(existing);
  }

  // ── Shift ──

  /** The clerk's open shift: since when and how many lines. Never the amounts: the count is blind. */
  currentShift(session: Session): { since: string | null; lines: number; lastCount: { id: number; at: string } | null } {
    const prev = lastShiftClose(this.db, session.userId);
    const after = prev?.last_ledger_id ?? 0;
    const e = shiftExpectation(this.db, session.userId, after);
    const latest = latestShiftCount(this.db, session.userId);
    return {
      since: prev?.closed_at ?? (e.lines ? firstLineAt(this.db, session.userId, after, e.lastId) : null),
      lines: e.lines,
      lastCount: latest && latest.after_ledger_id === after && !shiftByCount(this.db, latest.id) ? { id: latest.id, at: latest.at } : null,
    };
  }

  /** Records the clerk's count of their drawer; only now is what the ledger expected shown. */
  countShift(_ctx: CallContext, session: Session, input: CountInput): CashCount {
    const existing = countByKey(this.db, input.idempotencyKey);
    if (existing) return this.sameCount(existing, session, 'shift');
    this.checkCount(input);
    const row = this.db
      .transaction(() => {
        const after = lastShiftClose(this.db, session.userId)?.last_ledger_id ?? 0;
        return this.recordCount(session, 'shift', this.today(), after, shiftExpectation(this.db, session.userId, after), input);
      })
      .immediate();
    return this.countView(row);
  }

  async closeShift(ctx: CallContext, session: Session, input: CloseInput): Promise<{ shift: Shift; printJob: PrintJob | null }> {
    const done = shiftByKey(this.db, input.idempotencyKey);
    if (done) return { shift: toShift(this.db, done), printJob: findJobByKey(this.db, `shift:${done.id}:report`) };
    const count = countById(this.db, input.countId);
    if (!count || count.scope !== 'shift' || count.user_id !== session.userId) throw ApiError.of('NOT_FOUND', { what: t('dayClose.countWhat', { id: input.countId }) });
    const approvedBy = await this.approver(input.approval);
    const threshold = this.config().differenceThreshold;
    const point = this.point();
    let job: PrintJob | null = null;
    const shift = this.db
      .transaction((): Shift => {
        if (shiftByCount(this.db, count.id)) throw new ApiError('CONFLICT', t('dayClose.countUsed'));
        if (latestShiftCount(this.db, session.userId)?.id !== count.id) throw new ApiError('CONFLICT', t('dayClose.countSuperseded'));
        const after = lastShiftClose(this.db, session.userId)?.last_ledger_id ?? 0;
        const e = shiftExpectation(this.db, session.userId, after);
        if (after !== count.after_ledger_id || e.lines !== count.line_count || lastCovered(e, after) !== count.last_ledger_id)
          throw new ApiError('CONFLICT', t('dayClose.countStale'));
        const assessment = assessClose(amountsOf(count), threshold);
        const refusal = closeRefusal(assessment, { reason: input.reason, approved: approvedBy !== null, threshold });
        if (refusal) throw new ApiError('CONFLICT', refusal);
        const at = this.clock();
        const id = insertShift(this.db, {
          clerk_id: session.userId,
          day: vietnamDay(at),
          opened_at: e.lines ? firstLineAt(this.db, session.userId, after, count.last_ledger_id) : null,
          closed_at: at.toISOString(),
          after_ledger_id: after,
          last_ledger_id: count.last_ledger_id,
          line_count: count.line_count,
          ...countFigures(count),
          reason: input.reason ?? null,
          approved_by: approvedBy,
          money: JSON.stringify(shiftMoney(this.db, session.userId, after, count.last_ledger_id)),
          idempotency_key: input.idempotencyKey,
        });
        appendAudit(this.db, at, {
          userId: session.userId,
          action: 'shift.close',
          entity: 'shift_close',
          entityId: id,
          detail: { cashDifference: assessment.cashDifference, transferDifference: assessment.transferDifference, reason: input.reason, approvedBy },
        });
        const closed = toShift(this.db, shiftById(this.db, id) as ShiftRow);
        job = this.printing.print(ctx, { idempotencyKey: `shift:${id}:report`, document: shiftReceipt(closed, point), kick: false });
        return closed;
      })
      .immediate();
    if (job) this.queue.release([job]);
    return { shift, printJob: job };
  }

  listShifts(o: { day?: string; userId?: number; limit: number }): Shift[] {
    return listShifts(this.db, o).map((r) => toShift(this.db, r));
  }

  // ── Day ──

  private point(): DayReport['point'] {
    const p = pointOf(this.db);
    if (!p.code) throw ApiError.of('SETUP_REQUIRED');
    return p;
  }

  /** What is still open at the end of the day (the close refuses, or records an override). */
  pending(day?: string): Pending {
    return pendingWork(this.db, this.resolveDay(day), this.config().blockOn);
  }

  countDay(_ctx: CallContext, session: Session, input: CountInput & { day?: string }): CashCount {
    const existing = countByKey(this.db, input.idempotencyKey);
    if (existing) return this.sameCount(existing, session, 'day');
    const day = this.resolveDay(input.day);
    if (dayCloseByDay(this.db, day)) throw new ApiError('CONFLICT', t('dayClose.alreadyClosed', { date: displayDate(day) }));
    this.checkCount(input);
    const row = this.db.transaction(() => this.recordCount(session, 'day', day, 0, this.dayCashExpectation(day), input)).immediate();
    return this.countView(row);
  }

  /**
   * What the day's drawers should hold together: the cash the previous day close counted less what
   * it remitted (the opening float carried forward; 0 before the first close) plus the day's net cash lines.
   */
  private dayCashExpectation(day: string): Expectation & { opening: number } {
    const e = dayExpectation(this.db, day);
    const opening = openingCash(this.db, day);
    return { ...e, cash: opening + e.cash, opening };
  }

  /** The remittance asked for, checked against the count: refused (nothing written) unless 0 ≤ remitted ≤ counted. */
  private remittance(input: DayCloseInput, count: CashCountRow): { cash: number; note: string | null } {
    const cash = input.cashRemitted ?? 0;
    if (!Number.isSafeInteger(cash) || cash < 0) throw new ApiError('CONFLICT', t('dayClose.remitNotAmount', { value: String(cash) }));
    if (cash > count.cash_counted) throw new ApiError('CONFLICT', t('dayClose.remitOverCounted', { remitted: formatMoney(cash), counted: formatMoney(count.cash_counted) }));
    const note = input.remittanceNote?.trim() || null;
    if (note !== null && note.length > REMITTANCE_NOTE_MAX) throw new ApiError('CONFLICT', t('dayClose.remitNoteTooLong', { max: REMITTANCE_NOTE_MAX }));
    return { cash, note };
  }

  async closeDay(ctx: CallContext, session: Session, input: DayCloseInput): Promise<{ close: DayCloseSummary; report: DayReport; printJob: PrintJob | null }> {
    const done = dayCloseByKey(this.db, input.idempotencyKey);
    if (done) return { close: toSummary(this.db, done), report: JSON.parse(done.report) as DayReport, printJob: findJobByKey(this.db, `dayClose:${done.day}:z`) };
    const day = this.resolveDay(input.day);
    if (dayCloseByDay(this.db, day)) throw new ApiError('CONFLICT', t('dayClose.alreadyClosed', { date: displayDate(day) }));
    const count = countById(this.db, input.countId);
    if (!count || count.scope !== 'day' || count.day !== day) throw ApiError.of('NOT_FOUND', { what: t('dayClose.countWhat', { id: input.countId }) });
    const remitted = this.remittance(input, count);
    const approvedBy = await this.approver(input.approval);
    const config = this.config();
    const point = this.point();
    let job: PrintJob | null = null;
    const result = this.db
      .transaction(() => {
        if (dayCloseByDay(this.db, day)) throw new ApiError('CONFLICT', t('dayClose.alreadyClosed', { date: displayDate(day) }));
        if (latestDayCount(this.db, day)?.id !== count.id) throw new ApiError('CONFLICT', t('dayClose.countSuperseded'));
        const e = this.dayCashExpectation(day);
        // A new line, or an earlier day closed since (a different opening float), makes the count stale.
        if (e.lines !== count.line_count || lastCovered(e, 0) !== count.last_ledger_id || e.cash !== count.cash_expected)
          throw new ApiError('CONFLICT', t('dayClose.countStale'));
        const amounts = amountsOf(count);
        const assessment = assessClose(amounts, config.differenceThreshold);
        const refusal = closeRefusal(assessment, { reason: input.reason, approved: approvedBy !== null, threshold: config.differenceThreshold });
        if (refusal) throw new ApiError('CONFLICT', refusal);
        const pending = pendingWork(this.db, day, config.blockOn);
        if (pending.blocking && !input.overrideReason)
          throw new ApiError(
            'CONFLICT',
            t('dayClose.pendingBlocks', {
              printJobs: pending.printJobs.count,
              notInManifest: pending.notInManifest.count,
              notDelivered: pending.notDelivered.count,
              agencies: pending.feesOutstanding.length,
              openShifts: pending.openShifts.count,
            }),
            pending,
          );

        const at = this.clock();
        const prev = lastDayClose(this.db);
        const facts: DayCloseFacts = {
          sequence: (prev?.sequence ?? 0) + 1,
          point_code: point.code,
          day,
          closed_at: at.toISOString(),
          closed_by: session.userId,
          ...countFigures(count),
          reason: input.reason ?? null,
          approved_by: approvedBy,
          override_reason: input.overrideReason ?? null,
          cash_remitted: remitted.cash,
          remittance_note: remitted.note,
        };
        const prevHash = prev?.hash ?? GENESIS_HASH;
        const digests = sealDigests(this.db, facts);
        const unsealed: DayReport = {
          ...buildDayReport(this.db, day, at),
          openingCash: e.opening,
          kind: 'Z',
          sequence: facts.sequence,
          closedAt: facts.closed_at,
          closedBy: session.fullName,
          count: {
            denominations: notesOf(count),
            ...amounts,
            cashDifference: assessment.cashDifference,
            transferDifference: assessment.transferDifference,
            reason: facts.reason,
            approvedBy: userName(this.db, approvedBy),
            attempts: dayCountAttempts(this.db, day),
            cashRemitted: facts.cash_remitted,
            remittanceNote: facts.remittance_note,
          },
          pending,
          overrideReason: facts.override_reason,
          seal: null,
        };
        // The stored report is sealed too: every reprint and export shows it.
        const hash = sealHash(prevHash, digests, reportDigest(unsealed));
        const report: DayReport = { ...unsealed, seal: { hash, prevHash } };
        const row: Omit<DayCloseRow, 'id'> = {
          ...facts,
          report: JSON.stringify(report),
          ledger_digest: digests.ledger,
          events_digest: digests.events,
          slips_digest: digests.slips,
          count_digest: digests.count,
          prev_hash: prevHash,
          hash,
          idempotency_key: input.idempotencyKey,
        };
        const id = insertDayClose(this.db, row);
        appendAudit(this.db, at, {
          userId: session.userId,
          action: 'day.close',
          entity: 'day_close',
          entityId: id,
          detail: {
            day,
            sequence: facts.sequence,
            hash,
            cashDifference: assessment.cashDifference,
            cashRemitted: facts.cash_remitted,
            remittanceNote: facts.remittance_note,
            override: facts.override_reason,
            actor: ctx.actor,
          },
        });
        job = this.printing.print(ctx, { idempotencyKey: `dayClose:${day}:z`, document: dayReportReceipt(report), kick: false });
        return { close: toSummary(this.db, { id, ...row }), report };
      })
      .immediate();
    if (job) this.queue.release([job]);
    return { ...result, printJob: job };
  }

  list(limit: number, beforeSequence?: number): DayCloseSummary[] {
    return listDayCloses(this.db, limit, beforeSequence).map((r) => toSummary(this.db, r));
  }

  isClosed(day: string): boolean {
    return dayCloseByDay(this.db, day) !== null;
  }

  /** The Z report of a closed day exactly as sealed, or a live X report (with what is still open). */
  report(day?: string): DayReport {
    const d = this.resolveDay(day);
    const closed = dayCloseByDay(this.db, d);
    if (closed) return JSON.parse(closed.report) as DayReport;
    return { ...buildDayReport(this.db, d, this.clock()), pending: pendingWork(this.db, d, this.config().blockOn) };
  }

  document(day: string | undefined, format: 'receipt' | 'a4'): { receipt: ReceiptDocument | null; a4: A4Document | null } {
    const report = this.report(day);
    return format === 'receipt' ? { receipt: dayReportReceipt(report), a4: null } : { receipt: null, a4: dayReportA4(report) };
  }

  /**
   * Prints the report on the receipt printer. A Z report printed again is a reprint of the paper
   * printed at the close (same document, marked "BẢN IN LẠI", counted with the day's reprints).
   */
  print(ctx: CallContext, day: string | undefined, key: string): PrintJob {
    const report = this.report(day);
    const original = report.kind === 'Z' ? findJobByKey(this.db, `dayClose:${report.day}:z`) : null;
    if (original) return this.printing.reprint(ctx, original.id, `dayClose.print:${key}`);
    const job = this.printing.print(ctx, { idempotencyKey: `dayClose.print:${key}`, document: dayReportReceipt(report, { reprint: report.kind === 'Z' }), kick: false });
    appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'dayClose.print', entity: 'print_job', entityId: job.id, detail: { day: report.day, kind: report.kind } });
    this.queue.release([job]);
    return job;
  }

  async file(day: string | undefined, format: 'pdf' | 'xlsx', o: { compress?: boolean } = {}): Promise<FilePayload> {
    const report = this.report(day);
    const name = `bao-cao-${report.kind}-${report.day}.${format}`;
    return filePayload(name, format === 'pdf' ? await reportPdf(dayReportA4(report), this.fontsDir, o.compress) : await dayReportXlsx(report));
  }
}
