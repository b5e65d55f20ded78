import { headerKey } from '../../../shared/text/fold';

/**
 * The published spreadsheet layout (two sheets). `required` columns must be
 * present; optional ones are extras this app writes on export so a round trip
 * keeps notes and sources. Headers match without regard to case, diacritics
 * and spaces; `aliases` accept the shorter headings some provinces use.
 */
export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  required: boolean;
  aliases?: string[];
  width?: number;
}

export const PROCEDURE_SHEET = 'Thủ tục';
export const DOCUMENT_SHEET = 'Thành phần hồ sơ';

export const PROCEDURE_COLUMNS = [
  { key: 'code', header: 'Mã TTHC', required: true, width: 18 },
  { key: 'name', header: 'Tên thủ tục', required: true, width: 60 },
  { key: 'field', header: 'Lĩnh vực', required: true, width: 24 },
  { key: 'level', header: 'Cấp thực hiện', required: true, width: 14 },
  { key: 'agency', header: 'Cơ quan thực hiện', required: true, width: 30 },
  { key: 'receive', header: 'Tiếp nhận qua BCCI', required: true, width: 12 },
  { key: 'return', header: 'Trả kết quả qua BCCI', required: true, width: 12 },
  { key: 'days', header: 'Thời hạn giải quyết (ngày làm việc)', required: true, aliases: ['Thời hạn giải quyết', 'Thời hạn'], width: 14 },
  { key: 'phi', header: 'Phí (đồng)', required: true, aliases: ['Phí'], width: 20 },
  { key: 'lePhi', header: 'Lệ phí (đồng)', required: true, aliases: ['Lệ phí'], width: 20 },
  { key: 'processingNote', header: 'Ghi chú thời hạn', required: false, width: 30 },
  { key: 'feeNote', header: 'Miễn, giảm phí / lệ phí', required: false, aliases: ['Ghi chú phí'], width: 30 },
  { key: 'sourceName', header: 'Nguồn', required: false, width: 24 },
  { key: 'sourceDate', header: 'Ngày nguồn', required: false, width: 12 },
  { key: 'sourceUrl', header: 'Địa chỉ nguồn', required: false, width: 30 },
  { key: 'sourceNote', header: 'Ghi chú nguồn', required: false, width: 30 },
] as const satisfies readonly ColumnSpec<string>[];

export const DOCUMENT_COLUMNS = [
  { key: 'code', header: 'Mã TTHC', required: true, width: 18 },
  { key: 'seq', header: 'STT', required: true, width: 6 },
  { key: 'name', header: 'Tên giấy tờ', required: true, width: 60 },
  { key: 'originals', header: 'Bản chính', required: true, width: 10 },
  { key: 'copies', header: 'Bản sao', required: true, width: 10 },
  { key: 'kind', header: 'Loại', required: true, width: 14 },
  { key: 'conditionOrGroup', header: 'Điều kiện / Nhóm', required: true, aliases: ['Điều kiện', 'Nhóm'], width: 36 },
  { key: 'template', header: 'Mẫu đơn', required: true, aliases: ['Mẫu', 'Mẫu đơn, tờ khai'], width: 20 },
  { key: 'form', header: 'Hình thức', required: false, width: 22 },
  { key: 'note', header: 'Ghi chú', required: false, width: 30 },
] as const satisfies readonly ColumnSpec<string>[];

export type ProcedureColumnKey = (typeof PROCEDURE_COLUMNS)[number]['key'];
export type DocumentColumnKey = (typeof DOCUMENT_COLUMNS)[number]['key'];

export function columnKeys(spec: ColumnSpec<string>): string[] {
  return [spec.header, ...(spec.aliases ?? [])].map(headerKey);
}
