import { describe, expect, it } from 'vitest';
import { checkCount, checkDecision, checkOverrideReason, countedCash, parseAmount, parseNotes } from '../../../renderer/features/shift/model';
import { checkPeriod, quickPeriod } from '../../../renderer/features/reports/period';

describe('the blind count sheet', () => {
  it('adds up what is typed so far, blanks and mistakes as none', () => {
    expect(countedCash({ notes: { 500000: '1', 200000: '2', 50000: '3', 10000: 'x' }, transfer: '' })).toBe(1_050_000);
  });

  it('refuses a sheet with nothing counted or no transfer total, and says where', () => {
    const r = checkCount({ notes: {}, transfer: '' });
    expect(r.value).toBeUndefined();
    expect(r.errors['note.500000']).toMatch(/Chưa nhập số tờ nào/);
    expect(r.errors.transfer).toMatch(/chuyển khoản/);
  });

  it('refuses a bad number of notes on its own field', () => {
    const r = checkCount({ notes: { 20000: '2,5' }, transfer: '0' });
    expect(r.errors['note.20000']).toBeTruthy();
    expect(r.value).toBeUndefined();
  });

  it('sends only the banknotes typed (0 is a count) and the transfer total', () => {
    expect(checkCount({ notes: { 500000: '0', 1000: ' 12 ' }, transfer: '1.250.000 đ' }).value).toEqual({
      denominations: [
        { value: 500000, count: 0 },
        { value: 1000, count: 12 },
      ],
      transferConfirmed: 1_250_000,
    });
  });

  it('reads amounts and counts the way a clerk types them', () => {
    expect(parseAmount('1 250 000')).toBe(1_250_000);
    expect(parseAmount('-5.000')).toBe(-5000);
    expect(parseAmount('12,5')).toBeNull();
    expect(parseNotes('1000001')).toBeNull();
    expect(parseNotes('')).toBeNull();
  });
});

describe('the decision after the count', () => {
  const form = { reason: '', username: '', password: '' };
  it('asks for nothing when the count matches', () => {
    expect(checkDecision(form, { needsReason: false, needsApproval: false }).value).toEqual({});
  });
  it('needs a reason for any difference and a manager above the threshold', () => {
    const r = checkDecision({ ...form, reason: 'ít' }, { needsReason: true, needsApproval: true });
    expect(Object.keys(r.errors).sort()).toEqual(['password', 'reason', 'username']);
    expect(checkDecision({ reason: ' Khách trả thừa ', username: ' hoa.nt ', password: 'x' }, { needsReason: true, needsApproval: true }).value).toEqual({
      reason: 'Khách trả thừa',
      approval: { username: 'hoa.nt', password: 'x' },
    });
  });
  it('an override reason has at least 5 characters', () => {
    expect(checkOverrideReason('  ').error).toBeTruthy();
    expect(checkOverrideReason('Máy in hỏng').value).toBe('Máy in hỏng');
  });
});

describe('report periods', () => {
  it('quick picks in the calendar', () => {
    expect(quickPeriod('thisMonth', '2026-11-21')).toEqual({ from: '2026-11-01', to: '2026-11-21' });
    expect(quickPeriod('lastMonth', '2026-03-05')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(quickPeriod('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(quickPeriod('thisQuarter', '2026-11-21')).toEqual({ from: '2026-10-01', to: '2026-11-21' });
    expect(quickPeriod('thisYear', '2026-11-21')).toEqual({ from: '2026-01-01', to: '2026-11-21' });
  });
  it('typed dates are day first, and the end is not before the start', () => {
    expect(checkPeriod('01/11/2026', '21/11/2026').value).toEqual({ from: '2026-11-01', to: '2026-11-21' });
    expect(checkPeriod('21/11/2026', '01/11/2026').errors.to).toMatch(/Ngày kết thúc/);
    expect(checkPeriod('', '31/02/2026').errors).toHaveProperty('from');
    expect(checkPeriod('', '31/02/2026').errors).toHaveProperty('to');
  });
});
