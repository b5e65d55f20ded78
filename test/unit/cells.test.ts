import { describe, expect, it } from 'vitest';
import { formatFee, inferForm, parseAmount, parseDays, parseFee, parseKind, parseYesNo } from '../../shared/catalogue/cells';

describe('spreadsheet cells', () => {
  it('reads money the ways provinces write it', () => {
    expect(parseAmount('50.000')).toBe(50000);
    expect(parseAmount('50,000')).toBe(50000);
    expect(parseAmount('50000')).toBe(50000);
    expect(parseAmount('1.250.000 đ')).toBe(1250000);
    expect(parseAmount(135000)).toBe(135000);
    expect(parseAmount('')).toBe(0);
    expect(parseAmount('không')).toBe(0);
    expect(parseAmount('Miễn phí')).toBe(0);
    expect(parseAmount('năm mươi nghìn')).toBeUndefined();
    expect(parseAmount('50.00')).toBeUndefined();
    expect(parseAmount(-5)).toBeUndefined();
  });

  it('reads fee tiers and writes them back the same way', () => {
    const fee = parseFee('Lần đầu: 100.000; Cấp lại: 50.000');
    expect(fee).toEqual({ kind: 'tiers', tiers: [{ label: 'Lần đầu', amount: 100000 }, { label: 'Cấp lại', amount: 50000 }] });
    expect(formatFee(fee!)).toBe('Lần đầu: 100.000; Cấp lại: 50.000');
    expect(parseFee('Lần đầu: nhiều tiền')).toBeUndefined();
    expect(parseFee('abc')).toBeUndefined();
  });

  it('reads yes/no cells', () => {
    for (const v of ['x', 'X', 'có', 'Có', 'yes', '1', 1]) expect(parseYesNo(v)).toBe(true);
    for (const v of ['', 'không', 'Không', 'no', '0', null]) expect(parseYesNo(v)).toBe(false);
    expect(parseYesNo('có lẽ')).toBeUndefined();
  });

  it('reads working days', () => {
    expect(parseDays('15')).toBe(15);
    expect(parseDays(5)).toBe(5);
    expect(parseDays('0,5')).toBe(0.5);
    expect(parseDays('15 ngày làm việc')).toBe(15);
    expect(parseDays('Trong ngày')).toBe(0);
    expect(parseDays('mười lăm')).toBeUndefined();
  });

  it('reads document kinds and infers the form from the wording', () => {
    expect(parseKind('Bắt buộc')).toBe('mandatory');
    expect(parseKind('dieu kien')).toBe('conditional');
    expect(parseKind('Thay thế')).toBe('alternative');
    expect(parseKind('')).toBe('mandatory');
    expect(parseKind('tùy hứng')).toBeUndefined();
    expect(inferForm('Tờ khai', 1, 0)).toBe('original');
    expect(inferForm('Bản sao có chứng thực Giấy khai sinh', 0, 1)).toBe('certified_copy');
    expect(inferForm('Bản sao Giấy CMND kèm bản chính để đối chiếu', 0, 1)).toBe('copy_with_original');
    expect(inferForm('Bản chụp sổ hộ khẩu', 0, 1)).toBe('copy');
  });
});
