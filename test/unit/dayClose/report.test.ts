import { describe, expect, it } from 'vitest';
import { a4ChartSchema } from '../../../shared/printing/a4';
import {
  agencyDayRows,
  bcciShare,
  clerkTable,
  moneyTable,
  monthlyTrend,
  monthsBetween,
  percent,
  qualitySummary,
  rollUpActivity,
  shareChart,
  trendChart,
} from '../../../shared/dayClose/report';

const procedures = new Map([
  [1, { level: 'Cấp Xã', field: 'Hộ tịch', agency: 'UBND cấp xã' }],
  [2, { level: 'Cấp Xã', field: 'Hộ tịch', agency: 'UBND cấp xã' }], // an older catalogue row of the same procedure
  [3, { level: 'Cấp Tỉnh', field: 'Lý lịch tư pháp', agency: 'Công an cấp tỉnh' }],
]);

describe('activity roll-up', () => {
  it('maps metrics to figures and adds them up per field, agency and level', () => {
    const r = rollUpActivity(
      [
        { procedureId: 1, metric: 'received', n: 3 },
        { procedureId: 2, metric: 'received', n: 2 },
        { procedureId: 3, metric: 'received', n: 4 },
        { procedureId: 3, metric: 'result_received', n: 1 },
        { procedureId: 3, metric: 'result_registered', n: 2 },
        { procedureId: 1, metric: 'guided', n: 1 },
        { procedureId: 3, metric: 'cancelled', n: 1 },
        { procedureId: 1, metric: 'added_to_manifest', n: 9 }, // not a report figure
        { procedureId: 3, metric: 'delivered_late', n: 1 }, // quality metric, not an activity figure
        { procedureId: 99, metric: 'delivered', n: 1 }, // a procedure row not found
      ],
      procedures,
    );
    expect(r.activity).toEqual({ received: 9, guided: 1, dispatched: 0, resultsReceived: 3, delivered: 1, returnedToAgency: 0, cancelled: 1 });
    expect(r.byField.map((f) => [f.name, f.received])).toEqual([
      ['(không rõ)', 0],
      ['Hộ tịch', 5],
      ['Lý lịch tư pháp', 4],
    ]);
    expect(r.byAgency.find((a) => a.name === 'Công an cấp tỉnh')).toMatchObject({ received: 4, resultsReceived: 3, cancelled: 1 });
    expect(r.byLevel.find((l) => l.name === 'Cấp Xã')).toMatchObject({ received: 5, guided: 1 });
    for (const rows of [r.byField, r.byAgency, r.byLevel]) expect(rows.reduce((s, x) => s + x.received, 0)).toBe(r.activity.received);
  });
});

describe('money tables', () => {
  it('puts kinds in ledger order with a column per payment method, and totals that add up', () => {
    const t = moneyTable([
      { kind: 'postal_send', paymentMethod: 'cash', lines: 2, amount: 50000 },
      { kind: 'phi', paymentMethod: 'cash', lines: 2, amount: 400000 },
      { kind: 'phi', paymentMethod: 'transfer', lines: 1, amount: 200000 },
      { kind: 'reversal', paymentMethod: 'cash', lines: 2, amount: -225000 },
      { kind: 'agency_handover', paymentMethod: 'cash', lines: 1, amount: -200000 },
      { kind: 'phi', paymentMethod: 'none', lines: 1, amount: 0 },
    ]);
    expect(t.byKind.map((k) => k.kind)).toEqual(['phi', 'postal_send', 'reversal', 'agency_handover']);
    expect(t.byKind[0]).toMatchObject({ label: 'Phí', cash: 400000, transfer: 200000, none: 0, total: 600000, lines: 4 });
    expect(t.totals).toEqual({ cash: 25000, transfer: 200000, none: 0, total: 225000, lines: 9 });
  });

  it('sums per clerk and method', () => {
    const rows = clerkTable([
      { userId: 2, name: 'Lê Thị Lan', paymentMethod: 'cash', lines: 3, amount: 300000 },
      { userId: 1, name: 'Nguyễn Thị Hoa', paymentMethod: 'cash', lines: 1, amount: -200000 },
      { userId: 2, name: 'Lê Thị Lan', paymentMethod: 'transfer', lines: 1, amount: 100000 },
    ]);
    expect(rows).toEqual([
      { userId: 2, name: 'Lê Thị Lan', cash: 300000, transfer: 100000, none: 0, total: 400000, lines: 4 },
      { userId: 1, name: 'Nguyễn Thị Hoa', cash: -200000, transfer: 0, none: 0, total: -200000, lines: 1 },
    ]);
  });

  it('shows per agency what was collected, reversed and handed over that day, and lists agencies still owed', () => {
    const rows = agencyDayRows(
      [
        { agency: 'Công an cấp tỉnh', movement: 'fee', amount: 400000 },
        { agency: 'Công an cấp tỉnh', movement: 'fee_reversal', amount: -200000 },
        { agency: 'Công an cấp tỉnh', movement: 'handover', amount: -150000 },
        { agency: 'Công an cấp tỉnh', movement: 'handover_reversal', amount: 50000 },
      ],
      new Map([
        ['Công an cấp tỉnh', 100000],
        ['Văn phòng đăng ký đất đai', 880000],
        ['UBND cấp xã', 0],
      ]),
    );
    expect(rows).toEqual([
      { agency: 'Công an cấp tỉnh', collected: 400000, reversed: -200000, handedOver: 100000, outstanding: 100000 },
      { agency: 'Văn phòng đăng ký đất đai', collected: 0, reversed: 0, handedOver: 0, outstanding: 880000 },
    ]);
  });
});

describe('reports upward', () => {
  it('computes percentages to one decimal, null with nothing to divide', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });

  it('compares the BCCI share per level with the target set for that level by name', () => {
    const share = bcciShare(
      [
        { level: 'Cấp Xã', procedures: 10, bcci: 5 }, // first in the catalogue: the order does not matter
        { level: 'Cấp Tỉnh', procedures: 20, bcci: 17 },
        { level: 'Cấp Huyện', procedures: 0, bcci: 0 }, // abolished level, no procedures: left out
        { level: 'Trung ương', procedures: 3, bcci: 3 },
      ],
      [
        { level: 'Cấp Tỉnh', percent: 85 },
        { level: 'Cấp Huyện', percent: 70 },
        { level: 'Cấp Xã', percent: 60 },
      ],
    );
    expect(share).toEqual([
      { level: 'Cấp Xã', procedures: 10, bcci: 5, percent: 50, target: 60, met: false },
      { level: 'Cấp Tỉnh', procedures: 20, bcci: 17, percent: 85, target: 85, met: true },
      { level: 'Trung ương', procedures: 3, bcci: 3, percent: 100, target: null, met: null },
    ]);
    const chart = a4ChartSchema.parse(shareChart(share));
    expect(chart.series.map((s) => s.values)).toEqual([
      [50, 85, 100],
      [60, 85, 0],
    ]);
  });

  it('lists every month of the period, across a new year, empty ones as zero', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const trend = monthlyTrend('2025-11-15', '2026-02-01', [
      { month: '2025-11', metric: 'received', n: 4 },
      { month: '2026-01', metric: 'delivered', n: 3 },
      { month: '2026-01', metric: 'delivered_late', n: 1 },
      { month: '2026-01', metric: 'received', n: 2 },
      { month: '2026-01', metric: 'received', n: 1 },
      { month: '2026-03', metric: 'received', n: 9 }, // outside: ignored
    ]);
    expect(trend).toEqual([
      { month: '2025-11', received: 4, delivered: 0, late: 0 },
      { month: '2025-12', received: 0, delivered: 0, late: 0 },
      { month: '2026-01', received: 3, delivered: 3, late: 1 },
      { month: '2026-02', received: 0, delivered: 0, late: 0 },
    ]);
    const chart = a4ChartSchema.parse(trendChart(trend));
    expect(chart.categories).toEqual(['11/2025', '12/2025', '01/2026', '02/2026']);
    expect(chart.series.map((s) => s.name)).toEqual(['Hồ sơ tiếp nhận', 'Kết quả đã trả', 'Trả trễ hẹn']);
  });

  it('rates on-time delivery over results with a date, and safety over everything handled', () => {
    expect(qualitySummary({ delivered: 10, onTime: 6, late: 2, lost: 1, damaged: 1, handled: 40 })).toEqual({
      delivered: 10,
      onTime: 6,
      late: 2,
      noDate: 2,
      lost: 1,
      damaged: 1,
      onTimePercent: 75,
      intactPercent: 95,
    });
    expect(qualitySummary({ delivered: 0, onTime: 0, late: 0, lost: 0, damaged: 0, handled: 0 })).toMatchObject({ onTimePercent: null, intactPercent: null });
  });
});
