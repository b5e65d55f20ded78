import ExcelJS from 'exceljs';
import { formatFee, FORM_LABELS, KIND_LABELS } from '../../../shared/catalogue/cells';
import type { Procedure } from '../../../shared/catalogue/schema';
import { DOCUMENT_COLUMNS, DOCUMENT_SHEET, PROCEDURE_COLUMNS, PROCEDURE_SHEET, type ColumnSpec } from './columns';

function addSheet(workbook: ExcelJS.Workbook, name: string, specs: readonly ColumnSpec<string>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = specs.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  return sheet;
}

const yes = (b: boolean) => (b ? 'x' : '');

/** The province's two-sheet layout, plus the optional columns that keep notes and sources. */
export async function catalogueToXlsx(procedures: Procedure[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'BCCI Counter';
  const ps = addSheet(workbook, PROCEDURE_SHEET, PROCEDURE_COLUMNS);
  const ds = addSheet(workbook, DOCUMENT_SHEET, DOCUMENT_COLUMNS);
  for (const p of procedures) {
    ps.addRow({
      code: p.code,
      name: p.name,
      field: p.field,
      level: p.level,
      agency: p.agency,
      receive: yes(p.bcciReceive),
      return: yes(p.bcciReturn),
      days: p.processingDays,
      phi: formatFee(p.phi),
      lePhi: formatFee(p.lePhi),
      processingNote: p.processingNote ?? '',
      feeNote: p.feeNote ?? '',
      sourceName: p.source?.name ?? '',
      sourceDate: p.source?.date ?? '',
      sourceUrl: p.source?.url ?? '',
      sourceNote: p.source?.note ?? '',
    });
    p.documents.forEach((d, i) =>
      ds.addRow({
        code: p.code,
        seq: i + 1,
        name: d.name,
        originals: d.originals,
        copies: d.copies,
        kind: KIND_LABELS[d.kind],
        conditionOrGroup: d.condition ?? d.group ?? '',
        template: d.templateCode ?? '',
        form: FORM_LABELS[d.form],
        note: d.note ?? '',
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template a manager downloads: one worked example and a sheet of instructions. */
export async function catalogueTemplateXlsx(example: Procedure): Promise<Buffer> {
  const buffer = await catalogueToXlsx([example]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [{ width: 28 }, { width: 100 }];
  const lines: [string, string][] = [
    ['Sheet "Thủ tục"', 'Mỗi dòng một thủ tục. Mã TTHC không được trùng.'],
    ['Tiếp nhận / Trả kết quả qua BCCI', 'Có: x, có, yes, 1. Không: để trống hoặc "không".'],
    ['Thời hạn giải quyết', 'Số ngày làm việc; 0 hoặc "trong ngày" nếu giải quyết ngay.'],
    ['Phí, Lệ phí', 'Số tiền (50.000, 50,000 hoặc 50000); để trống hoặc "không" = 0; nhiều mức: "Lần đầu: 100.000; Cấp lại: 50.000".'],
    ['Sheet "Thành phần hồ sơ"', 'Mỗi dòng một giấy tờ của thủ tục có Mã TTHC ở sheet "Thủ tục"; STT là thứ tự hiển thị.'],
    ['Bản chính, Bản sao', 'Số bản chính và số bản sao cần nộp (ít nhất một trong hai lớn hơn 0).'],
    ['Loại', 'Bắt buộc; Điều kiện (cột "Điều kiện / Nhóm" ghi câu hỏi, ví dụ "Người nộp là người được ủy quyền?"); Thay thế (cột đó ghi tên nhóm, nộp một trong các giấy tờ cùng nhóm); Không bắt buộc.'],
    ['Hình thức (không bắt buộc)', 'Bản chính, Bản sao chứng thực, Bản sao, Bản sao kèm bản chính. Nếu bỏ trống, ứng dụng suy ra từ số bản và tên giấy tờ.'],
    ['Tiêu đề cột', 'Không phân biệt chữ hoa, chữ thường, có dấu hay không dấu. Cột thừa được bỏ qua kèm cảnh báo.'],
    ['Khi tệp có lỗi', 'Ứng dụng liệt kê mọi lỗi theo sheet, dòng, cột và không thay đổi danh mục.'],
  ];
  help.addRows(lines);
  help.getColumn(1).font = { bold: true };
  help.getColumn(2).alignment = { wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The list agencies publish: procedures accepted via BCCI and those not accepted. */
export async function publishedListXlsx(
  procedures: Procedure[],
  heading: { title: string; accepted: string; notAccepted: string; pointLine: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const accepted = procedures.filter((p) => p.bcciReceive || p.bcciReturn);
  const notAccepted = procedures.filter((p) => !p.bcciReceive && !p.bcciReturn);
  const sections: [string, string, Procedure[]][] = [
    ['Tiếp nhận qua BCCI', heading.accepted, accepted],
    ['Không tiếp nhận qua BCCI', heading.notAccepted, notAccepted],
  ];
  for (const [sheetName, title, list] of sections) {
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow([heading.title]).font = { bold: true, size: 14 };
    sheet.addRow([heading.pointLine]);
    sheet.addRow([title]).font = { bold: true };
    const header = sheet.addRow(['STT', 'Mã TTHC', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Tiếp nhận hồ sơ', 'Trả kết quả']);
    header.font = { bold: true };
    list.forEach((p, i) =>
      sheet.addRow([i + 1, p.code, p.name, p.field, p.level, p.agency, p.bcciReceive ? 'x' : '', p.bcciReturn ? 'x' : '']),
    );
    [6, 16, 70, 24, 14, 30, 10, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
