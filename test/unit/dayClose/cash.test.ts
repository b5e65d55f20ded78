import { describe, expect, it } from 'vitest';
import { assessClose, cashTotal, closeRefusal, countProblems, DENOMINATIONS, differenceText, normaliseCount } from '../../../shared/dayClose/cash';

describe('counting banknotes', () => {
  it('knows the eleven Vietnamese banknotes, biggest first', () => {
    expect(DENOMINATIONS).toEqual([500000, 200000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200]);
  });

  it('adds up a count sheet, whatever order and with denominations left out', () => {
    expect(cashTotal([])).toBe(0);
    expect(cashTotal([{ value: 200, count: 3 }, { value: 500000, count: 2 }, { value: 10000, count: 7 }])).toBe(1_070_600);
    const sheet = normaliseCount([{ value: 50000, count: 4 }]);
    expect(sheet).toHaveLength(11);
    expect(sheet.find((n) => n.value === 50000)).toEqual({ value: 50000, count: 4, amount: 200000 });
    expect(sheet.filter((n) => n.count === 0)).toHaveLength(10);
  });

  it('refuses notes that do not exist, a note twice and negative or fractional counts', () => {
    expect(countProblems([{ value: 100000, count: 2 }])).toEqual([]);
    const problems = countProblems([
      { value: 300000, count: 1 },
      { value: 100000, count: 1 },
      { value: 100000, count: 2 },
      { value: 500, count: -1 },
      { value: 1000, count: 1.5 },
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('300.000');
    expect(problems[1]).toMatch(/100\.000 đ được nhập hai lần/);
    expect(problems.slice(2).join(' ')).toMatch(/500 đ.*số nguyên không âm.*1\.000 đ/);
  });
});

describe('the difference rules', () => {
  const amounts = (cashCounted: number, transferConfirmed = 300000) => ({ cashExpected: 1_000_000, cashCounted, transferExpected: 300000, transferConfirmed });

  it('needs nothing when counted equals expected', () => {
    const a = assessClose(amounts(1_000_000), 50000);
    expect(a).toEqual({ cashDifference: 0, transferDifference: 0, needsReason: false, needsApproval: false });
    expect(closeRefusal(a, { approved: false, threshold: 50000 })).toBeNull();
    expect(differenceText(a)).toBe('không chênh lệch');
  });

  it('needs a reason for any difference, and an approval only above the threshold (either method)', () => {
    const atThreshold = assessClose(amounts(950_000), 50000);
    expect(atThreshold).toMatchObject({ cashDifference: -50000, needsReason: true, needsApproval: false });
    expect(closeRefusal(atThreshold, { approved: false, threshold: 50000 })).toMatch(/tiền mặt thiếu 50\.000 đ.*ghi lý do/i);
    expect(closeRefusal(atThreshold, { reason: 'ok', approved: false, threshold: 50000 })).toMatch(/ghi lý do/); // too short
    expect(closeRefusal(atThreshold, { reason: 'Trả nhầm tiền thừa', approved: false, threshold: 50000 })).toBeNull();

    const above = assessClose(amounts(1_050_001), 50000);
    expect(above).toMatchObject({ cashDifference: 50001, needsApproval: true });
    expect(closeRefusal(above, { reason: 'Khách gửi thừa', approved: false, threshold: 50000 })).toMatch(/Tiền mặt thừa 50\.001 đ.*vượt ngưỡng 50\.000 đ.*trưởng bưu cục duyệt/);
    expect(closeRefusal(above, { reason: 'Khách gửi thừa', approved: true, threshold: 50000 })).toBeNull();

    const transfer = assessClose(amounts(1_000_000, 200000), 50000);
    expect(transfer).toMatchObject({ cashDifference: 0, transferDifference: -100000, needsApproval: true });
    expect(differenceText(transfer)).toBe('Chuyển khoản thiếu 100.000 đ');
  });
});
