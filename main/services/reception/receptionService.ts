import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import type { ReceptionConfig } from '../../../shared/api/contract';
import type { PrintJob } from '../../../shared/api/devices';
import type { ConfirmInput, Delivery, Dossier, FeeLine, Quote, ReceptionService as Service } from '../../../shared/api/reception';
import type { Procedure } from '../../../shared/catalogue/schema';
import { t } from '../../../shared/messages/vi';
import { documentCounts, evaluateChecklist, supplementSlipLines, verdictMessages, type ChecklistAnswers } from '../../../shared/reception/checklist';
import { DOSSIER_SEQUENCE_MAX, formatDossierCode, rangeRemaining, validateS10Range } from '../../../shared/reception/codes';
import { DEFAULT_POSTAL_TARIFF, formatVnd, postalCharge, procedureFeeLines, validateTariff, vietQrPayload } from '../../../shared/reception/fees';
import { letterheadOf } from '../../../shared/printing/lifecycleDocuments';
import { envelopeLabelDocument, envelopeListDocument, guidanceSlipDocument, receptionReceiptDocument, type ReceptionReceiptData } from '../../../shared/printing/receptionDocuments';
import { displayDate, vietnamClock, vietnamDay } from '../../../shared/time/vietnam';
import { foldVietnamese } from '../../../shared/text/fold';
import type { AdminUnitsService } from '../adminUnits/adminUnitsService';
import { appendAudit } from '../audit/auditRepository';
import { findUserById } from '../auth/userRepository';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { CallContext, Clock, Session } from '../context';
import type { PrintingService } from '../printing/printingService';
import type { PrintQueue } from '../printing/printQueue';
import { findJobByKey } from '../printing/printJobRepository';
import type { SetupService } from '../setup/setupService';
import { resultDates } from './resultDates';
import { deliveryText } from '../../../shared/reception/delivery';
import { stateLabel, type DossierState } from '../../../shared/dossier/lifecycle';
import { advance } from '../lifecycle/lifecycleRepository';
import {
  allocateItemNumber,
  appendDossierEvent,
  appendLedger,
  dossierRowByCode,
  dossierRowById,
  dossierRowByKey,
  nextDossierSequence,
  openLedgerLines,
  s10Ranges,
  toDossier,
  type DossierRow,
  type LedgerLine,
} from './receptionRepository';

const CONFIG_KEY = 'reception.config';

export const DEFAULT_RECEPTION_CONFIG: ReceptionConfig = {
  tariff: DEFAULT_POSTAL_TARIFF,
  transitDays: { default: 1, byAgency: {} },
  bank: null,
  calendar: { extraDaysOff: [], extraWorkingDays: [] },
};

const sends = (s: Service) => s === 'send' || s === 'both';
const returns = (s: Service) => s === 'return' || s === 'both';

/** The answers as the rules take them (JSON keys are strings; the rules index documents by number). */
function toAnswers(a: ConfirmInput['answers']): ChecklistAnswers {
  const items: ChecklistAnswers['items'] = {};
  for (const [k, v] of Object.entries(a.items)) items[Number(k)] = v;
  return { conditions: a.conditions, items };
}

/**
 * Reception of a dossier at the counter. Confirm is one durable transaction —
 * code, item number, checklist snapshot, applicant, ledger lines, the
 * `received` event, the audit line, the print jobs — and only after it
 * commits do the printers start.
 */
export class ReceptionService {
  private cachedConfig: ReceptionConfig | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly catalogue: CatalogueService,
    private readonly setup: SetupService,
    private readonly printing: PrintingService,
    private readonly queue: PrintQueue,
    private readonly units: AdminUnitsService,
  ) {}

  /**
   * Read once and kept until the manager changes it: every quote uses it, and the working
   * calendar built from it (lunar holidays) is cached per config object.
   */
  config(): ReceptionConfig {
    if (!this.cachedConfig) {
      const row = this.db.prepare('SELECT value FROM setting WHERE key = ?').get(CONFIG_KEY) as { value: string } | undefined;
      this.cachedConfig = row ? { ...DEFAULT_RECEPTION_CONFIG, ...(JSON.parse(row.value) as Partial<ReceptionConfig>) } : DEFAULT_RECEPTION_CONFIG;
    }
    return this.cachedConfig;
  }

  updateConfig(ctx: CallContext, config: ReceptionConfig): ReceptionConfig {
    const problems = validateTariff(config.tariff);
    if (problems.length) throw new ApiError('CONFLICT', problems.join(' '));
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(CONFIG_KEY, JSON.stringify(config));
      appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'reception.config', detail: config });
    })();
    this.cachedConfig = null;
    return this.config();
  }

  s10Ranges() {
    return s10Ranges(this.db).map((r) => ({
      id: r.id,
      prefix: r.prefix,
      country: r.country,
      startSerial: r.start_serial,
      endSerial: r.end_serial,
      lastUsed: r.last_used,
      remaining: rangeRemaining({ prefix: r.prefix, country: r.country, start: r.start_serial, end: r.end_serial }, r.last_used),
    }));
  }

  addS10Range(ctx: CallContext, r: { prefix: string; country: string; startSerial: number; endSerial: number }) {
    const problems = validateS10Range({ prefix: r.prefix, country: r.country, start: r.startSerial, end: r.endSerial });
    if (problems.length) throw new ApiError('CONFLICT', problems.join(' '));
    const overlap = s10Ranges(this.db).find((x) => x.prefix === r.prefix && x.country === r.country && x.start_serial <= r.endSerial && r.startSerial <= x.end_serial);
    if (overlap) throw new ApiError('CONFLICT', t('reception.s10Overlap', { start: overlap.start_serial, end: overlap.end_serial }));
    this.db.transaction(() => {
      const id = this.db
        .prepare('INSERT INTO s10_range (prefix, country, start_serial, end_serial, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(r.prefix, r.country, r.startSerial, r.endSerial, this.clock().toISOString(), ctx.session?.userId ?? null).lastInsertRowid;
      appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'reception.s10Range', entity: 's10_range', entityId: Number(id), detail: r });
    })();
    return this.s10Ranges().at(-1) as ReturnType<ReceptionService['s10Ranges']>[number];
  }

  private procedure(code: string, versionId: number): Procedure & { versionId: number; rowId: number } {
    return this.catalogue.getRow(code, versionId);
  }

  /** Fees, postal charges, total and the expected result date for what the clerk has entered so far. */
  quote(input: { procedureCode: string; versionId: number; service: Service; fees: ConfirmInput['fees']; postal: ConfirmInput['postal'] }): Quote {
    const procedure = this.procedure(input.procedureCode, input.versionId);
    const config = this.config();
    const errors: string[] = [];
    const lines: FeeLine[] = [];
    if (sends(input.service)) {
      const fees = procedureFeeLines(procedure, input.fees);
      errors.push(...fees.errors);
      if (!fees.errors.length)
        for (const f of fees.lines)
          lines.push({ kind: f.kind, label: f.label, amount: f.amount, agency: procedure.agency, ...(f.exempt ? { exemptReason: f.exempt.reason } : {}) });
    }
    for (const direction of ['send', 'return'] as const) {
      if (direction === 'send' ? !sends(input.service) : !returns(input.service)) continue;
      const charge = postalCharge(config.tariff, { ...input.postal, direction });
      if ('error' in charge) errors.push(charge.error);
      else
        lines.push({
          kind: direction === 'send' ? 'postal_send' : 'postal_return',
          label: t(direction === 'send' ? 'reception.charge.send' : 'reception.charge.return', { zone: charge.zone.name, weight: charge.weightClass.name }),
          amount: charge.amount,
          agency: null,
          ...(charge.exempt ? { exemptReason: charge.exempt } : {}),
        });
    }
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const today = vietnamDay(this.clock());
    const dates = sends(input.service)
      ? resultDates(config, today, config.transitDays.byAgency[procedure.agency] ?? config.transitDays.default, procedure.processingDays)
      : { agencyReceivesOn: null, resultDate: null, skipped: [] };
    const vietQr =
      config.bank && total > 0 && !errors.length
        ? vietQrPayload({ bankBin: config.bank.bin, accountNumber: config.bank.accountNumber, accountName: config.bank.accountName, amount: total, description: `BCCI ${procedure.code}` })
        : null;
    return { lines, total, errors, ...dates, vietQr };
  }

  private pointLines() {
    const point = this.setup.point();
    if (!point) throw ApiError.of('SETUP_REQUIRED');
    return {
      point,
      office: letterheadOf(point).office,
      pointName: point.name,
      pointAddress: `${point.commune}, ${point.province}`,
    };
  }

  /** Prints the supplement guidance slip for an incomplete dossier and records it ("guided, not received"). */
  guidance(ctx: CallContext, session: Session, input: { procedureCode: string; versionId: number; answers: ConfirmInput['answers']; applicantName?: string; idempotencyKey: string }): PrintJob {
    const printed = findJobByKey(this.db, `guidance:${input.idempotencyKey}`);
    if (printed) return printed;
    const procedure = this.procedure(input.procedureCode, input.versionId);
    const result = evaluateChecklist(procedure, toAnswers(input.answers));
    if (result.complete) throw new ApiError('CONFLICT', t('reception.guidanceNotNeeded'));
    // The slip must list everything: every question has to be answered first.
    if (result.pendingQuestions.length) throw new ApiError('CONFLICT', t('reception.guidancePending', { questions: result.pendingQuestions.join('; ') }));
    const lines = supplementSlipLines(procedure, result);
    const { office, pointName, pointAddress, point } = this.pointLines();
    const at = this.clock();
    const clerk = findUserById(this.db, session.userId);
    const job = this.db
      .transaction((): PrintJob => {
        const id = Number(
          this.db
            .prepare('INSERT INTO guidance_slip (at, day, user_id, procedure_id, applicant_name, missing, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(at.toISOString(), vietnamDay(at), session.userId, procedure.rowId, input.applicantName ?? null, JSON.stringify(lines), input.idempotencyKey).lastInsertRowid,
        );
        const document = guidanceSlipDocument({
          office,
          point: pointName,
          pointAddress,
          number: `${id}/${vietnamDay(at).slice(0, 4)}`,
          applicant: input.applicantName,
          procedure: `${procedure.name} (${procedure.code})`,
          lines: lines.map((l) => ({ name: l.name, requirement: `${l.form} — ${l.quantity}`, reason: l.reason })),
          contact: `${clerk?.fullName ?? ''} — ${point.name}`,
          issuedAt: vietnamClock(at),
          clerk: clerk?.fullName ?? '',
        });
        appendAudit(this.db, at, { userId: session.userId, action: 'reception.guidance', entity: 'guidance_slip', entityId: id, detail: { procedure: procedure.code, missing: lines.length } });
        return this.printing.print(ctx, { idempotencyKey: `guidance:${input.idempotencyKey}`, document, kick: false });
      })
      .immediate();
    this.queue.release([job]);
    return job;
  }

  /** A delivery address must name a current province and one of its communes; stored with the data's names. */
  private canonicalDelivery(d: Delivery): Delivery {
    if (d.kind !== 'address') return d;
    const found = this.units.findCommune(d.province, d.commune);
    if (!found) throw new ApiError('CONFLICT', t('units.unknownCommune', { commune: d.commune, province: d.province }));
    return { ...d, province: found.province.name, commune: found.commune.name };
  }

  confirm(ctx: CallContext, session: Session, request: ConfirmInput): { dossier: Dossier; printJobs: PrintJob[] } {
    const existing = dossierRowByKey(this.db, request.idempotencyKey);
    if (existing) return { dossier: toDossier(existing), printJobs: this.jobsOf(existing.id) };
    const input = { ...request, delivery: this.canonicalDelivery(request.delivery) };
    const current = this.catalogue.currentVersion();
    if (input.versionId !== current) throw new ApiError('CONFLICT', t('reception.catalogueChanged', { current: current ?? 0 }));
    const procedure = this.procedure(input.procedureCode, input.versionId);
    if (sends(input.service) && !procedure.bcciReceive) throw new ApiError('CONFLICT', t('procedure.notAcceptedBanner'));
    if (returns(input.service) && !procedure.bcciReturn) throw new ApiError('CONFLICT', t('reception.returnNotAccepted'));
    const answers = toAnswers(input.answers);
    const verdict = evaluateChecklist(procedure, answers);
    if (sends(input.service) && !verdict.complete) throw new ApiError('CONFLICT', t('reception.incomplete', { missing: verdictMessages(verdict).join('; ') }));
    const quote = this.quote(input);
    if (quote.errors.length) throw new ApiError('CONFLICT', quote.errors.join(' '));
    if (input.expectedTotal !== undefined && input.expectedTotal !== quote.total)
      throw new ApiError('CONFLICT', t('reception.totalChanged', { expected: formatVnd(input.expectedTotal), actual: formatVnd(quote.total) }));
    const { office, pointName, pointAddress, point } = this.pointLines();
    const counts = sends(input.service) ? documentCounts(procedure, answers) : { originals: 0, copies: 0, items: [] };
    const at = this.clock();
    const day = vietnamDay(at);
    const clerk = findUserById(this.db, session.userId);

    let dossierId = 0;
    const jobs: PrintJob[] = [];
    this.db
      .transaction(() => {
        const sequence = nextDossierSequence(this.db, point.code, day);
        if (sequence > DOSSIER_SEQUENCE_MAX) throw new ApiError('CONFLICT', t('reception.code.sequenceExhausted', { date: displayDate(day), point: point.code }));
        const code = formatDossierCode(point.code, day, sequence);
        const logBook = `${String(nextDossierSequence(this.db, point.code, day.slice(0, 4))).padStart(4, '0')}/${day.slice(0, 4)}`;
        let itemNumber: string | null = null;
        if (sends(input.service)) {
          itemNumber = this.allocateItemNumber();
        }
        const paymentMethod = quote.total > 0 ? input.payment : 'none';
        dossierId = Number(
          this.db
            .prepare(
              `INSERT INTO dossier (code, idempotency_key, item_number, procedure_id, procedure_code, procedure_name, agency, service,
                 applicant, applicant_id, applicant_name, applicant_folded, applicant_phone, representative, delivery, checklist,
                 originals, copies, received_at, received_day, received_by, agency_receives_on, result_date, payment_method,
                 total_amount, log_book_number, status, status_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
            )
            .run(
              code,
              input.idempotencyKey,
              itemNumber,
              procedure.rowId,
              procedure.code,
              procedure.name,
              procedure.agency,
              input.service,
              JSON.stringify(input.applicant),
              input.applicant.idNumber,
              input.applicant.fullName,
              foldVietnamese(input.applicant.fullName),
              input.applicant.phone,
              input.representative ? JSON.stringify(input.representative) : null,
              JSON.stringify(input.delivery),
              JSON.stringify({ versionId: procedure.versionId, answers: input.answers, received: counts.items, verdict: { complete: verdict.complete } }),
              counts.originals,
              counts.copies,
              at.toISOString(),
              day,
              session.userId,
              quote.agencyReceivesOn,
              quote.resultDate,
              paymentMethod,
              quote.total,
              logBook,
              at.toISOString(),
            ).lastInsertRowid,
        );
        for (const l of quote.lines)
          appendLedger(this.db, {
            at: at.toISOString(),
            day,
            userId: session.userId,
            dossierId,
            paymentMethod,
            line: { kind: l.kind, label: l.label, agency: l.agency, amount: l.amount, note: l.exemptReason },
          });
        appendDossierEvent(this.db, dossierId, at.toISOString(), 'received', session.userId, { code, itemNumber, service: input.service, total: quote.total });
        appendAudit(this.db, at, { userId: session.userId, action: 'dossier.receive', entity: 'dossier', entityId: code, detail: { procedure: procedure.code, total: quote.total } });
        if (input.draftId) this.db.prepare('DELETE FROM reception_draft WHERE id = ? AND user_id = ?').run(input.draftId, session.userId);

        const data = this.receiptData(dossierRowById(this.db, dossierId) as DossierRow, { office, pointName, pointAddress, clerk: clerk?.fullName ?? '', quote });
        jobs.push(this.printing.print(ctx, { idempotencyKey: `dossier:${dossierId}:receipt`, document: receptionReceiptDocument(data), kick: false }));
        if (itemNumber) {
          jobs.push(this.printing.print(ctx, { idempotencyKey: `dossier:${dossierId}:envelope-list`, document: envelopeListDocument(data), kick: false }));
          jobs.push(
            this.printing.print(ctx, {
              idempotencyKey: `dossier:${dossierId}:label`,
              document: envelopeLabelDocument({ itemNumber, dossierCode: code, agency: procedure.agency, applicant: input.applicant.fullName, point: `${office} - ${pointName}` }),
              kick: false,
            }),
          );
        }
      })
      .immediate();
    // Durable (WAL, synchronous=FULL) before a single byte goes to a printer.
    this.queue.release(jobs);
    return { dossier: toDossier(dossierRowById(this.db, dossierId) as DossierRow), printJobs: jobs };
  }

  private allocateItemNumber(): string {
    const itemNumber = allocateItemNumber(this.db);
    if (!itemNumber) throw new ApiError('CONFLICT', t('reception.noItemNumbers'));
    return itemNumber;
  }

  private jobsOf(dossierId: number): PrintJob[] {
    const keys = ['receipt', 'envelope-list', 'label'].map((k) => `dossier:${dossierId}:${k}`);
    return this.queue.list(undefined, 500).filter((j) => keys.includes(j.idempotencyKey));
  }

  private receiptData(
    row: DossierRow,
    o: { office: string; pointName: string; pointAddress: string; clerk: string; quote?: Quote },
  ): ReceptionReceiptData {
    const applicant = JSON.parse(row.applicant) as ConfirmInput['applicant'];
    const representative = row.representative ? (JSON.parse(row.representative) as NonNullable<ConfirmInput['representative']>) : null;
    const checklist = JSON.parse(row.checklist) as { received: { name: string; originals: number; copies: number }[] };
    const fees = (
      o.quote?.lines ??
      (this.db.prepare(`SELECT label, amount FROM ledger_entry WHERE dossier_id = ? AND kind <> 'reversal' ORDER BY id`).all(row.id) as { label: string; amount: number }[])
    ).map((l) => ({ name: l.label, amount: l.amount }));
    return {
      office: o.office,
      point: o.pointName,
      pointAddress: o.pointAddress,
      dossierCode: row.code,
      itemNumber: row.item_number ?? undefined,
      applicant: applicant.fullName,
      address: applicant.address,
      phone: applicant.phone,
      representative: representative ? `${representative.fullName} (${representative.relation}), CCCD ${representative.idNumber}` : undefined,
      procedure: `${row.procedure_name} (${row.procedure_code})`,
      agency: row.agency,
      documents: checklist.received.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies })),
      fees,
      payment: t(row.payment_method === 'transfer' ? 'reception.payment.transfer' : row.payment_method === 'cash' ? 'reception.payment.cash' : 'reception.payment.none'),
      vietQr: row.payment_method === 'transfer' ? (o.quote?.vietQr ?? undefined) : undefined,
      receivedAt: vietnamClock(new Date(row.received_at)),
      resultDate: row.result_date ? displayDate(row.result_date) : t('reception.noResultDate'),
      returnVia: deliveryText(JSON.parse(row.delivery) as Delivery),
      logBookNumber: row.log_book_number,
      receiver: o.clerk,
    };
  }

  receiptPreview(dossierId: number) {
    const row = dossierRowById(this.db, dossierId);
    if (!row) throw ApiError.of('NOT_FOUND', { what: `hồ sơ #${dossierId}` });
    const { office, pointName, pointAddress } = this.pointLines();
    const clerk = findUserById(this.db, row.received_by);
    return receptionReceiptDocument(this.receiptData(row, { office, pointName, pointAddress, clerk: clerk?.fullName ?? '' }));
  }

  get(code: string): Dossier {
    const row = dossierRowByCode(this.db, code.trim().toUpperCase());
    if (!row) throw ApiError.of('NOT_FOUND', { what: `hồ sơ ${code}` });
    return toDossier(row);
  }

  /**
   * Before dispatch a manager may cancel: reversal lines, a `cancelled` event (through the state
   * machine, like every step), an audit line; nothing is deleted. A dossier already scanned into a
   * manifest that has not left is taken off it.
   */
  cancel(ctx: CallContext, session: Session, dossierId: number, reason: string): Dossier {
    const row = dossierRowById(this.db, dossierId);
    if (!row) throw ApiError.of('NOT_FOUND', { what: `hồ sơ #${dossierId}` });
    if (row.status !== 'received' && row.status !== 'in_manifest') throw new ApiError('CONFLICT', t('reception.cannotCancel', { code: row.code, status: stateLabel(row.status as DossierState) }));
    const at = this.clock();
    const day = vietnamDay(at);
    this.db
      .transaction(() => {
        for (const l of openLedgerLines(this.db, dossierId)) {
          const line: LedgerLine = { kind: 'reversal', label: t('reception.reversalOf', { label: l.label }), agency: l.agency, amount: -l.amount, reverses: l.id, note: reason };
          appendLedger(this.db, { at: at.toISOString(), day, userId: session.userId, dossierId, paymentMethod: l.payment_method, line });
        }
        advance(this.db, { dossierId, status: row.status as DossierState, event: { type: 'cancelled', reason }, userId: session.userId, at: at.toISOString() });
        if (row.status === 'in_manifest') this.db.prepare('DELETE FROM manifest_item WHERE dossier_id = ? AND manifest_id IN (SELECT id FROM manifest WHERE status = ?)').run(dossierId, 'open');
        appendAudit(this.db, at, { userId: session.userId, action: 'dossier.cancel', entity: 'dossier', entityId: row.code, detail: { reason, actor: ctx.actor } });
      })
      .immediate();
    return toDossier(dossierRowById(this.db, dossierId) as DossierRow);
  }

  drafts(session: Session) {
    return (
      this.db.prepare('SELECT id, updated_at AS updatedAt, data FROM reception_draft WHERE user_id = ? ORDER BY updated_at DESC').all(session.userId) as {
        id: number;
        updatedAt: string;
        data: string;
      }[]
    ).map((d) => ({ id: d.id, updatedAt: d.updatedAt, data: JSON.parse(d.data) as Record<string, unknown> }));
  }

  /** Saved on every change, so a half-done reception survives a crash; one row per draft, owned by its clerk. */
  saveDraft(session: Session, id: number | undefined, data: Record<string, unknown>): { id: number } {
    const at = this.clock().toISOString();
    const json = JSON.stringify(data);
    if (json.length > 200_000) throw ApiError.of('VALIDATION', { detail: 'draft too large' });
    if (id) {
      const r = this.db.prepare('UPDATE reception_draft SET data = ?, updated_at = ? WHERE id = ? AND user_id = ?').run(json, at, id, session.userId);
      if (r.changes === 1) return { id };
    }
    return { id: Number(this.db.prepare('INSERT INTO reception_draft (user_id, updated_at, data) VALUES (?, ?, ?)').run(session.userId, at, json).lastInsertRowid) };
  }

  discardDraft(session: Session, id: number): void {
    this.db.prepare('DELETE FROM reception_draft WHERE id = ? AND user_id = ?').run(id, session.userId);
  }
}
