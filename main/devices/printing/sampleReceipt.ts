import type { PrintBlock, ReceiptDocument } from '../../../shared/printing/document';
import { formatMoney, t } from '../../../shared/messages/vi';

/**
 * The "standard receipt": a realistic giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular
 * 01/2018/TT-VPCP form) for a judicial record request received at a post office. Used by the
 * tests, the printing bench and the self-test preview; its size in bytes is a budget (≤ 2 KB in a
 * text mode). People, addresses and amounts are made up; the procedure is the sample catalogue's
 * 3.000333. Wording of the form comes from the message catalogue, the data is data.
 */
export const STANDARD_RECEIPT_DATA = {
  office: 'BƯU ĐIỆN TỈNH ĐẮK LẮK',
  point: 'Bưu cục Tuy Hòa - Điểm phục vụ BCCI',
  pointAddress: 'Số 2 Trần Hưng Đạo, phường Tuy Hòa',
  dossierCode: 'BC560100-261121-0007',
  applicant: 'Đặng Thị Hồng Nhung',
  address: 'Số 15 Lê Duẩn, phường Tuy Hòa, tỉnh Đắk Lắk',
  phone: '0905 123 456',
  procedure: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam (3.000333)',
  agency: 'Công an tỉnh Đắk Lắk',
  documents: [
    { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 04/2024/LLTP)', originals: 1, copies: 0 },
    { name: 'Bản chụp thẻ căn cước của người được cấp Phiếu', originals: 0, copies: 1 },
    { name: 'Bản chụp thẻ căn cước của người yêu cầu', originals: 0, copies: 1 },
    { name: 'Giấy khai sinh của người được cấp Phiếu (quan hệ mẹ - con)', originals: 0, copies: 1 },
    { name: 'Giấy xác nhận thông tin về cư trú (mẫu CT07)', originals: 1, copies: 0 },
  ],
  fees: [
    { name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000 },
    { name: 'Cước chuyển phát hồ sơ (BCCI)', amount: 25_000 },
    { name: 'Cước chuyển phát kết quả (BCCI)', amount: 25_000 },
  ],
  payment: 'Tiền mặt',
  receivedAt: '09:15 21/11/2026',
  // 10 working days from Monday 23/11/2026
  resultDate: '04/12/2026',
  returnVia: 'qua dịch vụ bưu chính công ích, tại địa chỉ người nộp',
  logBookNumber: '0007/2026',
  receiver: 'Nguyễn Văn An',
} as const;

const money = (amount: number): string => t('common.dong', { amount: formatMoney(amount) });

export function standardReceipt(): ReceiptDocument {
  const d = STANDARD_RECEIPT_DATA;
  const total = d.fees.reduce((sum, f) => sum + f.amount, 0);
  const pair = (left: string, right: string, bold = false): PrintBlock => ({
    type: 'columns',
    cells: [
      { text: left, width: 1, align: 'center', bold },
      { text: right, width: 1, align: 'center', bold },
    ],
  });
  return {
    kind: 'receipt',
    title: `${t('printing.receipt.title')} ${d.dossierCode}`,
    blocks: [
      { type: 'text', text: d.office, align: 'center', bold: true },
      { type: 'text', text: d.point, align: 'center' },
      { type: 'text', text: d.pointAddress, align: 'center' },
      { type: 'rule', char: '=' },
      { type: 'text', text: t('printing.receipt.title'), align: 'center', bold: true, size: 2 },
      { type: 'text', text: t('printing.receipt.subtitle'), align: 'center', bold: true },
      { type: 'text', text: t('printing.receipt.dossierCode', { code: d.dossierCode }), align: 'center', bold: true },
      { type: 'barcode', symbology: 'code128', data: d.dossierCode, height: 60, align: 'center' },
      { type: 'rule' },
      { type: 'text', text: t('printing.receipt.applicant', { name: d.applicant }) },
      { type: 'text', text: t('printing.receipt.address', { address: d.address }) },
      { type: 'text', text: t('printing.receipt.phone', { phone: d.phone }) },
      { type: 'text', text: t('printing.receipt.procedure', { name: d.procedure }) },
      { type: 'text', text: t('printing.receipt.agency', { agency: d.agency }) },
      { type: 'rule' },
      {
        type: 'columns',
        cells: [
          { text: t('printing.receipt.documents'), width: 5, bold: true },
          { text: t('printing.receipt.originals'), width: 1.4, align: 'center', bold: true },
          { text: t('printing.receipt.copies'), width: 1.4, align: 'center', bold: true },
        ],
      },
      ...d.documents.map(
        (doc, i): PrintBlock => ({
          type: 'columns',
          cells: [
            { text: `${i + 1}. ${doc.name}`, width: 5 },
            { text: String(doc.originals), width: 1.4, align: 'center' },
            { text: String(doc.copies), width: 1.4, align: 'center' },
          ],
        }),
      ),
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
