import type { LabelDocument } from '../../../shared/printing/document';
import { envelopeLabelDocument } from '../../../shared/printing/receptionDocuments';
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
  return envelopeLabelDocument({ itemNumber: SAMPLE_ITEM_NUMBER, dossierCode: d.dossierCode, agency: d.agency, applicant: d.applicant, point: `${d.office} - ${d.point}` });
}
