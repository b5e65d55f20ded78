import type { ReceiptDocument } from '../../../shared/printing/document';
import { receptionReceiptDocument, type ReceptionReceiptData } from '../../../shared/printing/receptionDocuments';

/**
 * The "standard receipt": a realistic giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular
 * 01/2018/TT-VPCP form) for a judicial record request received at a post office. Used by the
 * tests, the printing bench and the self-test preview; its size in bytes is a budget (≤ 2 KB in a
 * text mode). People, addresses and amounts are made up; the procedure is the sample catalogue's
 * 3.000333. Wording of the form comes from the message catalogue, the data is data.
 */
export const STANDARD_RECEIPT_DATA: ReceptionReceiptData & { applicant: string; dossierCode: string } = {
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
};

/** The standard receipt: the reception receipt layout over the sample data. */
export function standardReceipt(): ReceiptDocument {
  return receptionReceiptDocument(STANDARD_RECEIPT_DATA);
}
