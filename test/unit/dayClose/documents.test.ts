import { describe, expect, it } from 'vitest';
import { dayReportSchema, periodReportSchema, type DayReport, type PeriodReport } from '../../../shared/api/dayClose';
import { dayReportA4, dayReportReceipt, periodReportA4, shiftReceipt } from '../../../shared/dayClose/documents';
import { a4DocumentSchema } from '../../../shared/printing/a4';
import { receiptDocumentSchema } from '../../../shared/printing/document';
import { layoutReceipt } from '../../../shared/printing/layout';

const point = { code: 'BC560100', name: 'Bưu cục Trung tâm Phan Rang', province: 'Khánh Hòa', commune: 'Phường Phan Rang' };
const activity = { received: 4, guided: 1, dispatched: 0, resultsReceived: 0, delivered: 0, returnedToAgency: 0, cancelled: 1 };

const z: DayReport = dayReportSchema.parse({
  kind: 'Z',
  day: '2026-11-20',
  point,
  generatedAt: '2026-11-20T10:00:00.000Z',
  sequence: 12,
  closedAt: '2026-11-20T10:00:00.000Z',
  closedBy: 'Nguyễn Thị Hoa',
  activity,
  byField: [{ name: 'Lý lịch tư pháp', ...activity }],
  byAgency: [{ name: 'Công an cấp tỉnh', ...activity }],
  money: {
    byKind: [
      { kind: 'phi', label: 'Phí', cash: 400000, transfer: 200000, none: 0, total: 600000, lines: 3 },
      { kind: 'reversal', label: 'Bút toán đảo (hoàn, hủy)', cash: -240000, transfer: 0, none: 0, total: -240000, lines: 3 },
    ],
    totals: { cash: 160000, transfer: 200000, none: 0, total: 360000, lines: 6 },
  },
  byClerk: [{ userId: 2, name: 'Lê Thị Lan', cash: 160000, transfer: 200000, none: 0, total: 360000, lines: 6 }],
  openingCash: 500000,
  agencies: [{ agency: 'Công an cấp tỉnh', collected: 400000, reversed: -200000, handedOver: 200000, outstanding: 0 }],
  voids: {
    cancelled: [{ dossierId: 3, code: 'BC560100-261120-0003', at: '2026-11-20T03:00:00.000Z', by: 'Nguyễn Thị Hoa', reason: 'Công dân xin rút hồ sơ' }],
    reversals: [{ id: 9, reverses: 7, originalDay: '2026-11-20', label: 'Hoàn phí', amount: -200000, paymentMethod: 'cash', by: 'Nguyễn Thị Hoa', note: 'Công dân xin rút hồ sơ' }],
    reversalTotal: -240000,
  },
  reprints: [{ id: 5, title: 'GIẤY TIẾP NHẬN', reprintOf: 1, at: '2026-11-20T02:00:00.000Z', by: 'Lê Thị Lan' }],
  shifts: [
    { id: 1, clerkId: 2, clerk: 'Lê Thị Lan', day: '2026-11-20', openedAt: '2026-11-20T01:00:00.000Z', closedAt: '2026-11-20T09:00:00.000Z', lines: 6, cashExpected: 160000, cashCounted: 150000, transferExpected: 200000, transferConfirmed: 200000, reason: 'Trả nhầm', approvedBy: null },
  ],
  count: {
    denominations: [{ value: 500000, count: 1, amount: 500000 }, { value: 100000, count: 1, amount: 100000 }, { value: 20000, count: 2, amount: 40000 }],
    cashExpected: 660000,
    cashCounted: 640000,
    cashDifference: -20000,
    transferExpected: 200000,
    transferConfirmed: 200000,
    transferDifference: 0,
    reason: 'Thiếu, đang xác minh',
    approvedBy: null,
    attempts: 2,
  },
  pending: {
    printJobs: { count: 0, items: [] },
    notInManifest: { count: 3, items: [] },
    notDelivered: { count: 0, items: [] },
    feesOutstanding: [],
    openShifts: { count: 1, items: [{ userId: 3, name: 'Trần Văn Nam', lines: 4, since: '2026-11-20T08:00:00.000Z' }] },
    blocking: true,
  },
  overrideReason: 'Chuyển hồ sơ sáng mai',
  seal: { hash: 'ab'.repeat(32), prevHash: '0'.repeat(64) },
});

describe('Z / X report papers', () => {
  it('is a valid receipt that fits the roll, says Z, the sequence, the difference and the seal; a reprint says so', () => {
    const doc = receiptDocumentSchema.parse(dayReportReceipt(z));
    expect(doc.title).toBe('BÁO CÁO KHÓA SỔ CUỐI NGÀY (Z) 20/11/2026');
    expect(JSON.stringify(doc)).toContain('Số khóa sổ: 12');
    expect(JSON.stringify(doc)).toContain('-20.000');
    expect(JSON.stringify(doc)).toContain('Mã niêm phong: abababababababab');
    expect(JSON.stringify(doc)).toContain('Số lần đếm: 2');
    expect(JSON.stringify(doc)).not.toContain('BẢN IN LẠI');
    expect(JSON.stringify(dayReportReceipt(z, { reprint: true }))).toContain('*** BẢN IN LẠI ***');
    expect(layoutReceipt(doc, 32).items.length).toBeGreaterThan(40); // lays out on a 58 mm roll too
  });

  it('is a valid A4 document with the tables, the seal and signatures; an X report says it is not closed', () => {
    const doc = a4DocumentSchema.parse(dayReportA4(z));
    expect(doc).toMatchObject({ title: 'BÁO CÁO KHÓA SỔ CUỐI NGÀY (Z)', number: 'Số: 12/Z-BC560100', orientation: 'landscape', placeDate: 'Khánh Hòa, ngày 20 tháng 11 năm 2026' });
    expect(doc.blocks.filter((b) => b.type === 'table').length).toBeGreaterThanOrEqual(8);
    expect(doc.blocks.at(-1)?.type).toBe('signatures');
    const x = a4DocumentSchema.parse(dayReportA4({ ...z, kind: 'X', sequence: null, closedAt: null, closedBy: null, count: null, seal: null }));
    expect(x.title).toBe('BÁO CÁO TẠM TÍNH TRONG NGÀY (X)');
    expect(x.number).toBeUndefined();
    expect(x.footer).toMatch(/chưa khóa sổ/);
  });

  it('shows the opening float and the cash the day should end with, what a shift expects, and the clerks with an open shift', () => {
    const rows = (blocks: readonly object[]) => blocks.map((b) => ('cells' in b ? (b.cells as { text: string }[]).map((c) => c.text).join(' | ') : 'text' in b ? String(b.text) : ''));
    const receipt = rows(dayReportReceipt(z).blocks);
    expect(receipt).toContain('Tồn quỹ tiền mặt đầu ngày | 500.000');
    expect(receipt).toContain('Tiền mặt phải có cuối ngày | 660.000');
    expect(receipt).toContain('Tiền mặt theo sổ | 660.000');
    expect(receipt.join('\n')).toMatch(/Tiền theo sổ của mỗi ca: .*từ lần kết ca trước.*không gồm tồn quỹ đầu ngày/);
    expect(receipt).toContain('Giao dịch viên chưa kết ca | 1');
    expect(receipt).toContain('  Trần Văn Nam (4 giao dịch chưa kết ca)');
    const a4 = JSON.stringify(dayReportA4(z));
    for (const text of ['Tồn quỹ tiền mặt đầu ngày', '500.000', 'Tiền mặt phải có cuối ngày', '660.000', 'không gồm tồn quỹ đầu ngày', 'Trần Văn Nam (4 giao dịch chưa kết ca)']) expect(a4).toContain(text);
  });

  it('prints the clerk’s shift report', () => {
    const doc = receiptDocumentSchema.parse(
      shiftReceipt({ ...z.shifts[0], money: [{ kind: 'phi', paymentMethod: 'cash', lines: 2, amount: 400000 }] }, point),
    );
    expect(JSON.stringify(doc)).toContain('Phí (TM)');
    expect(JSON.stringify(doc)).toContain('-10.000');
  });
});

describe('the report upward on A4', () => {
  it('is valid, with both charts as chart blocks', () => {
    const chart = { chart: 'bar' as const, title: 'T', categories: ['Cấp Tỉnh'], series: [{ name: 'a', values: [85] }] };
    const report: PeriodReport = periodReportSchema.parse({
      from: '2026-01-01',
      to: '2026-12-31',
      generatedAt: '2027-01-05T02:00:00.000Z',
      point,
      totals: { received: 10, resultsReceived: 8, delivered: 7, guided: 2, returnedToAgency: 1, cancelled: 0 },
      byLevel: [{ name: 'Cấp Tỉnh', received: 10, resultsReceived: 8, delivered: 7 }],
      byField: [],
      byAgency: [],
      bcciShare: [{ level: 'Cấp Tỉnh', procedures: 20, bcci: 17, percent: 85, target: 85, met: true }],
      quality: { delivered: 7, onTime: 6, late: 1, noDate: 0, lost: 0, damaged: 0, onTimePercent: 85.7, intactPercent: 100, incidents: [] },
      guidance: { issued: 2, byField: [{ name: 'Hộ tịch', issued: 2 }] },
      trend: [{ month: '2026-01', received: 10, delivered: 7, late: 1 }],
      charts: { trend: chart, share: chart },
    });
    const doc = a4DocumentSchema.parse(periodReportA4(report));
    expect(doc.blocks.filter((b) => b.type === 'chart')).toHaveLength(2);
    expect(JSON.stringify(doc)).toContain('85,7%');
    expect(doc.placeDate).toBe('Khánh Hòa, ngày 05 tháng 01 năm 2027');
  });
});
