import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { a4ToPdf } from '../../../main/services/printing/a4Pdf';
import { a4DocumentSchema, NATIONAL_MOTTO, placeDateLine, type A4Document } from '../../../shared/printing/a4';
import { chartGeometry, chartTicks, formatChartNumber, formatChartValue } from '../../../shared/printing/chartMath';
import { pdfTextRuns } from './pdfText';

const fontsDir = path.resolve(__dirname, '../../../resources/fonts');
const fonts = { regular: path.join(fontsDir, 'DejaVuSans.ttf'), bold: path.join(fontsDir, 'DejaVuSans-Bold.ttf') };

const ROWS = 300;
const code = (i: number): string => `BC560100-${String(i).padStart(4, '0')}`;
const PROCEDURE = 'Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi';

function manifest(): A4Document {
  return a4DocumentSchema.parse({
    kind: 'a4',
    title: 'BẢNG KÊ GIAO NHẬN HỒ SƠ',
    number: 'Số: 12/BK-BC560100',
    header: { left: ['Ủy ban nhân dân xã Đắk Mil', 'BƯU ĐIỆN VĂN HÓA XÃ'], right: NATIONAL_MOTTO },
    placeDate: placeDateLine('Đắk Nông', '2026-11-21'),
    footer: 'In bởi Nguyễn Thị Hồng Nhung lúc 08:15 21/11/2026',
    blocks: [
      { type: 'heading', text: 'I. Thông tin chung' },
      { type: 'fields', rows: [{ label: 'Người giao', value: 'Nguyễn Thị Hồng Nhung' }, { label: 'Người nhận', value: 'Trần Văn Đức' }] },
      { type: 'paragraph', text: 'Hôm nay, tại Bưu điện văn hóa xã Đắk Mil, hai bên tiến hành giao nhận các hồ sơ sau. '.repeat(4), align: 'justify' },
      {
        type: 'table',
        columns: [
          { title: 'STT', width: 5, align: 'right' },
          { title: 'Mã hồ sơ', width: 14 },
          { title: 'Họ và tên', width: 16 },
          { title: 'Thủ tục', width: 30 },
          { title: 'Lệ phí', width: 11, align: 'right' },
        ],
        rows: Array.from({ length: ROWS }, (_, k) => {
          const i = k + 1;
          // every 7th row has a long procedure name: rows of different heights, wrapped in the cell
          return [String(i), code(i), i === ROWS ? 'Lê Thị Bích Ngọc' : `Công dân ${i}`, i % 7 === 0 ? PROCEDURE : 'Cấp bản sao', '50.000'];
        }),
        footer: ['', '', 'Tổng cộng', `${ROWS} hồ sơ`, '15.000.000'],
      },
      {
        type: 'signatures',
        blocks: [
          { title: 'NGƯỜI GIAO', subtitle: '(Ký, ghi rõ họ tên)', name: 'Nguyễn Thị Hồng Nhung' },
          { title: 'NGƯỜI NHẬN', subtitle: '(Ký, ghi rõ họ tên)', name: 'Trần Văn Đức' },
        ],
      },
      {
        type: 'chart',
        chart: 'bar',
        title: 'Hồ sơ theo tháng',
        categories: ['Tháng 9', 'Tháng 10', 'Tháng 11'],
        series: [
          { name: 'Tiếp nhận', values: [40, 87, 63] },
          { name: 'Trả kết quả', values: [35, 80, 20] },
        ],
        unit: 'hồ sơ',
      },
      {
        type: 'chart',
        chart: 'line',
        title: 'Tỉ lệ đúng hạn',
        categories: Array.from({ length: 30 }, (_, i) => `Ngày ${i + 1}`),
        series: [{ name: 'Đúng hạn', values: Array.from({ length: 30 }, (_, i) => 80 + (i % 5) * 4) }],
        unit: '%',
      },
      { type: 'barcode', data: 'BC560100-0300' },
    ],
  });
}

const all = (pages: string[][]): string[] => pages.flat();
const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('a4ToPdf', () => {
  it('renders a long Vietnamese manifest over several pages without losing a row', async () => {
    const pdf = await a4ToPdf(manifest(), { fonts, compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');

    const pages = pdfTextRuns(pdf);
    const n = pages.length;
    expect(n).toBeGreaterThan(3);
    expect(pageCount(pdf)).toBe(n);
    // every page carries its footer, and the count is the real one
    pages.forEach((runs, i) => {
      expect(runs).toContain(`Trang ${i + 1}/${n}`);
      expect(runs).toContain('In bởi Nguyễn Thị Hồng Nhung lúc 08:15 21/11/2026');
    });

    const runs = all(pages);
    for (const s of ['Ủy ban nhân dân xã Đắk Mil', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Đắk Nông, ngày 21 tháng 11 năm 2026', 'BẢNG KÊ GIAO NHẬN HỒ SƠ', 'Số: 12/BK-BC560100'])
      expect(runs).toContain(s);
    expect(runs).toContain('Người giao:');
    expect(runs.filter((r) => r === 'Nguyễn Thị Hồng Nhung')).toHaveLength(2); // the field and the signature

    // each row exactly once, in order, the last one included
    const codes = runs.filter((r) => /^BC560100-\d{4}$/.test(r));
    expect(codes).toEqual(Array.from({ length: ROWS }, (_, k) => code(k + 1)));
    expect(runs).toContain('Lê Thị Bích Ngọc');
    expect(runs).toContain('15.000.000');
    // the long procedure was wrapped inside its cell, not cut: all its words are there
    // (cells are drawn left to right, so row 7's procedure lines sit between its name and its fee)
    const from = runs.indexOf('Công dân 7');
    const procedureLines = runs.slice(from + 1, runs.indexOf('50.000', from));
    expect(procedureLines.length).toBeGreaterThan(1);
    expect(procedureLines.join(' ')).toBe(PROCEDURE);

    // the header row is repeated on every page the table runs over
    const tablePages = pages.filter((p) => p.some((r) => /^BC560100-\d{4}$/.test(r))).length;
    expect(tablePages).toBeGreaterThan(2);
    expect(runs.filter((r) => r === 'Mã hồ sơ')).toHaveLength(tablePages);

    // signatures, charts (title, legend, ticks, labels)
    for (const s of ['NGƯỜI GIAO', '(Ký, ghi rõ họ tên)', 'Hồ sơ theo tháng', 'Tiếp nhận', 'Trả kết quả', '100 hồ sơ', 'Tháng 11', 'Tỉ lệ đúng hạn', '100%'])
      expect(runs).toContain(s);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/); // the barcode
  });

  it('lays out landscape pages and splits a row taller than a page', async () => {
    // 3,000 characters in a column a tenth of the page wide: about three pages of lines
    const words = Array.from({ length: 500 }, (_, i) => `từ${i}`);
    const doc: A4Document = {
      kind: 'a4',
      title: 'Báo cáo',
      orientation: 'landscape',
      header: { left: [], right: [] },
      blocks: [
        { type: 'table', columns: [{ title: 'Ghi chú', width: 1 }, { title: 'Khác', width: 9 }], rows: [[words.join(' '), 'x'], ['sau cùng', 'y']] },
        { type: 'pageBreak' },
        { type: 'paragraph', text: 'Trang cuối' },
      ],
    };
    const pdf = await a4ToPdf(doc, { fonts, compress: false });
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const pages = pdfTextRuns(pdf);
    const runs = all(pages);
    const cell = runs.filter((r) => r.startsWith('từ')).join(' ');
    expect(cell).toBe(words.join(' '));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.at(-1)).toContain('Trang cuối');
    expect(pages.at(-2)).toContain('sau cùng');
    expect(pages.at(-1)).toContain(`Trang ${pages.length}/${pages.length}`);
  });

  it('prints what Code 128 cannot carry as text', async () => {
    const doc: A4Document = { kind: 'a4', title: 'Phiếu', header: { left: [], right: [] }, blocks: [{ type: 'barcode', data: 'Hồ sơ số 5' }] };
    const pdf = await a4ToPdf(doc, { fonts, compress: false });
    expect(all(pdfTextRuns(pdf))).toContain('Hồ sơ số 5');
  });
});

describe('chartTicks', () => {
  it('picks at most five nice values covering the maximum', () => {
    expect(chartTicks(87)).toEqual([0, 25, 50, 75, 100]);
    expect(chartTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(chartTicks(3)).toEqual([0, 1, 2, 3]);
    expect(chartTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(chartTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(chartTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(chartTicks(0, { integer: true })).toEqual([0, 1]);
    expect(chartTicks(1, { integer: true })).toEqual([0, 1]);
    expect(chartTicks(7, { integer: true })).toEqual([0, 2, 4, 6, 8]);
    expect(chartTicks(40, { min: -12 })).toEqual([-20, 0, 20, 40]);
    expect(chartTicks(Number.NaN)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('always covers the maximum with at most the asked count', () => {
    for (let max = 0.01; max < 1e7; max *= 1.37) {
      const ticks = chartTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('formats values the Vietnamese way', () => {
    expect(formatChartNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatChartValue(25, '%')).toBe('25%');
    expect(formatChartValue(25, 'hồ sơ')).toBe('25 hồ sơ');
  });
});

describe('chartGeometry', () => {
  const base = { title: 'T', unit: undefined } as const;
  it('groups bars per category, one per series, from the baseline', () => {
    const g = chartGeometry({ ...base, chart: 'bar', categories: ['a', 'b'], series: [{ name: 's1', values: [10, 20] }, { name: 's2', values: [5, Number.NaN] }] }, { width: 400, height: 200 });
    expect(g.bars).toHaveLength(3); // NaN is no bar
    const [a1, b1, a2] = g.bars;
    expect(a2!.x).toBeCloseTo(a1!.x + a1!.width);
    expect(b1!.height).toBeCloseTo(a1!.height * 2);
    expect(a1!.y + a1!.height).toBeCloseTo(g.baseline);
    expect(g.legend.map((l) => l.name)).toEqual(['s1', 's2']);
  });

  it('breaks lines at missing values and thins out crowded labels', () => {
    const categories = Array.from({ length: 60 }, (_, i) => `Ngày ${i + 1} tháng 11`);
    const values = categories.map((_, i) => (i === 10 ? Number.NaN : i));
    const g = chartGeometry({ ...base, chart: 'line', categories, series: [{ name: 's', values }] }, { width: 400, height: 200 });
    expect(g.lines[0]!.segments.map((s) => s.length)).toEqual([10, 49]);
    expect(g.xLabels.length).toBeLessThan(60);
    expect(g.xLabels[0]!.rotate).toBe(-45);
  });
});
