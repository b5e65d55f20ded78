import type { LabelDocument } from '../../../shared/printing/document';
import { t } from '../../../shared/messages/vi';
import { STANDARD_RECEIPT_DATA } from './sampleReceipt';

/** The postal item number of the sample envelope (UPU S10; check digit 5 by weights 8 6 4 2 3 5 9 7). */
export const SAMPLE_ITEM_NUMBER = 'EA123456785VN';

/**
 * The envelope label of the standard receipt's dossier, 100 x 70 mm: item number barcode, dossier
 * code (text and QR), the agency it goes to, the applicant and the seal mark. For tests, the bench
 * and the label preview.
 */
export function sampleEnvelopeLabel(): LabelDocument {
  const d = STANDARD_RECEIPT_DATA;
  return {
    kind: 'label',
    title: `${SAMPLE_ITEM_NUMBER} ${d.dossierCode}`,
    widthMm: 100,
    heightMm: 70,
    elements: [
      { type: 'box', x: 1, y: 1, widthMm: 98, heightMm: 68, thicknessMm: 0.5 },
      { type: 'text', x: 4, y: 3, text: `${d.office} - ${d.point}`, heightMm: 2.2, bold: true, maxWidthMm: 92 },
      { type: 'barcode', x: 4, y: 9, symbology: 'code128', data: SAMPLE_ITEM_NUMBER, heightMm: 14, showText: true },
      { type: 'qr', x: 74, y: 8, data: d.dossierCode, cellMm: 0.75 },
      { type: 'text', x: 4, y: 30, text: t('printing.label.dossierCode'), heightMm: 2.2 },
      { type: 'text', x: 4, y: 34, text: d.dossierCode, heightMm: 3.5 },
      { type: 'text', x: 4, y: 41, text: t('printing.label.to', { agency: d.agency }), heightMm: 3, maxWidthMm: 92 },
      { type: 'text', x: 4, y: 48, text: t('printing.label.applicant', { name: d.applicant }), heightMm: 3, maxWidthMm: 92 },
      { type: 'box', x: 4, y: 56, widthMm: 60, heightMm: 11, thicknessMm: 0.8 },
      { type: 'text', x: 7, y: 57, text: t('printing.label.sealed'), heightMm: 5, bold: true },
    ],
  };
}
