import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import type { FilePayload } from '../../../shared/api/contract';
import type { PrintJob } from '../../../shared/api/devices';
import { printDocumentSchema, type PrintDocument } from '../../../shared/printing/document';
import { t } from '../../../shared/messages/vi';
import type { CallContext } from '../context';
import type { DeviceService } from '../devices/deviceService';
import { appendAudit } from '../audit/auditRepository';
import type { Clock } from '../context';
import { getJobDocument } from './printJobRepository';
import type { PrintQueue } from './printQueue';
import { receiptToPdf, type PdfFonts } from './receiptPdf';
import { labelSelfTestDocument } from './renderJob';
import { selfTestDocument } from '../../devices/printing/selfTest';

/**
 * What features ask of printing: print a document on the default (or a chosen)
 * device, reprint, move, preview, save as PDF. The queue does the rest.
 */
export class PrintingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly queue: PrintQueue,
    private readonly devices: DeviceService,
    private readonly fonts: PdfFonts,
  ) {}

  /** Queues a document; the idempotency key makes a repeated request the same job. */
  print(ctx: CallContext, o: { idempotencyKey: string; document: PrintDocument; deviceId?: number; kick?: boolean }): PrintJob {
    const kind = o.document.kind === 'label' ? 'label_printer' : 'receipt_printer';
    const device = o.deviceId ? this.devices.get(o.deviceId) : this.devices.defaultFor(kind);
    if (device.kind !== kind) throw new ApiError('CONFLICT', t('job.wrongKind', { name: device.name }));
    return this.queue.enqueue(
      {
        idempotencyKey: o.idempotencyKey,
        deviceId: device.id,
        kind: o.document.kind,
        title: o.document.title,
        document: o.document,
        createdBy: ctx.session?.userId ?? null,
      },
      { kick: o.kick },
    );
  }

  reprint(ctx: CallContext, id: number, requestKey: string): PrintJob {
    const job = this.queue.get(id);
    if (job.kind === 'self_test') throw new ApiError('CONFLICT', t('job.notRetryable', { id, state: t(`job.state.${job.state}`) }));
    const { job: reprint, created } = this.queue.reprint(id, ctx.session?.userId ?? null, getJobDocument(this.db, id), requestKey);
    if (created) {
      appendAudit(this.db, this.clock(), {
        userId: ctx.session?.userId ?? null,
        action: 'print.reprint',
        entity: 'print_job',
        entityId: reprint.id,
        detail: { original: reprint.reprintOf, title: reprint.title },
      });
    }
    return reprint;
  }

  /** The clerk's choices on a job (retry, print later, cancel), each on the audit trail. */
  act(ctx: CallContext, id: number, action: 'retry' | 'hold' | 'cancel'): PrintJob {
    const job = action === 'retry' ? this.queue.retry(id) : action === 'hold' ? this.queue.hold(id) : this.queue.cancel(id);
    appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: `print.${action}`, entity: 'print_job', entityId: id, detail: { title: job.title } });
    return job;
  }

  moveTo(ctx: CallContext, id: number, deviceId: number): PrintJob {
    const job = this.queue.get(id);
    const target = this.devices.get(deviceId);
    const wanted = job.kind === 'label' ? 'label_printer' : 'receipt_printer';
    if (target.kind !== wanted) throw new ApiError('CONFLICT', t('job.wrongKind', { name: target.name }));
    const moved = this.queue.moveTo(id, deviceId);
    appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'print.move', entity: 'print_job', entityId: id, detail: { deviceId } });
    return moved;
  }

  /** What a job looks like on paper: its document, laid out for its printer (the self-test page is built, not stored). */
  preview(id: number): { job: PrintJob; document: PrintDocument; columns: number; dotsPerLine: number } {
    const job = this.queue.get(id);
    const profile = this.devices.profileOf(this.devices.get(job.deviceId));
    const document =
      job.kind === 'self_test'
        ? profile.language === 'escpos'
          ? selfTestDocument(profile)
          : labelSelfTestDocument(profile)
        : printDocumentSchema.parse(getJobDocument(this.db, id));
    return { job, document, columns: profile.columns, dotsPerLine: profile.dotsPerLine };
  }

  async pdf(id: number): Promise<FilePayload> {
    const { job, document } = this.preview(id);
    if (document.kind !== 'receipt') throw new ApiError('CONFLICT', 'Chỉ lưu PDF được cho hóa đơn, giấy biên nhận.');
    const profile = this.devices.profileOf(this.devices.get(job.deviceId));
    const buffer = await receiptToPdf(document, {
      columns: profile.columns,
      paperWidthMm: profile.paperWidthMm,
      fonts: this.fonts,
      reprintMark: job.reprintOf ? t('job.reprintMark') : undefined,
    });
    return { fileName: `lenh-in-${job.id}.pdf`, mimeType: 'application/pdf', contentBase64: buffer.toString('base64') };
  }
}
