import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';
import { ApiError } from '../../../shared/api/errors';
import type { PrintJob } from '../../../shared/api/devices';
import type { DossierSummary, Timeline } from '../../../shared/api/lifecycle';
import {
  DOSSIER_STAGES,
  DOSSIER_STATES,
  STAGES,
  deriveState,
  eventLabel,
  isClosed,
  isDossierEventType,
  stageLabel,
  type DossierEventType,
  type DossierStage,
  type DossierState,
} from '../../../shared/dossier/lifecycle';
import { t } from '../../../shared/messages/vi';
import { formatVnd } from '../../../shared/reception/fees';
import type { ReceiptDocument } from '../../../shared/printing/document';
import { letterheadOf, statusSlipDocument } from '../../../shared/printing/lifecycleDocuments';
import { cleanScan } from '../../../shared/scan/classify';
import { foldVietnamese } from '../../../shared/text/fold';
import { displayDate, vietnamClock, vietnamDay } from '../../../shared/time/vietnam';
import type { CallContext, Clock } from '../context';
import { appendAudit } from '../audit/auditRepository';
import type { PrintingService } from '../printing/printingService';
import type { SetupService } from '../setup/setupService';
import { summaries, summaryByCode, summaryById, SUMMARY_COLUMNS } from './lifecycleRepository';

const OPEN_STATES = DOSSIER_STATES.filter((s) => !isClosed(s));
/** postStillOwes for the 'at_agency' state, in SQL: literally migration 007's partial-index condition. */
const OWED_AT_AGENCY = `status = 'at_agency' AND service <> 'send'`;
const OWED_INDEX = { result_date: 'dossier_owed_at_agency_result', status_at: 'dossier_owed_at_agency_at' } as const;

/**
 * Finding a dossier and telling its story: exact scans (code / item number, the hot path: two
 * unique indexes), search by ID number, phone or a name typed without diacritics (FTS5 over the
 * folded name), the timeline from the one history, and the dashboard per stage.
 */
export class TrackingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly setup: SetupService,
    private readonly printing: PrintingService,
  ) {}

  private today() {
    return vietnamDay(this.clock());
  }

  find(raw: string): DossierSummary {
    const code = cleanScan(raw).trim().toUpperCase();
    const found = summaryByCode(this.db, code, this.today());
    if (!found) throw new ApiError('NOT_FOUND', t('lifecycle.notFound', { code }));
    return found;
  }

  /**
   * One box for everything a clerk may type or scan; what it looks like decides which index
   * answers. With `viewer`, a search by a person's ID number, phone or name is written to the audit
   * log (who looked up whom: personal data protection), without the query itself.
   */
  search(query: string, limit: number, viewer?: number, status?: DossierState): DossierSummary[] {
    const { by, found } = this.lookup(query, limit, status);
    if (viewer !== undefined && by !== 'code')
      appendAudit(this.db, this.clock(), { userId: viewer, action: 'dossier.search', detail: { by, results: found.length, codes: found.slice(0, 20).map((d) => d.code) } });
    return found;
  }

  /**
   * `status`: only dossiers in that state, filtered before the limit — a citizen's result waiting at
   * the counter must be found even when hundreds of newer dossiers share the name.
   */
  private lookup(query: string, limit: number, status?: DossierState): { by: 'code' | 'id' | 'phone' | 'name'; found: DossierSummary[] } {
    const text = cleanScan(query).trim();
    const today = this.today();
    const exact = summaryByCode(this.db, text.toUpperCase(), today);
    if (exact) return { by: 'code', found: status === undefined || exact.status === status ? [exact] : [] };
    const inState = status === undefined ? '' : ' AND d.status = ?';
    const stateParam = status === undefined ? [] : [status];
    const digits = text.replace(/[\s.-]/g, '').replace(/^\+84/, '0');
    if (/^\d{12}$/.test(digits))
      return { by: 'id', found: summaries(this.db, `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.applicant_id = ?${inState} ORDER BY d.id DESC LIMIT ?`, [digits, ...stateParam, limit], today) };
    if (/^0\d{9,10}$/.test(digits))
      return { by: 'phone', found: summaries(this.db, `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.applicant_phone = ?${inState} ORDER BY d.id DESC LIMIT ?`, [digits, ...stateParam, limit], today) };
    const words = foldVietnamese(text)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (!words.length || words.join('').length < 2) throw new ApiError('CONFLICT', t('lifecycle.search.tooShort'));
    // Every word must be there; the last one may be half typed. Newest dossiers first. FTS5 keeps a
    // prefix index for 1–7 letters (migration 005: every Vietnamese syllable folds to at most 7), so
    // `"nguyen"*` walks one posting list newest first and stops at the limit instead of merging
    // every token it begins (30+ ms for a common family name in a million dossiers).
    const match = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' AND ');
    if (status !== undefined) {
      // Few dossiers are in any one open state: take every name match (the full posting list, up to
      // ~80 ms for a bare "nguyen" in a million dossiers) and keep those in the state, newest first.
      const found = summaries(
        this.db,
        `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.status = ? AND d.id IN (SELECT rowid FROM dossier_name_fts WHERE dossier_name_fts MATCH ?) ORDER BY d.id DESC LIMIT ?`,
        [status, match, limit],
        today,
      );
      return { by: 'name', found };
    }
    const found = summaries(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.id IN (SELECT rowid FROM dossier_name_fts WHERE dossier_name_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY d.id DESC`,
      [match, limit],
      today,
    );
    return { by: 'name', found };
  }

  /** The timeline as a person looks at it: the look is audited (whose dossier, by whom). */
  view(dossierId: number, viewer: number): Timeline {
    const timeline = this.timeline(dossierId);
    appendAudit(this.db, this.clock(), { userId: viewer, action: 'dossier.view', entity: 'dossier', entityId: timeline.dossier.code });
    return timeline;
  }

  timeline(dossierId: number): Timeline {
    const dossier = summaryById(this.db, dossierId, this.today());
    if (!dossier) throw ApiError.of('NOT_FOUND', { what: `hồ sơ #${dossierId}` });
    const rows = stmt(
      this.db,
      `SELECT e.id, e.at, e.type, e.detail, u.full_name AS by FROM dossier_event e LEFT JOIN app_user u ON u.id = e.user_id WHERE e.dossier_id = ? ORDER BY e.id`,
    ).all(dossierId) as { id: number; at: string; type: string; detail: string | null; by: string | null }[];
    const events = rows
      .filter((r) => isDossierEventType(r.type))
      .map((r) => {
        const detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {};
        return { id: r.id, at: r.at, type: r.type as DossierEventType, label: eventLabel(r.type as DossierEventType), detail: describe(r.type as DossierEventType, detail), by: r.by, raw: detail };
      });
    const derived = deriveState(events.map((e) => ({ type: e.type, ...(e.raw as object) })));
    return {
      dossier,
      events: events.map(({ raw: _raw, ...e }) => e),
      derivedStatus: derived.ok ? derived.state : dossier.status,
    };
  }

  /**
   * Dossiers the post still answers for, per stage, with the overdue (result date passed) and the
   * stuck (no event for N days). A send-only dossier the agency signed for is done for the post
   * (postStillOwes): left out of every figure and list here.
   */
  dashboard(stuckDays: number) {
    const today = this.today();
    const cutoff = new Date(this.clock().getTime() - stuckDays * 86_400_000).toISOString();
    const stages = new Map<DossierStage, { stage: DossierStage; label: string; count: number; overdue: number; stuck: number }>(
      DOSSIER_STAGES.filter((s) => s !== 'closed').map((s) => [s, { stage: s, label: stageLabel(s), count: 0, overdue: 0, stuck: 0 }]),
    );
    // Index-only counts per state: (status, result_date) and (status, status_at); for 'at_agency'
    // migration 007's partial indexes (named: without statistics the planner would take the
    // (status, …) ones and read every row for its service).
    const count = (state: DossierState, column: 'result_date' | 'status_at' | null, bound?: string): number => {
      const range = column ? ` AND ${column} < ?` : '';
      const sql =
        state === 'at_agency'
          ? `SELECT count(*) FROM dossier INDEXED BY ${OWED_INDEX[column ?? 'status_at']} WHERE ${OWED_AT_AGENCY}${range}`
          : `SELECT count(*) FROM dossier WHERE status = ?${range}`;
      const params = [...(state === 'at_agency' ? [] : [state]), ...(column ? [bound] : [])];
      return stmt(this.db, sql).pluck().get(...params) as number;
    };
    for (const state of OPEN_STATES) {
      const stage = stages.get(STAGES[state]);
      if (!stage) continue;
      stage.count += count(state, null);
      if (state !== 'supplement_requested') stage.overdue += count(state, 'result_date', today);
      stage.stuck += count(state, 'status_at', cutoff);
    }
    const overdueStates = OPEN_STATES.filter((s) => s !== 'supplement_requested');
    // The ids first (index order, LIMIT), then the summary columns for those 100 only: the
    // summary's sub-selects must not run for every old undelivered result before the sort.
    const list = (column: 'result_date' | 'status_at', states: readonly DossierState[], bound: string) => {
      const others = states.filter((s) => s !== 'at_agency');
      const ids = `SELECT id, ${column} AS k FROM dossier WHERE status IN (${others.map(() => '?').join(',')}) AND ${column} < ?
        UNION ALL SELECT id, ${column} FROM dossier INDEXED BY ${OWED_INDEX[column]} WHERE ${OWED_AT_AGENCY} AND ${column} < ?
        ORDER BY k LIMIT 100`;
      return summaries(this.db, `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.id IN (SELECT id FROM (${ids})) ORDER BY d.${column}, d.id`, [...others, bound, bound], today);
    };
    return {
      stuckDays,
      stages: [...stages.values()],
      overdue: list('result_date', overdueStates, today),
      stuck: list('status_at', OPEN_STATES, cutoff),
    };
  }

  statusSlipDocument(dossierId: number): ReceiptDocument {
    const { dossier, events } = this.timeline(dossierId);
    const point = this.setup.point();
    if (!point) throw ApiError.of('SETUP_REQUIRED');
    return statusSlipDocument({
      head: letterheadOf(point),
      dossierCode: dossier.code,
      itemNumber: dossier.itemNumber,
      procedure: `${dossier.procedureName} (${dossier.procedureCode})`,
      agency: dossier.agency,
      applicant: dossier.applicantName,
      receivedAt: vietnamClock(new Date(dossier.receivedAt)),
      resultDate: dossier.resultDate ? displayDate(dossier.resultDate) : t('reception.noResultDate'),
      status: dossier.statusLabel,
      steps: events.map((e) => ({ at: vietnamClock(new Date(e.at)), label: e.label })),
      printedAt: vietnamClock(this.clock()),
    });
  }

  statusSlip(ctx: CallContext, dossierId: number, key: string): PrintJob {
    return this.printing.print(ctx, { idempotencyKey: `status-slip:${key}`, document: this.statusSlipDocument(dossierId) });
  }
}

/** The particulars of a step, in words, from what the event recorded. */
function describe(type: DossierEventType, d: Record<string, unknown>): string {
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (type) {
    case 'received':
    case 'result_registered':
      return t('lifecycle.detail.received', {
        code: s('code'),
        item: s('itemNumber') ? ` / ${s('itemNumber')}` : '',
        total: formatVnd(Number(d.total ?? d.amountDue ?? 0)),
      });
    case 'added_to_manifest':
    case 'removed_from_manifest':
      return t('lifecycle.detail.manifest', { number: s('number') });
    case 'dispatched':
      return t('lifecycle.detail.carrier', { number: s('number'), carrier: s('carrier') });
    case 'agency_received':
      return [t('lifecycle.detail.agencyReceived', { receiver: s('receiver') }), s('resultDate') ? t('lifecycle.detail.newResultDate', { date: displayDate(s('resultDate')) }) : '']
        .filter(Boolean)
        .join(', ');
    case 'agency_refused':
    case 'returned_to_agency':
    case 'cancelled':
      return t('lifecycle.detail.reason', { reason: s('reason') });
    case 'supplement_requested':
      return `${t('lifecycle.detail.reason', { reason: s('reason') })}. ${t('lifecycle.detail.items', { items: ((d.items as string[] | undefined) ?? []).join('; ') })}`;
    case 'out_for_delivery':
      return t('lifecycle.detail.list', { number: s('number'), postman: s('postman') });
    case 'delivery_failed':
      return [t('lifecycle.detail.reason', { reason: s('reason') }), s('nextAttempt') ? t('lifecycle.detail.nextAttempt', { date: displayDate(s('nextAttempt')) }) : ''].filter(Boolean).join(', ');
    case 'delivered':
      return (
        t('lifecycle.detail.delivered', { receiver: s('receiverName'), relation: s('relation'), id: d.idChecked ? t('lifecycle.detail.idChecked') : '' }) +
        (d.atCounter ? ` — ${t('lifecycle.detail.atCounter')}` : '')
      );
    default:
      return '';
  }
}
