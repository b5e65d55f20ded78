import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../main/services/context';
import { call, setUpAndSignIn, testApp, type TestApp } from '../support/app';
import { DOCUMENT_HEADER, PROCEDURE_HEADER, readSheets, workbook } from '../support/xlsx';

let app: TestApp;
let manager: CallContext;
beforeEach(async () => {
  app = testApp();
  manager = await setUpAndSignIn(app);
});
afterEach(() => app.dispose());

const snapshot = () => ({
  versions: app.services.catalogue.versions().length,
  procedures: app.db.prepare('SELECT count(*) AS n FROM procedure').get(),
  documents: app.db.prepare('SELECT count(*) AS n FROM required_document').get(),
  fields: app.db.prepare('SELECT count(*) AS n FROM catalogue_field').get(),
});

async function importXlsx(buffer: Buffer, mode: 'replace' | 'merge' = 'replace') {
  return call(app, manager, 'catalogue.import', { fileName: 'danh-muc-tinh.xlsx', contentBase64: buffer.toString('base64'), mode });
}

describe('catalogue import', () => {
  it('imports the province layout with loose headers, tiers, alternatives and conditions as a new version', async () => {
    const before = app.services.catalogue.currentVersion();
    const file = await workbook({
      // Headers in another case, without diacritics and with spaces; a title row above them; an unknown extra column.
      'THU TUC': [
        ['DANH MỤC THỦ TỤC HÀNH CHÍNH TIẾP NHẬN QUA BCCI — TỈNH THỬ NGHIỆM'],
        [...PROCEDURE_HEADER.map((h, i) => (i % 2 ? ` ${h.toUpperCase()} ` : h.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))), 'Ghi chú nội bộ'],
        ['1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', 'Cấp Xã', 'UBND cấp xã', 'x', 'có', 0, '', 'không', 'nội bộ'],
        ['2.002000', 'Cấp giấy phép thử nghiệm', 'Thử nghiệm', 'Cấp Tỉnh', 'Sở Thử nghiệm', '', 'yes', '15', '50.000', 'Lần đầu: 100.000; Cấp lại: 50,000', ''],
      ],
      'Thành phần hồ sơ': [
        DOCUMENT_HEADER,
        ['1.001193', 1, 'Tờ khai đăng ký khai sinh', 1, 0, 'Bắt buộc', '', 'Mẫu TK'],
        ['1.001193', 3, 'Văn bản ủy quyền có chứng thực', 0, 1, 'Điều kiện', 'Người nộp là người được ủy quyền?', ''],
        ['1.001193', 2, 'Giấy chứng sinh', 1, 0, 'Thay thế', 'Giấy tờ chứng minh việc sinh', ''],
        ['1.001193', 2, 'Văn bản xác nhận của người làm chứng', 1, 0, 'Thay thế', 'Giấy tờ chứng minh việc sinh', ''],
        ['2.002000', 1, 'Bản sao Giấy CCCD kèm bản chính để đối chiếu', 0, 1, '', '', ''],
      ],
    });
    const reply = await importXlsx(file);
    expect(reply).toMatchObject({ ok: true, value: { status: 'imported', count: 2 } });
    const value = (reply as { value: { version: number; warnings: { column: string }[] } }).value;
    expect(value.version).toBeGreaterThan(before as number);
    expect(value.warnings.map((w) => w.column)).toEqual(['Ghi chú nội bộ']);

    const birth = app.services.catalogue.get('1.001193');
    expect(birth.documents.map((d) => [d.name, d.kind, d.form])).toEqual([
      ['Tờ khai đăng ký khai sinh', 'mandatory', 'original'],
      ['Giấy chứng sinh', 'alternative', 'original'],
      ['Văn bản xác nhận của người làm chứng', 'alternative', 'original'],
      ['Văn bản ủy quyền có chứng thực', 'conditional', 'certified_copy'],
    ]);
    expect(birth.documents[3].condition).toBe('Người nộp là người được ủy quyền?');
    expect(birth.documents[0].templateCode).toBe('Mẫu TK');
    const other = app.services.catalogue.get('2.002000');
    expect(other).toMatchObject({ bcciReceive: false, bcciReturn: true, processingDays: 15, phi: { kind: 'fixed', amount: 50000 } });
    expect(other.lePhi).toEqual({ kind: 'tiers', tiers: [{ label: 'Lần đầu', amount: 100000 }, { label: 'Cấp lại', amount: 50000 }] });
    expect(other.documents[0].form).toBe('copy_with_original');
    // Replace mode: the new version holds exactly the file's procedures; the old version is still readable.
    expect(app.services.catalogue.search('', {}, 100).total).toBe(2);
    expect(app.services.catalogue.get('1.000894', before as number).name).toMatch(/kết hôn/);
  });

  it('rejects a file with a missing column, a duplicate code, a non-numeric fee and an orphan document row — all in one report, nothing changed', async () => {
    const before = snapshot();
    const header = PROCEDURE_HEADER.filter((h) => h !== 'Cơ quan thực hiện');
    const file = await workbook({
      'Thủ tục': [
        header,
        ['1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', 'Cấp Xã', 'x', 'x', 0, '', ''],
        ['1.001193', 'Thủ tục đăng ký khai sinh (trùng)', 'Hộ tịch', 'Cấp Xã', 'x', 'x', 0, '', ''],
        ['1.000894', 'Thủ tục đăng ký kết hôn', 'Hộ tịch', 'Cấp Xã', 'x', 'x', 0, 'năm chục nghìn', ''],
      ],
      'Thành phần hồ sơ': [DOCUMENT_HEADER, ['9.999999', 1, 'Giấy tờ của thủ tục không có', 1, 0, 'Bắt buộc', '', '']],
    });
    const reply = await importXlsx(file);
    expect(reply.ok).toBe(true);
    const result = (reply as { value: { status: string; problems: { sheet?: string; row?: number; column?: string; message: string }[] } }).value;
    expect(result.status).toBe('rejected');
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { sheet: 'Thủ tục', row: 1, column: 'Cơ quan thực hiện', message: 'thiếu cột "Cơ quan thực hiện"' },
        { sheet: 'Thủ tục', row: 3, column: 'Mã TTHC', message: 'mã TTHC 1.001193 trùng với dòng 2' },
        expect.objectContaining({ sheet: 'Thủ tục', row: 4, column: 'Phí (đồng)', message: expect.stringContaining('"năm chục nghìn" không phải số tiền') }),
        { sheet: 'Thành phần hồ sơ', row: 2, column: 'Mã TTHC', message: 'mã TTHC 9.999999 không có trong sheet "Thủ tục"' },
      ]),
    );
    expect(result.problems).toHaveLength(4);
    expect(snapshot()).toEqual(before);
  });

  it('reports a file that is not a spreadsheet, and bad JSON, without changing anything', async () => {
    const before = snapshot();
    const garbage = await call(app, manager, 'catalogue.import', { fileName: 'x.xlsx', contentBase64: Buffer.from('PK\u0003\u0004 rác').toString('base64') });
    expect(garbage).toMatchObject({ ok: true, value: { status: 'rejected', problems: [{ message: expect.stringMatching(/^Không đọc được tệp/) }] } });
    const json = await call(app, manager, 'catalogue.import', {
      fileName: 'x.json',
      contentBase64: Buffer.from(JSON.stringify({ format: 'bcci-counter-catalogue', formatVersion: 1, procedures: [{ code: 'abc' }] })).toString('base64'),
    });
    expect(json).toMatchObject({ ok: true, value: { status: 'rejected' } });
    const problems = (json as { value: { problems: { message: string }[] } }).value.problems.map((p) => p.message);
    expect(problems).toContain('JSON "procedures[0].code": không đúng định dạng');
    expect(problems).toContain('JSON "procedures[0].name": thiếu giá trị bắt buộc');
    expect(snapshot()).toEqual(before);
  });

  it('round-trips: JSON export re-imports to the same catalogue; XLSX export re-imports with the same documents', async () => {
    const original = app.services.catalogue.all();
    const json = await call(app, manager, 'catalogue.export', { format: 'json' });
    const jsonFile = (json as { value: { contentBase64: string } }).value;
    expect(await call(app, manager, 'catalogue.import', { fileName: 'export.json', contentBase64: jsonFile.contentBase64 })).toMatchObject({
      value: { status: 'imported', count: original.length },
    });
    expect(app.services.catalogue.all()).toEqual(original);

    const xlsx = (await call(app, manager, 'catalogue.export', { format: 'xlsx' })) as { value: { contentBase64: string } };
    const sheets = await readSheets(Buffer.from(xlsx.value.contentBase64, 'base64'));
    expect(Object.keys(sheets)).toEqual(['Thủ tục', 'Thành phần hồ sơ']);
    expect(sheets['Thủ tục'][0].slice(0, 10)).toEqual(PROCEDURE_HEADER);
    expect(await call(app, manager, 'catalogue.import', { fileName: 'export.xlsx', contentBase64: xlsx.value.contentBase64 })).toMatchObject({
      value: { status: 'imported', count: original.length, warnings: [] },
    });
    expect(app.services.catalogue.all()).toEqual(original);
  });

  it('merges by code: new and changed procedures replace, the rest stay', async () => {
    const total = app.services.catalogue.search('', {}, 20000).total;
    const file = await workbook({
      'Thủ tục': [PROCEDURE_HEADER, ['1.001193', 'Thủ tục đăng ký khai sinh (sửa đổi 2026)', 'Hộ tịch', 'Cấp Xã', 'UBND cấp xã', 'x', 'x', 1, '', '']],
      'Thành phần hồ sơ': [DOCUMENT_HEADER, ['1.001193', 1, 'Tờ khai', 1, 0, 'Bắt buộc', '', '']],
    });
    expect(await importXlsx(file, 'merge')).toMatchObject({ value: { status: 'imported', count: total } });
    expect(app.services.catalogue.get('1.001193').name).toBe('Thủ tục đăng ký khai sinh (sửa đổi 2026)');
    expect(app.services.catalogue.search('ket hon').items[0].code).toBe('1.000894');
  });

  it('offers a template that imports as it is', async () => {
    const template = (await call(app, manager, 'catalogue.template', {})) as { value: { contentBase64: string; fileName: string } };
    expect(template.value.fileName).toMatch(/\.xlsx$/);
    const sheets = await readSheets(Buffer.from(template.value.contentBase64, 'base64'));
    expect(Object.keys(sheets)).toEqual(['Thủ tục', 'Thành phần hồ sơ', 'Hướng dẫn']);
    expect(await call(app, manager, 'catalogue.import', { fileName: 'mau.xlsx', contentBase64: template.value.contentBase64 })).toMatchObject({
      value: { status: 'imported', count: 1 },
    });
  });

  it('writes the published list of procedures accepted and not accepted via BCCI', async () => {
    const file = (await call(app, manager, 'catalogue.publishedList', {})) as { value: { contentBase64: string } };
    const sheets = await readSheets(Buffer.from(file.value.contentBase64, 'base64'));
    const all = app.services.catalogue.all();
    const rows = (name: string) => sheets[name].filter((r) => /^\d+$/.test(r[0]));
    expect(rows('Tiếp nhận qua BCCI')).toHaveLength(all.filter((p) => p.bcciReceive || p.bcciReturn).length);
    expect(rows('Không tiếp nhận qua BCCI').length).toBeGreaterThanOrEqual(2);
    expect(rows('Không tiếp nhận qua BCCI').map((r) => r[1])).toEqual(all.filter((p) => !p.bcciReceive && !p.bcciReturn).map((p) => p.code));
  });
});
