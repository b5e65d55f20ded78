import { printDocumentSchema, type LabelDocument } from '../../../shared/printing/document';
import type { Device, PrintJob } from '../../../shared/api/devices';
import { renderReceipt } from '../../devices/printing/escpos';
import { renderTspl, renderZpl } from '../../devices/printing/labels';
import { renderSelfTest } from '../../devices/printing/selfTest';
import type { TextMode } from '../../devices/printing/modes';
import type { PrinterProfile } from '../../devices/types';

/** The printer bytes for a job on its device, in the Vietnamese mode the clerk chose for that printer. */
export function renderJob(job: PrintJob, document: unknown, device: Device, profile: PrinterProfile): Uint8Array {
  if (job.kind === 'self_test') {
    if (profile.language !== 'escpos') return renderLabelSelfTest(profile);
    return renderSelfTest(profile);
  }
  const doc = printDocumentSchema.parse(document);
  if (doc.kind === 'receipt') {
    if (profile.language !== 'escpos') throw new Error(`${device.name} is a label printer`);
    const mode = (device.textMode ?? profile.vietnamese.modes[0]) as TextMode;
    return renderReceipt(doc, profile, mode, { reprint: job.reprintOf !== null });
  }
  if (profile.language === 'zpl') return new TextEncoder().encode(renderZpl(doc));
  if (profile.language === 'tspl') return renderTspl(doc);
  throw new Error(`${device.name} is a receipt printer`);
}

/** A label printer's test: one label with Vietnamese text, a Code 128 and a QR code. */
export function labelSelfTestDocument(profile: PrinterProfile): LabelDocument {
  return {
    kind: 'label' as const,
    title: 'Nhãn thử',
    widthMm: 100,
    heightMm: 60,
    elements: [
      { type: 'text' as const, x: 4, y: 4, text: `Nhãn thử — ${profile.name}`, heightMm: 4, bold: true },
      { type: 'text' as const, x: 4, y: 11, text: 'Tiếng Việt: ăâđêôơư ÀÁẢÃẠ Đ ₫', heightMm: 4 },
      { type: 'barcode' as const, x: 4, y: 20, symbology: 'code128' as const, data: 'EA123456785VN', heightMm: 14, showText: true },
      { type: 'qr' as const, x: 70, y: 20, data: 'BCCI Counter', cellMm: 0.75 },
    ],
  };
}

function renderLabelSelfTest(profile: PrinterProfile): Uint8Array {
  const label = labelSelfTestDocument(profile);
  return profile.language === 'zpl' ? new TextEncoder().encode(renderZpl(label)) : renderTspl(label);
}
