import ExcelJS from 'exceljs';

/** Builds a workbook from plain rows, as a province's spreadsheet would be. */
export async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readSheets(buffer: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    out[ws.name] = rows;
  }
  return out;
}

export const PROCEDURE_HEADER = [
  'Mã TTHC',
  'Tên thủ tục',
  'Lĩnh vực',
  'Cấp thực hiện',
  'Cơ quan thực hiện',
  'Tiếp nhận qua BCCI',
  'Trả kết quả qua BCCI',
  'Thời hạn giải quyết (ngày làm việc)',
  'Phí (đồng)',
  'Lệ phí (đồng)',
];
export const DOCUMENT_HEADER = ['Mã TTHC', 'STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao', 'Loại', 'Điều kiện / Nhóm', 'Mẫu đơn'];
