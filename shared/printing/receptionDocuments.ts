import { t } from '../messages/vi';
import { formatVnd } from '../reception/fees';
import type { LabelDocument, PrintBlock, ReceiptDocument } from './document';

/**
 * The papers of a reception, described once as data (printer bytes and the
 * on-screen preview both come from these): the receipt and appointment (giấy
 * tiếp nhận hồ sơ và hẹn trả kết quả, Circular 01/2018/TT-VPCP form), the
 * document list sealed inside the envelope, the envelope label, and the
 * supplement guidance slip for an incomplete dossier.
 */

export interface ReceiptDocumentLine {
  name: string;
  originals: number;
  copies: number;
}

export interface ReceptionReceiptData {
  office: string;
  point: string;
  pointAddress: string;
  dossierCode: string;
  applicant: string;
  address: string;
  phone: string;
  /** "Nguyễn Văn B (được ủy quyền), CCCD …" when someone else hands the dossier in. */
  representative?: string;
  procedure: string;
  agency: string;
  documents: readonly ReceiptDocumentLine[];
  fees: readonly { name: string; amount: number }[];
  payment: string;
  receivedAt: string;
  resultDate: string;
  returnVia: string;
  logBookNumber: string;
  receiver: string;
  /** VietQR payload of the exact amount, printed when the citizen pays by transfer. */
  vietQr?: string;
  itemNumber?: string;
}

const money = formatVnd;

const pair = (left: string, right: string, bold = false): PrintBlock => ({
  type: 'columns',
  cells: [
    { text: left, width: 1, align: 'center', bold },
    { text: right, width: 1, align: 'center', bold },
  ],
});

function documentTable(documents: readonly ReceiptDocumentLine[]): PrintBlock[] {
  return [
    {
      type: 'columns',
      cells: [
        { text: t('printing.receipt.documents'), width: 5, bold: true },
        { text: t('printing.receipt.originals'), width: 1.4, align: 'center', bold: true },
        { text: t('printing.receipt.copies'), width: 1.4, align: 'center', bold: true },
      ],
    },
    ...documents.map(
      (doc, i): PrintBlock => ({
        type: 'columns',
        cells: [
          { text: `${i + 1}. ${doc.name}`, width: 5 },
          { text: String(doc.originals), width: 1.4, align: 'center' },
          { text: String(doc.copies), width: 1.4, align: 'center' },
        ],
      }),
    ),
  ];
}

function header(d: Pick<ReceptionReceiptData, 'office' | 'point' | 'pointAddress'>): PrintBlock[] {
  return [
    { type: 'text', text: d.office, align: 'center', bold: true },
    { type: 'text', text: d.point, align: 'center' },
    { type: 'text', text: d.pointAddress, align: 'center' },
    { type: 'rule', char: '=' },
  ];
}

export function receptionReceiptDocument(d: ReceptionReceiptData): ReceiptDocument {
  const total = d.fees.reduce((sum, f) => sum + f.amount, 0);
  return {
    kind: 'receipt',
    title: `${t('printing.receipt.title')} ${d.dossierCode}`,
    blocks: [
      ...header(d),
      { type: 'text', text: t('printing.receipt.title'), align: 'center', bold: true, size: 2 },
      { type: 'text', text: t('printing.receipt.subtitle'), align: 'center', bold: true },
      { type: 'text', text: t('printing.receipt.dossierCode', { code: d.dossierCode }), align: 'center', bold: true },
      { type: 'barcode', symbology: 'code128', data: d.dossierCode, height: 60, align: 'center' },
      ...(d.itemNumber ? [{ type: 'text', text: t('printing.receipt.itemNumber', { number: d.itemNumber }), align: 'center' } as PrintBlock] : []),
      { type: 'rule' },
      { type: 'text', text: t('printing.receipt.applicant', { name: d.applicant }) },
      { type: 'text', text: t('printing.receipt.address', { address: d.address }) },
      { type: 'text', text: t('printing.receipt.phone', { phone: d.phone }) },
      ...(d.representative ? [{ type: 'text', text: t('printing.receipt.representative', { who: d.representative }) } as PrintBlock] : []),
      { type: 'text', text: t('printing.receipt.procedure', { name: d.procedure }) },
      { type: 'text', text: t('printing.receipt.agency', { agency: d.agency }) },
      { type: 'rule' },
      ...documentTable(d.documents),
      { type: 'text', text: t('printing.receipt.sets', { count: '01' }) },
      { type: 'rule' },
      { type: 'text', text: t('printing.receipt.fees'), bold: true },
      ...d.fees.map(
        (fee): PrintBlock => ({
          type: 'columns',
          cells: [
            { text: fee.name, width: 2 },
            { text: money(fee.amount), width: 1, align: 'right' },
          ],
        }),
      ),
      {
        type: 'columns',
        cells: [
          { text: t('printing.receipt.total'), width: 2, bold: true },
          { text: money(total), width: 1, align: 'right', bold: true },
        ],
      },
      { type: 'text', text: t('printing.receipt.payment', { how: d.payment }) },
      ...(d.vietQr ? [{ type: 'qr', data: d.vietQr, size: 4, align: 'center' } as PrintBlock] : []),
      { type: 'rule' },
      { type: 'text', text: t('printing.receipt.receivedAt', { time: d.receivedAt }) },
      { type: 'text', text: t('printing.receipt.resultDate', { date: d.resultDate }), bold: true },
      { type: 'text', text: t('printing.receipt.returnVia', { how: d.returnVia }) },
      { type: 'text', text: t('printing.receipt.logBook', { number: d.logBookNumber }) },
      { type: 'qr', data: d.dossierCode, size: 5, align: 'center' },
      pair(t('printing.receipt.applicantSigns'), t('printing.receipt.receiverSigns'), true),
      pair(t('printing.receipt.signHint'), t('printing.receipt.signHint')),
      { type: 'feed', lines: 3 },
      pair(d.applicant, d.receiver),
      { type: 'cut' },
    ],
  };
}

/** The second copy of the document list, sealed inside the envelope with the papers. */
export function envelopeListDocument(d: ReceptionReceiptData): ReceiptDocument {
  return {
    kind: 'receipt',
    title: `${t('printing.envelopeList.title')} ${d.dossierCode}`,
    blocks: [
      ...header(d),
      { type: 'text', text: t('printing.envelopeList.title'), align: 'center', bold: true },
      { type: 'text', text: t('printing.receipt.dossierCode', { code: d.dossierCode }), align: 'center', bold: true },
      ...(d.itemNumber ? [{ type: 'text', text: t('printing.receipt.itemNumber', { number: d.itemNumber }), align: 'center' } as PrintBlock] : []),
      { type: 'text', text: t('printing.receipt.applicant', { name: d.applicant }) },
      { type: 'text', text: t('printing.receipt.procedure', { name: d.procedure }) },
      { type: 'text', text: t('printing.receipt.agency', { agency: d.agency }) },
      { type: 'rule' },
      ...documentTable(d.documents),
      { type: 'rule' },
      { type: 'text', text: t('printing.receipt.receivedAt', { time: d.receivedAt }) },
      pair(t('printing.receipt.applicantSigns'), t('printing.receipt.receiverSigns'), true),
      { type: 'feed', lines: 3 },
      pair(d.applicant, d.receiver),
      { type: 'cut' },
    ],
  };
}

/** The envelope label, 100 × 70 mm: item number barcode, dossier code (text and QR), the agency, the applicant, "ĐÃ NIÊM PHONG". */
export function envelopeLabelDocument(d: { itemNumber: string; dossierCode: string; agency: string; applicant: string; point: string }): LabelDocument {
  return {
    kind: 'label',
    title: `${d.itemNumber} ${d.dossierCode}`,
    widthMm: 100,
    heightMm: 70,
    elements: [
      { type: 'box', x: 1, y: 1, widthMm: 98, heightMm: 68, thicknessMm: 0.5 },
      { type: 'text', x: 4, y: 3, text: d.point, heightMm: 2.2, bold: true, maxWidthMm: 92 },
      { type: 'barcode', x: 4, y: 9, symbology: 'code128', data: d.itemNumber, heightMm: 14, showText: true },
      { type: 'qr', x: 74, y: 8, data: d.dossierCode, cellMm: 0.75 },
      { type: 'text', x: 4, y: 30, text: t('printing.label.dossierCode'), heightMm: 2.2 },
      { type: 'text', x: 4, y: 34, text: d.dossierCode, heightMm: 3.5 },
      { type: 'text', x: 4, y: 41, text: t('printing.label.to', { agency: d.agency }), heightMm: 3, maxWidthMm: 92 },
      { type: 'text', x: 4, y: 48, text: t('printing.label.applicant', { name: d.applicant }), heightMm: 3, maxWidthMm: 92 },
      { type: 'box', x: 4, y: 55, widthMm: 72, heightMm: 12, thicknessMm: 0.8 },
      { type: 'text', x: 8, y: 56.5, text: t('printing.label.sealed'), heightMm: 4.5, bold: true },
    ],
  };
}

export interface GuidanceSlipData {
  office: string;
  point: string;
  pointAddress: string;
  number: string;
  applicant?: string;
  procedure: string;
  lines: readonly { name: string; requirement: string; reason: string }[];
  contact: string;
  issuedAt: string;
  clerk: string;
}

/** Phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ: exactly what is missing, its form and quantity, and whom to ask. */
export function guidanceSlipDocument(d: GuidanceSlipData): ReceiptDocument {
  return {
    kind: 'receipt',
    title: `${t('printing.guidance.title')} ${d.number}`,
    blocks: [
      ...header(d),
      { type: 'text', text: t('printing.guidance.title'), align: 'center', bold: true },
      { type: 'text', text: t('printing.guidance.number', { number: d.number }), align: 'center' },
      ...(d.applicant ? [{ type: 'text', text: t('printing.receipt.applicant', { name: d.applicant }) } as PrintBlock] : []),
      { type: 'text', text: t('printing.receipt.procedure', { name: d.procedure }) },
      { type: 'rule' },
      { type: 'text', text: t('printing.guidance.intro'), bold: true },
      ...d.lines.flatMap((l, i): PrintBlock[] => [
        { type: 'text', text: `${i + 1}. ${l.name}`, bold: true },
        { type: 'text', text: `   ${l.requirement}` },
        { type: 'text', text: `   ${l.reason}` },
      ]),
      { type: 'rule' },
      { type: 'text', text: t('printing.guidance.contact', { contact: d.contact }) },
      { type: 'text', text: t('printing.guidance.issuedAt', { time: d.issuedAt }) },
      pair('', t('printing.receipt.receiverSigns'), true),
      { type: 'feed', lines: 3 },
      pair('', d.clerk),
      { type: 'cut' },
    ],
  };
}
