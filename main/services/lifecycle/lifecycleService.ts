import type { Db } from '../../db/database';
import { stmt } from '../../db/statements';
import { ApiError } from '../../../shared/api/errors';
import type { PrintJob } from '../../../shared/api/devices';
import type { DossierSummary, ManifestDetail, Manifest, RegisterResultInput } from '../../../shared/api/lifecycle';
import type { Delivery } from '../../../shared/api/reception';
import type { DossierState } from '../../../shared/dossier/lifecycle';
import { t } from '../../../shared/messages/vi';
import type { A4Document } from '../../../shared/printing/a4';
import {
  agencyLetterDocument,
  deliveryListDocument,
  handOverDocument,
  letterheadOf,
  manifestDocument,
  manifestSummaryDocument,
  type Letterhead,
  type ManifestLine,
} from '../../../shared/printing/lifecycleDocuments';
import { envelopeLabelDocument } from '../../../shared/printing/receptionDocuments';
import { DOSSIER_SEQUENCE_MAX, formatDossierCode } from '../../../shared/reception/codes';
import { cleanScan, classifyScan } from '../../../shared/scan/classify';
import { parseCccd } from '../../../shared/scan/cccd';
import { foldVietnamese } from '../../../shared/text/fold';
import { displayDate, vietnamClock, vietnamDay } from '../../../shared/time/vietnam';
import type { AdminUnitsService } from '../adminUnits/adminUnitsService';
import { appendAudit } from '../audit/auditRepository';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { CallContext, Clock, Session } from '../context';
import { a4Fonts, a4ToPdf } from '../printing/a4Pdf';
import type { PrintingService } from '../printing/printingService';
import type { PrintQueue } from '../printing/printQueue';
import { findJobByKey } from '../printing/printJobRepository';
import type { SetupService } from '../setup/setupService';
import { allocateItemNumber, appendLedger, dossierRowById, nextDossierSequence, type DossierRow } from '../reception/receptionRepository';
import { advance, AGENCY_FEE_LINE, summaries, summaryByCode, summaryById, SUMMARY_COLUMNS, userName } from './lifecycleRepository';

interface ManifestRow {
  id: number;
  number: string;
  agency: string;
  status: Manifest['status'];
  created_at: string;
  created_by: number;
  dispatched_at: string | null;
  carrier: string | null;
  agency_received_at: string | null;
  agency_receiver: string | null;
  fees_handed_over: number | null;
}

const PDF = 'application/pdf';

/**
 * Everything after reception, one step = one event in the dossier's history, checked by the state
 * machine and written with the derived status in the same `.immediate()` transaction: handover
 * manifests and the agency's receipt (with the fees handed over as ledger lines), results intake,
 * delivery by postman or at the counter (the citizen's ID checked against the applicant or the
 * representative, money due collected into the ledger), and the agency's requests with the letter
 * to the citizen. Printing starts only after the commit.
 */
export class LifecycleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly catalogue: CatalogueService,
    private readonly setup: SetupService,
    private readonly printing: PrintingService,
    private readonly queue: PrintQueue,
    private readonly units: AdminUnitsService,
    private readonly fontsDir: string,
  ) {}

  private today(): string {
    return vietnamDay(this.clock());
  }

  private letterhead(): Letterhead & { pointCode: string } {
    const point = this.setup.point();
    if (!point) throw ApiError.of('SETUP_REQUIRED');
    return letterheadOf(point);
  }

  /** Scans arrive with a scanner's suffix or in lower case from a keyboard: one canonical form. */
  private scannedCode(raw: string): string {
    const text = cleanScan(raw).trim().toUpperCase();
    const kind = classifyScan(text);
    if (kind.kind === 'cccd') throw new ApiError('CONFLICT', t('lifecycle.scanNotCode', { message: t('lifecycle.id.notCccd') }));
    return text;
  }

  private dossierByScan(raw: string): DossierSummary {
    const code = this.scannedCode(raw);
    const found = summaryByCode(this.db, code, this.today());
    if (!found) throw new ApiError('NOT_FOUND', t('lifecycle.notFound', { code }));
    return found;
  }

  private summary(id: number): DossierSummary {
    const s = summaryById(this.db, id, this.today());
    if (!s) throw ApiError.of('NOT_FOUND', { what: `hồ sơ #${id}` });
    return s;
  }

  // ── Handover manifests ──

  /** Dossiers received and sealed, waiting to go, per agency (with the agency's open manifest, if any). */
  pending() {
    const rows = summaries(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.status = 'received' AND d.service IN ('send', 'both') ORDER BY d.agency, d.id`,
      [],
      this.today(),
    );
    const open = new Map((stmt(this.db, `SELECT agency, max(id) AS id FROM manifest WHERE status = 'open' GROUP BY agency`).all() as { agency: string; id: number }[]).map((r) => [r.agency, r.id]));
    const groups = new Map<string, DossierSummary[]>();
    for (const r of rows) groups.set(r.agency, [...(groups.get(r.agency) ?? []), r]);
    for (const agency of open.keys()) if (!groups.has(agency)) groups.set(agency, []);
    return [...groups].map(([agency, dossiers]) => ({ agency, dossiers, openManifestId: open.get(agency) ?? null }));
  }

  private manifestRow(id: number): ManifestRow {
    const m = stmt(this.db, 'SELECT * FROM manifest WHERE id = ?').get(id) as ManifestRow | undefined;
    if (!m) throw new ApiError('NOT_FOUND', t('lifecycle.manifestNotFound', { id }));
    return m;
  }

  private manifestDossiers(id: number): DossierSummary[] {
    return summaries(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM manifest_item i JOIN dossier d ON d.id = i.dossier_id WHERE i.manifest_id = ? ORDER BY i.added_at, d.id`,
      [id],
      this.today(),
    );
  }

  private toManifest(m: ManifestRow & { created_by_name: string }, count: number, totalFees: number): Manifest {
    return {
      id: m.id,
      number: m.number,
      agency: m.agency,
      status: m.status,
      createdAt: m.created_at,
      createdBy: m.created_by_name,
      dispatchedAt: m.dispatched_at,
      carrier: m.carrier,
      agencyReceivedAt: m.agency_received_at,
      agencyReceiver: m.agency_receiver,
      feesHandedOver: m.fees_handed_over,
      count,
      totalFees,
    };
  }

  manifest(id: number): ManifestDetail {
    const dossiers = this.manifestDossiers(id);
    const row = { ...this.manifestRow(id), created_by_name: '' };
    row.created_by_name = userName(this.db, row.created_by);
    return { manifest: this.toManifest(row, dossiers.length, dossiers.reduce((s, d) => s + d.agencyFees, 0)), dossiers };
  }

  /** The list: counts and fees by aggregate, not by loading every manifest's dossiers. */
  manifests(status: Manifest['status'] | undefined, limit: number): Manifest[] {
    const rows = stmt(
      this.db,
      `SELECT m.*, coalesce(u.full_name, '') AS created_by_name,
              (SELECT count(*) FROM manifest_item i WHERE i.manifest_id = m.id) AS n,
              (SELECT coalesce(sum(l.amount), 0) FROM manifest_item i JOIN ledger_entry l ON l.dossier_id = i.dossier_id WHERE i.manifest_id = m.id AND ${AGENCY_FEE_LINE}) AS fees
         FROM manifest m LEFT JOIN app_user u ON u.id = m.created_by
        WHERE ? IS NULL OR m.status = ? ORDER BY m.id DESC LIMIT ?`,
    ).all(status ?? null, status ?? null, limit) as (ManifestRow & { created_by_name: string; n: number; fees: number })[];
    return rows.map((m) => this.toManifest(m, m.n, m.fees));
  }

  /** One open manifest per agency: asking again continues the one being filled. */
  createManifest(session: Session, agency: string): ManifestDetail {
    const existing = stmt(this.db, `SELECT id FROM manifest WHERE agency = ? AND status = 'open' ORDER BY id DESC LIMIT 1`).get(agency) as { id: number } | undefined;
    if (existing) return this.manifest(existing.id);
    if (!stmt(this.db, `SELECT 1 FROM dossier WHERE status = 'received' AND agency = ? AND service IN ('send', 'both') LIMIT 1`).get(agency))
      throw new ApiError('CONFLICT', t('lifecycle.noneWaiting', { agency }));
    const head = this.letterhead();
    const at = this.clock();
    const day = vietnamDay(at);
    const id = this.db
      .transaction(() => {
        const number = nextPaperNumber(this.db, 'BK', head.pointCode, day);
        const newId = Number(
          stmt(this.db, `INSERT INTO manifest (number, agency, status, created_at, created_by) VALUES (?, ?, 'open', ?, ?)`).run(number, agency, at.toISOString(), session.userId)
            .lastInsertRowid,
        );
        appendAudit(this.db, at, { userId: session.userId, action: 'manifest.create', entity: 'manifest', entityId: number, detail: { agency } });
        return newId;
      })
      .immediate();
    return this.manifest(id);
  }

  /** A sealed envelope scanned into a manifest: not ready, wrong agency and twice each get their own message. */
  scanIntoManifest(session: Session, manifestId: number, raw: string): { added: DossierSummary; manifest: ManifestDetail } {
    const m = this.manifestRow(manifestId);
    if (m.status !== 'open') throw new ApiError('CONFLICT', t('lifecycle.manifestNotOpen', { number: m.number }));
    const d = this.dossierByScan(raw);
    if (d.status === 'in_manifest') {
      const lines = this.manifestDossiers(manifestId);
      const line = lines.findIndex((x) => x.id === d.id);
      if (line >= 0) throw new ApiError('CONFLICT', t('lifecycle.scan.twice', { code: d.code, line: line + 1 }));
      const other = stmt(this.db, 'SELECT m.number FROM manifest_item i JOIN manifest m ON m.id = i.manifest_id WHERE i.dossier_id = ? ORDER BY i.added_at DESC LIMIT 1').get(d.id) as
        | { number: string }
        | undefined;
      throw new ApiError('CONFLICT', t('lifecycle.scan.otherManifest', { code: d.code, number: other?.number ?? '?' }));
    }
    if (d.service === 'return') throw new ApiError('CONFLICT', t('lifecycle.scan.returnOnly', { code: d.code }));
    if (d.status === 'received' && d.agency !== m.agency) throw new ApiError('CONFLICT', t('lifecycle.scan.wrongAgency', { code: d.code, dossierAgency: d.agency, agency: m.agency }));
    const at = this.clock().toISOString();
    this.db
      .transaction(() => {
        advance(this.db, {
          dossierId: d.id,
          status: d.status,
          event: { type: 'added_to_manifest', manifestId },
          userId: session.userId,
          at,
          extra: { number: m.number },
          refuse: (message) => t('lifecycle.scan.notReady', { code: d.code, message }),
        });
        stmt(this.db, 'INSERT INTO manifest_item (manifest_id, dossier_id, added_at, added_by) VALUES (?, ?, ?, ?)').run(manifestId, d.id, at, session.userId);
      })
      .immediate();
    return { added: this.summary(d.id), manifest: this.manifest(manifestId) };
  }

  removeFromManifest(session: Session, manifestId: number, dossierId: number): ManifestDetail {
    const m = this.manifestRow(manifestId);
    if (m.status !== 'open') throw new ApiError('CONFLICT', t('lifecycle.manifestNotOpen', { number: m.number }));
    const d = this.summary(dossierId);
    const inIt = stmt(this.db, 'SELECT 1 FROM manifest_item WHERE manifest_id = ? AND dossier_id = ?').get(manifestId, dossierId);
    if (!inIt) throw new ApiError('CONFLICT', t('lifecycle.notInManifest', { code: d.code, number: m.number }));
    const at = this.clock().toISOString();
    this.db
      .transaction(() => {
        advance(this.db, { dossierId, status: d.status, event: { type: 'removed_from_manifest', manifestId }, userId: session.userId, at, extra: { number: m.number } });
        stmt(this.db, 'DELETE FROM manifest_item WHERE manifest_id = ? AND dossier_id = ?').run(manifestId, dossierId);
      })
      .immediate();
    return this.manifest(manifestId);
  }

  private manifestLines(dossiers: DossierSummary[]): ManifestLine[] {
    return dossiers.map((d) => ({
      code: d.code,
      itemNumber: d.itemNumber,
      applicant: d.applicantName,
      procedure: `${d.procedureName} (${d.procedureCode})`,
      originals: d.originals,
      copies: d.copies,
      fees: d.agencyFees,
    }));
  }

  /** The carrier takes the manifest: one `dispatched` event per dossier, the summary prints after the commit. */
  dispatch(ctx: CallContext, session: Session, manifestId: number, carrier: string, key: string): { manifest: ManifestDetail; printJob: PrintJob | null } {
    const before = this.manifestRow(manifestId);
    const keyed = stmt(this.db, 'SELECT id FROM manifest WHERE dispatch_key = ?').get(key) as { id: number } | undefined;
    // The same click twice is the same dispatch; the same key for another manifest is a client bug.
    if (keyed && keyed.id === manifestId) return { manifest: this.manifest(manifestId), printJob: findJobByKey(this.db, `manifest:${manifestId}:summary`) };
    if (keyed) throw new ApiError('CONFLICT', t('lifecycle.keyReused'));
    if (before.status !== 'open') throw new ApiError('CONFLICT', t('lifecycle.manifestNotOpen', { number: before.number }));
    const dossiers = this.manifestDossiers(manifestId);
    if (!dossiers.length) throw new ApiError('CONFLICT', t('lifecycle.manifestEmpty', { number: before.number }));
    const head = this.letterhead();
    const at = this.clock();
    const clerk = userName(this.db, session.userId);
    let job: PrintJob | null = null;
    this.db
      .transaction(() => {
        for (const d of dossiers)
          advance(this.db, { dossierId: d.id, status: d.status, event: { type: 'dispatched', manifestId }, userId: session.userId, at: at.toISOString(), extra: { number: before.number, carrier } });
        stmt(this.db, `UPDATE manifest SET status = 'dispatched', dispatched_at = ?, dispatched_by = ?, dispatch_key = ?, carrier = ? WHERE id = ?`).run(
          at.toISOString(),
          session.userId,
          key,
          carrier,
          manifestId,
        );
        appendAudit(this.db, at, { userId: session.userId, action: 'manifest.dispatch', entity: 'manifest', entityId: before.number, detail: { carrier, count: dossiers.length } });
        job = this.printing.print(ctx, {
          idempotencyKey: `manifest:${manifestId}:summary`,
          document: manifestSummaryDocument({
            head,
            number: before.number,
            agency: before.agency,
            day: vietnamDay(at),
            carrier,
            clerk,
            lines: this.manifestLines(dossiers),
            dispatchedAt: vietnamClock(at),
          }),
          kick: false,
        });
      })
      .immediate();
    if (job) this.queue.release([job]);
    return { manifest: this.manifest(manifestId), printJob: job };
  }

  manifestDocument(id: number): A4Document {
    const m = this.manifestRow(id);
    return manifestDocument({
      head: this.letterhead(),
      number: m.number,
      agency: m.agency,
      day: vietnamDay(new Date(m.dispatched_at ?? m.created_at)),
      carrier: m.carrier,
      clerk: userName(this.db, m.created_by),
      lines: this.manifestLines(this.manifestDossiers(id)),
      agencyReceiver: m.agency_receiver,
    });
  }

  async pdf(doc: A4Document, name: string) {
    const buffer = await a4ToPdf(doc, { fonts: a4Fonts(this.fontsDir) });
    return { fileName: `${name}.pdf`, mimeType: PDF, contentBase64: buffer.toString('base64') };
  }

  /**
   * The agency signed for the manifest: who and when, a new result date where it gave one, the
   * dossiers it refused and why, and whether the fees collected on its behalf were handed over
   * (one negative `agency_handover` ledger line per payment method: the money leaves the drawer).
   */
  agencyReceipt(
    session: Session,
    input: { manifestId: number; receiverName: string; receivedAt?: string; resultDates: { dossierId: number; resultDate: string }[]; refused: { dossierId: number; reason: string }[]; feesHandedOver: boolean },
  ): ManifestDetail {
    const m = this.manifestRow(input.manifestId);
    if (m.status === 'open') throw new ApiError('CONFLICT', t('lifecycle.manifestNotDispatched', { number: m.number }));
    if (m.status === 'received') throw new ApiError('CONFLICT', t('lifecycle.manifestAlreadyReceived', { number: m.number }));
    const dossiers = this.manifestDossiers(m.id);
    const byId = new Map(dossiers.map((d) => [d.id, d]));
    for (const x of [...input.resultDates, ...input.refused])
      if (!byId.has(x.dossierId)) throw new ApiError('CONFLICT', t('lifecycle.agencyReceipt.notInManifest', { id: x.dossierId, number: m.number }));
    const newDates = new Map(input.resultDates.map((x) => [x.dossierId, x.resultDate]));
    for (const [id, date] of newDates) {
      const d = byId.get(id) as DossierSummary;
      if (date < vietnamDay(new Date(d.receivedAt))) throw new ApiError('CONFLICT', t('lifecycle.agencyReceipt.badDate', { date: displayDate(date), code: d.code }));
    }
    const refused = new Map(input.refused.map((x) => [x.dossierId, x.reason]));
    // Only a dossier still "dispatched" takes the agency's receipt: one whose result, supplement
    // request or refusal already came back has moved on, and its step is not rewritten.
    for (const id of [...refused.keys(), ...newDates.keys()]) {
      const d = byId.get(id) as DossierSummary;
      if (d.status !== 'dispatched') throw new ApiError('CONFLICT', t('lifecycle.agencyReceipt.movedOn', { code: d.code, status: d.statusLabel }));
    }
    const now = this.clock();
    const at = input.receivedAt ? new Date(input.receivedAt) : now;
    if (at.getTime() > now.getTime() + 5 * 60_000 || (m.dispatched_at && at.getTime() < Date.parse(m.dispatched_at)))
      throw new ApiError('CONFLICT', t('lifecycle.agencyReceipt.badTime', { at: vietnamClock(at), dispatched: vietnamClock(new Date(m.dispatched_at ?? now.toISOString())) }));
    const day = vietnamDay(now);
    this.db
      .transaction(() => {
        for (const d of dossiers) {
          if (d.status !== 'dispatched') continue;
          const reason = refused.get(d.id);
          if (reason !== undefined) {
            advance(this.db, { dossierId: d.id, status: d.status, event: { type: 'agency_refused', reason }, userId: session.userId, at: at.toISOString(), extra: { number: m.number, receiver: input.receiverName } });
            continue;
          }
          const resultDate = newDates.get(d.id);
          advance(this.db, {
            dossierId: d.id,
            status: d.status,
            event: resultDate ? { type: 'agency_received', resultDate } : { type: 'agency_received' },
            userId: session.userId,
            at: at.toISOString(),
            extra: { number: m.number, receiver: input.receiverName },
          });
          if (resultDate) stmt(this.db, 'UPDATE dossier SET result_date = ? WHERE id = ?').run(resultDate, d.id);
        }
        let handed = 0;
        if (input.feesHandedOver) {
          // The fees of the dossiers the agency kept; a refused dossier's fees go back to the citizen (a reversal), not to the agency.
          const owed = stmt(
            this.db,
            `SELECT l.payment_method AS method, sum(l.amount) AS amount FROM manifest_item i
               JOIN dossier d ON d.id = i.dossier_id
               JOIN ledger_entry l ON l.dossier_id = i.dossier_id
              WHERE i.manifest_id = ? AND d.status NOT IN ('refused', 'cancelled') AND ${AGENCY_FEE_LINE}
              GROUP BY l.payment_method`,
          ).all(m.id) as { method: string; amount: number }[];
          for (const o of owed) {
            if (o.amount === 0) continue;
            appendLedger(this.db, {
              at: now.toISOString(),
              day,
              userId: session.userId,
              dossierId: null,
              paymentMethod: o.method,
              line: { kind: 'agency_handover', label: t('lifecycle.handover.label', { number: m.number }), agency: m.agency, amount: -o.amount, note: `manifest:${m.id}` },
            });
            handed += o.amount;
          }
        }
        stmt(this.db, `UPDATE manifest SET status = 'received', agency_received_at = ?, agency_receiver = ?, agency_recorded_by = ?, fees_handed_over = ? WHERE id = ?`).run(
          at.toISOString(),
          input.receiverName,
          session.userId,
          input.feesHandedOver ? handed : null,
          m.id,
        );
        appendAudit(this.db, now, {
          userId: session.userId,
          action: 'manifest.agencyReceipt',
          entity: 'manifest',
          entityId: m.number,
          detail: { receiver: input.receiverName, refused: input.refused.length, newDates: input.resultDates.length, feesHandedOver: handed },
        });
      })
      .immediate();
    return this.manifest(m.id);
  }

  // ── Results intake ──

  /**
   * Scan, scan, scan: a result back from the agency. A result for pickup is held at the counter in
   * the same transaction; one for an address waits for a delivery list. A second scan is 'already'.
   */
  scanResult(session: Session, raw: string): { dossier: DossierSummary; outcome: 'received' | 'already'; next: string } {
    const d = this.dossierByScan(raw);
    const back: DossierState[] = ['result_received', 'awaiting_pickup', 'out_for_delivery', 'delivery_failed', 'delivered', 'returned_to_agency'];
    if (back.includes(d.status)) return { dossier: d, outcome: 'already', next: t('lifecycle.results.next.already', { status: d.statusLabel }) };
    const at = this.clock().toISOString();
    const pickup = d.deliveryKind !== 'address';
    this.db
      .transaction(() => {
        const state = advance(this.db, {
          dossierId: d.id,
          status: d.status,
          event: d.service === 'return' ? { type: 'result_received', returnOnly: true } : { type: 'result_received' },
          userId: session.userId,
          at,
          refuse: (message) => t('lifecycle.results.notExpected', { code: d.code, message }),
        });
        if (pickup) advance(this.db, { dossierId: d.id, status: state, event: { type: 'held_for_pickup' }, userId: session.userId, at });
      })
      .immediate();
    const after = this.summary(d.id);
    return { dossier: after, outcome: 'received', next: pickup ? t('lifecycle.results.next.pickup') : t('lifecycle.results.next.address', { address: after.deliveryText }) };
  }

  /** Results this clerk took in today, newest first: the running list survives a reload. */
  resultsToday(session: Session): DossierSummary[] {
    const start = startOfVietnamDay(this.clock());
    return summaries(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.id IN (
         SELECT e.dossier_id FROM dossier_event e WHERE e.at >= ? AND e.type IN ('result_received', 'result_registered') AND e.user_id = ?)
       ORDER BY d.status_at DESC LIMIT 500`,
      [start, session.userId],
      this.today(),
    );
  }

  /**
   * A result for a citizen who applied at the agency and asked only for return by post: a new
   * record (code, item number for an address), the return charge to collect on delivery.
   */
  registerResult(ctx: CallContext, session: Session, input: RegisterResultInput): { dossier: DossierSummary; printJob: PrintJob | null } {
    // Keys of registrations live in their own namespace: a reception's key can never answer for one.
    const key = `register:${input.idempotencyKey}`;
    const existing = stmt(this.db, 'SELECT id FROM dossier WHERE idempotency_key = ?').get(key) as { id: number } | undefined;
    if (existing) return { dossier: this.summary(existing.id), printJob: findJobByKey(this.db, `dossier:${existing.id}:label`) };
    const procedure = this.catalogue.getRow(input.procedureCode);
    if (!procedure.bcciReturn) throw new ApiError('CONFLICT', t('lifecycle.register.notReturnable', { code: procedure.code }));
    let delivery: Delivery = input.delivery;
    if (delivery.kind === 'address') {
      const found = this.units.findCommune(delivery.province, delivery.commune);
      if (!found) throw new ApiError('CONFLICT', t('units.unknownCommune', { commune: delivery.commune, province: delivery.province }));
      delivery = { ...delivery, province: found.province.name, commune: found.commune.name };
    }
    const head = this.letterhead();
    const at = this.clock();
    const day = vietnamDay(at);
    let id = 0;
    let job: PrintJob | null = null;
    this.db
      .transaction(() => {
        const seq = nextDossierSequence(this.db, head.pointCode, day);
        if (seq > DOSSIER_SEQUENCE_MAX) throw new ApiError('CONFLICT', t('reception.code.sequenceExhausted', { date: displayDate(day), point: head.pointCode }));
        const code = formatDossierCode(head.pointCode, day, seq);
        const logBook = `${String(nextDossierSequence(this.db, head.pointCode, day.slice(0, 4))).padStart(4, '0')}/${day.slice(0, 4)}`;
        const itemNumber = delivery.kind === 'address' ? allocateItemNumber(this.db) : null;
        if (delivery.kind === 'address' && !itemNumber) throw new ApiError('CONFLICT', t('reception.noItemNumbers'));
        id = Number(
          stmt(
            this.db,
            `INSERT INTO dossier (code, idempotency_key, item_number, procedure_id, procedure_code, procedure_name, agency, service,
               applicant, applicant_id, applicant_name, applicant_folded, applicant_phone, representative, delivery, checklist,
               originals, copies, received_at, received_day, received_by, agency_receives_on, result_date, payment_method,
               total_amount, log_book_number, status, status_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'return', ?, ?, ?, ?, ?, NULL, ?, ?, 0, 0, ?, ?, ?, NULL, NULL, 'none', 0, ?, 'result_received', ?)`,
          ).run(
            code,
            key,
            itemNumber,
            procedure.rowId,
            procedure.code,
            procedure.name,
            procedure.agency,
            JSON.stringify(input.applicant),
            input.applicant.idNumber ?? null,
            input.applicant.fullName,
            foldVietnamese(input.applicant.fullName),
            input.applicant.phone,
            JSON.stringify(delivery),
            JSON.stringify({ returnOnly: true, agencyDossierCode: input.agencyDossierCode ?? null }),
            at.toISOString(),
            day,
            session.userId,
            logBook,
            at.toISOString(),
          ).lastInsertRowid,
        );
        stmt(this.db, 'INSERT INTO dossier_due (dossier_id, amount, label, agency_dossier_code) VALUES (?, ?, ?, ?)').run(
          id,
          input.amountDue,
          t('lifecycle.register.dueLabel'),
          input.agencyDossierCode ?? null,
        );
        stmt(this.db, 'INSERT INTO dossier_event (dossier_id, at, type, user_id, detail) VALUES (?, ?, ?, ?, ?)').run(
          id,
          at.toISOString(),
          'result_registered',
          session.userId,
          JSON.stringify({ code, itemNumber, agencyDossierCode: input.agencyDossierCode ?? null, amountDue: input.amountDue }),
        );
        if (delivery.kind !== 'address') advance(this.db, { dossierId: id, status: 'result_received', event: { type: 'held_for_pickup' }, userId: session.userId, at: at.toISOString() });
        appendAudit(this.db, at, { userId: session.userId, action: 'result.register', entity: 'dossier', entityId: code, detail: { procedure: procedure.code, amountDue: input.amountDue } });
        if (itemNumber)
          job = this.printing.print(ctx, {
            idempotencyKey: `dossier:${id}:label`,
            document: envelopeLabelDocument({ itemNumber, dossierCode: code, agency: procedure.agency, applicant: input.applicant.fullName, point: `${head.office} - ${head.point}` }),
            kick: false,
          });
      })
      .immediate();
    if (job) this.queue.release([job]);
    return { dossier: this.summary(id), printJob: job };
  }

  // ── Delivery ──

  /** Results to take to an address: back from the agency, or a failed attempt to try again. */
  readyForDelivery(): DossierSummary[] {
    return summaries(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM dossier d WHERE d.status IN ('result_received', 'delivery_failed') ORDER BY d.status_at LIMIT 2000`,
      [],
      this.today(),
    ).filter((d) => d.deliveryKind === 'address');
  }

  createDeliveryList(session: Session, postman: string, dossierIds: number[], key: string) {
    const existing = stmt(this.db, 'SELECT id FROM delivery_list WHERE idempotency_key = ?').get(key) as { id: number } | undefined;
    if (existing) return this.deliveryList(existing.id);
    const dossiers = [...new Set(dossierIds)].map((id) => this.summary(id));
    for (const d of dossiers) if (d.deliveryKind !== 'address') throw new ApiError('CONFLICT', t('lifecycle.delivery.notAddress', { code: d.code }));
    const head = this.letterhead();
    const at = this.clock();
    const day = vietnamDay(at);
    const id = this.db
      .transaction(() => {
        const number = nextPaperNumber(this.db, 'DS', head.pointCode, day);
        const listId = Number(
          stmt(this.db, 'INSERT INTO delivery_list (number, postman, created_at, created_by, idempotency_key) VALUES (?, ?, ?, ?, ?)').run(number, postman, at.toISOString(), session.userId, key)
            .lastInsertRowid,
        );
        dossiers.forEach((d, i) => {
          advance(this.db, {
            dossierId: d.id,
            status: d.status,
            event: { type: 'out_for_delivery', listId },
            userId: session.userId,
            at: at.toISOString(),
            extra: { number, postman },
            refuse: (message) => t('lifecycle.delivery.notReady', { code: d.code, message }),
          });
          stmt(this.db, 'INSERT INTO delivery_list_item (list_id, dossier_id, position) VALUES (?, ?, ?)').run(listId, d.id, i + 1);
        });
        appendAudit(this.db, at, { userId: session.userId, action: 'delivery.list', entity: 'delivery_list', entityId: number, detail: { postman, count: dossiers.length } });
        return listId;
      })
      .immediate();
    return this.deliveryList(id);
  }

  private listRow(id: number) {
    const l = stmt(this.db, 'SELECT * FROM delivery_list WHERE id = ?').get(id) as
      | { id: number; number: string; postman: string; created_at: string; created_by: number }
      | undefined;
    if (!l) throw new ApiError('NOT_FOUND', t('lifecycle.delivery.listNotFound', { id }));
    return l;
  }

  private listDossiers(id: number) {
    return summaries(this.db, `SELECT ${SUMMARY_COLUMNS} FROM delivery_list_item i JOIN dossier d ON d.id = i.dossier_id WHERE i.list_id = ? ORDER BY i.position`, [id], this.today());
  }

  /** Lists with their counts by aggregate (still out = its dossiers now "out for delivery"). */
  private lists(where: string, params: unknown[]) {
    return (
      stmt(
        this.db,
        `SELECT l.id, l.number, l.postman, l.created_at AS createdAt, coalesce(u.full_name, '') AS createdBy,
                (SELECT count(*) FROM delivery_list_item i WHERE i.list_id = l.id) AS count,
                (SELECT count(*) FROM delivery_list_item i JOIN dossier d ON d.id = i.dossier_id WHERE i.list_id = l.id AND d.status = 'out_for_delivery') AS open
           FROM delivery_list l LEFT JOIN app_user u ON u.id = l.created_by WHERE ${where}`,
      ).all(...params) as { id: number; number: string; postman: string; createdAt: string; createdBy: string; count: number; open: number }[]
    );
  }

  deliveryList(id: number) {
    const [list] = this.lists('l.id = ?', [id]);
    if (!list) throw new ApiError('NOT_FOUND', t('lifecycle.delivery.listNotFound', { id }));
    return { list, dossiers: this.listDossiers(id) };
  }

  deliveryLists(limit: number) {
    return this.lists('1 ORDER BY l.id DESC LIMIT ?', [limit]);
  }

  deliveryListDocument(id: number): A4Document {
    const l = this.listRow(id);
    return deliveryListDocument({
      head: this.letterhead(),
      number: l.number,
      day: vietnamDay(new Date(l.created_at)),
      postman: l.postman,
      clerk: userName(this.db, l.created_by),
      lines: this.listDossiers(id).map((d) => ({
        code: d.code,
        itemNumber: d.itemNumber,
        addressee: d.applicantName,
        address: d.deliveryText,
        phone: d.applicantPhone ?? '',
        amountDue: d.amountDue,
      })),
    });
  }

  /** The money due on a result, collected now: a `cod` line in the ledger (cash). */
  private collectDue(session: Session, d: DossierSummary, at: Date): number {
    if (d.amountDue <= 0) return 0;
    appendLedger(this.db, {
      at: at.toISOString(),
      day: vietnamDay(at),
      userId: session.userId,
      dossierId: d.id,
      paymentMethod: 'cash',
      line: { kind: 'cod', label: t('lifecycle.cod.label', { code: d.code }), agency: null, amount: d.amountDue },
    });
    return d.amountDue;
  }

  /** A retried request (same key) is the step already taken. */
  private alreadyDone(dossierId: number, key: string): boolean {
    const last = stmt(this.db, 'SELECT detail FROM dossier_event WHERE dossier_id = ? ORDER BY id DESC LIMIT 1').get(dossierId) as { detail: string | null } | undefined;
    return !!last?.detail && (JSON.parse(last.detail) as { requestKey?: string }).requestKey === key;
  }

  /** Failed attempt, notice left: the citizen collects the result at the counter. */
  holdForPickup(session: Session, dossierId: number): DossierSummary {
    const d = this.summary(dossierId);
    this.db
      .transaction(() => {
        advance(this.db, { dossierId, status: d.status, event: { type: 'held_for_pickup' }, userId: session.userId, at: this.clock().toISOString() });
      })
      .immediate();
    return this.summary(dossierId);
  }

  recordOutcome(
    session: Session,
    dossierId: number,
    outcome: { kind: 'delivered'; receiverName: string; relation: string; idChecked: boolean } | { kind: 'failed'; reason: string; nextAttempt?: string } | { kind: 'returned'; reason: string },
    key: string,
  ): DossierSummary {
    const requestKey = `outcome:${key}`;
    if (this.alreadyDone(dossierId, requestKey)) return this.summary(dossierId);
    const d = this.summary(dossierId);
    const at = this.clock();
    const extra = { requestKey };
    this.db
      .transaction(() => {
        if (outcome.kind === 'delivered') {
          advance(this.db, {
            dossierId,
            status: d.status,
            event: { type: 'delivered', receiverName: outcome.receiverName, relation: outcome.relation, idChecked: outcome.idChecked, atCounter: false },
            userId: session.userId,
            at: at.toISOString(),
            extra: { ...extra, collected: d.amountDue },
          });
          this.collectDue(session, d, at);
        } else if (outcome.kind === 'failed') {
          advance(this.db, {
            dossierId,
            status: d.status,
            event: outcome.nextAttempt ? { type: 'delivery_failed', reason: outcome.reason, nextAttempt: outcome.nextAttempt } : { type: 'delivery_failed', reason: outcome.reason },
            userId: session.userId,
            at: at.toISOString(),
            extra,
          });
        } else {
          advance(this.db, { dossierId, status: d.status, event: { type: 'returned_to_agency', reason: outcome.reason }, userId: session.userId, at: at.toISOString(), extra });
        }
      })
      .immediate();
    return this.summary(dossierId);
  }

  /** Results held at the counter, found by code, item number, ID number, phone or name. */
  awaitingPickup(query: string, search: (q: string, limit: number, status: 'awaiting_pickup') => DossierSummary[]): DossierSummary[] {
    return search(query, 200, 'awaiting_pickup');
  }

  /**
   * The citizen's ID card against the applicant and the representative recorded at reception.
   * A QR scan gives the ID number and the name; 12 typed digits give the number only.
   */
  verifyId(dossierId: number, scanned: string): { match: true; who: 'applicant' | 'representative'; name: string; relation: string; idTail: string; idNumber: string } {
    const row = dossierRowById(this.db, dossierId) as DossierRow | null;
    if (!row) throw ApiError.of('NOT_FOUND', { what: `hồ sơ #${dossierId}` });
    const text = cleanScan(scanned).trim();
    let idNumber: string;
    let name: string | null = null;
    if (/^\d{12}$/.test(text)) idNumber = text;
    else {
      const card = parseCccd(text);
      if (!card.ok) throw new ApiError('CONFLICT', t('lifecycle.id.notCccd'));
      idNumber = card.value.idNumber;
      name = card.value.fullName;
    }
    const applicant = JSON.parse(row.applicant) as { idNumber?: string; fullName: string };
    const representative = row.representative ? (JSON.parse(row.representative) as { idNumber: string; fullName: string; relation: string }) : null;
    if (applicant.idNumber && applicant.idNumber === idNumber)
      return { match: true, who: 'applicant', name: applicant.fullName, relation: t('lifecycle.id.applicant'), idTail: idNumber.slice(-4), idNumber };
    if (representative && representative.idNumber === idNumber)
      return { match: true, who: 'representative', name: representative.fullName, relation: representative.relation, idTail: idNumber.slice(-4), idNumber };
    // A result registered without an ID number: the name on the card must be the addressee's.
    if (!applicant.idNumber && !representative) {
      if (name === null) throw new ApiError('CONFLICT', t('lifecycle.id.noRecord', { code: row.code }));
      // Diacritics matter: "Nguyễn Văn Ân" is not "Nguyễn Văn An". Only case and spacing are forgiven.
      if (sameName(name, applicant.fullName))
        return { match: true, who: 'applicant', name: applicant.fullName, relation: t('lifecycle.id.applicant'), idTail: idNumber.slice(-4), idNumber };
    }
    throw new ApiError('CONFLICT', t('lifecycle.id.mismatch', { tail: idNumber.slice(-4), code: row.code }));
  }

  /** `verifyId` for a person at the counter: a card that matches nobody is worth a line in the audit (someone tried to collect another person's result). */
  checkId(session: Session, dossierId: number, scanned: string): ReturnType<LifecycleService['verifyId']> {
    try {
      return this.verifyId(dossierId, scanned);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        const code = dossierRowById(this.db, dossierId)?.code ?? String(dossierId);
        appendAudit(this.db, this.clock(), { userId: session.userId, action: 'delivery.idRefused', entity: 'dossier', entityId: code, detail: { message: err.message } });
      }
      throw err;
    }
  }

  /** Hand-over at the counter: the ID must match (checked again here), money due is collected, a confirmation prints. */
  handOver(ctx: CallContext, session: Session, dossierId: number, scanned: string, key: string): { dossier: DossierSummary; printJob: PrintJob | null } {
    const requestKey = `handover:${key}`;
    if (this.alreadyDone(dossierId, requestKey)) return { dossier: this.summary(dossierId), printJob: findJobByKey(this.db, `dossier:${dossierId}:handover`) };
    const d = this.summary(dossierId);
    if (d.status !== 'awaiting_pickup') throw new ApiError('CONFLICT', t('lifecycle.delivery.notAwaiting', { code: d.code, status: d.statusLabel }));
    const check = this.checkId(session, dossierId, scanned);
    const head = this.letterhead();
    const at = this.clock();
    let job: PrintJob | null = null;
    this.db
      .transaction(() => {
        advance(this.db, {
          dossierId,
          status: d.status,
          event: { type: 'delivered', receiverName: check.name, relation: check.relation, idChecked: true, atCounter: true },
          userId: session.userId,
          at: at.toISOString(),
          extra: { requestKey, idTail: check.idTail, receiverIdNumber: check.idNumber, collected: d.amountDue },
        });
        const collected = this.collectDue(session, d, at);
        appendAudit(this.db, at, { userId: session.userId, action: 'delivery.handOver', entity: 'dossier', entityId: d.code, detail: { who: check.who, collected } });
        job = this.printing.print(ctx, {
          idempotencyKey: `dossier:${dossierId}:handover`,
          document: handOverDocument({
            head,
            dossierCode: d.code,
            itemNumber: d.itemNumber,
            procedure: `${d.procedureName} (${d.procedureCode})`,
            applicant: d.applicantName,
            receiver: check.name,
            relation: check.relation,
            idTail: check.idTail,
            at: vietnamClock(at),
            amountCollected: collected,
            clerk: userName(this.db, session.userId),
          }),
          kick: false,
        });
      })
      .immediate();
    if (job) this.queue.release([job]);
    return { dossier: this.summary(dossierId), printJob: job };
  }

  // ── Agency requests ──

  agencyRequest(session: Session, input: { dossierId: number; kind: 'supplement' | 'refusal'; reason: string; items: string[]; reference?: string }) {
    if (input.kind === 'supplement' && !input.items.length) throw new ApiError('CONFLICT', t('lifecycle.request.itemsRequired'));
    const d = this.summary(input.dossierId);
    const at = this.clock();
    this.db
      .transaction(() => {
        advance(this.db, {
          dossierId: d.id,
          status: d.status,
          event: input.kind === 'supplement' ? { type: 'supplement_requested', reason: input.reason, items: input.items } : { type: 'agency_refused', reason: input.reason },
          userId: session.userId,
          at: at.toISOString(),
          extra: input.reference ? { reference: input.reference } : {},
          refuse: (message) => t('lifecycle.request.notAllowed', { message }),
        });
        appendAudit(this.db, at, { userId: session.userId, action: `agency.${input.kind}`, entity: 'dossier', entityId: d.code, detail: { reason: input.reason } });
      })
      .immediate();
    return { dossier: this.summary(d.id), letter: this.letter(d.id) };
  }

  /** The letter of the agency's latest request, rebuilt from the history (reprint any time). */
  letter(dossierId: number): A4Document {
    const row = dossierRowById(this.db, dossierId);
    if (!row) throw ApiError.of('NOT_FOUND', { what: `hồ sơ #${dossierId}` });
    const e = stmt(this.db, `SELECT type, at, user_id, detail FROM dossier_event WHERE dossier_id = ? AND type IN ('supplement_requested', 'agency_refused') ORDER BY id DESC LIMIT 1`).get(dossierId) as
      | { type: string; at: string; user_id: number; detail: string }
      | undefined;
    if (!e) throw new ApiError('CONFLICT', t('lifecycle.request.noLetter', { code: row.code }));
    const detail = JSON.parse(e.detail) as { reason: string; items?: string[]; reference?: string };
    const applicant = JSON.parse(row.applicant) as { fullName: string; address?: string };
    const delivery = JSON.parse(row.delivery) as Delivery;
    return agencyLetterDocument({
      head: this.letterhead(),
      kind: e.type === 'supplement_requested' ? 'supplement' : 'refusal',
      day: vietnamDay(new Date(e.at)),
      dossierCode: row.code,
      applicant: applicant.fullName,
      address: delivery.kind === 'address' ? `${delivery.street}, ${delivery.commune}, ${delivery.province}` : (applicant.address ?? ''),
      procedure: `${row.procedure_name} (${row.procedure_code})`,
      agency: row.agency,
      receivedOn: displayDate(row.received_day),
      reason: detail.reason,
      items: detail.items ?? [],
      reference: detail.reference,
      clerk: userName(this.db, e.user_id),
    });
  }

  supplementSent(session: Session, dossierId: number): DossierSummary {
    const d = this.summary(dossierId);
    this.db
      .transaction(() => {
        advance(this.db, { dossierId, status: d.status, event: { type: 'supplement_sent' }, userId: session.userId, at: this.clock().toISOString() });
      })
      .immediate();
    return this.summary(dossierId);
  }
}

/** 00:00 Vietnam time of `at`'s day, as the ISO instant events are stamped with. */
export function startOfVietnamDay(at: Date): string {
  return new Date(`${vietnamDay(at)}T00:00:00+07:00`).toISOString();
}

/** Names as printed on a card and as typed at the counter: the same letters and marks, any case and spacing. */
function sameName(a: string, b: string): boolean {
  const norm = (x: string) => x.normalize('NFC').toLocaleUpperCase('vi').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** BK-<point>-<yymmdd>-NN (manifest) or DS-… (delivery list): a running number per point, kind and day. */
function nextPaperNumber(db: Db, kind: 'BK' | 'DS', pointCode: string, day: string): string {
  const seq = nextDossierSequence(db, `${pointCode}:${kind}`, day);
  return `${kind}-${pointCode}-${day.slice(2).replaceAll('-', '')}-${String(seq).padStart(2, '0')}`;
}
