import { describe, expect, it } from 'vitest';
import {
  DOSSIER_SEQUENCE_MAX,
  formatDossierCode,
  nextS10FromRange,
  parseDossierCode,
  rangeRemaining,
  validateS10Range,
  type S10Range,
} from '../../../shared/reception/codes';
import { classifyScan } from '../../../shared/scan/classify';
import { parseS10 } from '../../../shared/scan/s10';

describe('formatDossierCode', () => {
  it('point code, yymmdd, 4-digit zero-padded sequence', () => {
    expect(formatDossierCode('560000', '2025-06-01', 1)).toBe('560000-250601-0001');
    expect(formatDossierCode('000.00.53.H48', '2022-09-21', 99)).toBe('000.00.53.H48-220921-0099');
    expect(formatDossierCode('bd-vhx-01', '2026-12-31', 9999)).toBe('BD-VHX-01-261231-9999');
  });

  it('refuses a sequence outside 1…9999 (never widened to 5 digits)', () => {
    expect(DOSSIER_SEQUENCE_MAX).toBe(9999);
    expect(() => formatDossierCode('560000', '2025-06-01', 10000)).toThrow(RangeError);
    expect(() => formatDossierCode('560000', '2025-06-01', 0)).toThrow(RangeError);
    expect(() => formatDossierCode('560000', '2025-06-01', 1.5)).toThrow(RangeError);
  });

  it('refuses bad dates and point codes', () => {
    expect(() => formatDossierCode('560000', '2025-02-29', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('560000', '1999-12-31', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('560000', '01/06/2025', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('5', '2025-06-01', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('BƯU ĐIỆN', '2025-06-01', 1)).toThrow(RangeError);
  });

  it('what it formats, the scanner recognises', () => {
    const code = formatDossierCode('BC560100', '2024-02-29', 7);
    expect(classifyScan(code)).toEqual({ kind: 'dossier', code, pointCode: 'BC560100', date: '2024-02-29', sequence: '0007' });
  });
});

describe('parseDossierCode', () => {
  it('round-trips, with a point code containing dashes and dots', () => {
    expect(parseDossierCode(' bd-vhx-01-261231-0042 ')).toEqual({
      ok: true,
      value: { code: 'BD-VHX-01-261231-0042', pointCode: 'BD-VHX-01', date: '2026-12-31', sequence: 42 },
    });
    expect(parseDossierCode('000.00.53.H48-220921-0099')).toMatchObject({ ok: true, value: { pointCode: '000.00.53.H48', sequence: 99 } });
  });

  it('errors', () => {
    expect(parseDossierCode('560000-250601-12345')).toEqual({
      ok: false,
      code: 'shape',
      error: 'Mã hồ sơ "560000-250601-12345" không đúng dạng <mã điểm>-<yymmdd>-<NNNN> (ví dụ 560000-250601-0001).',
    });
    expect(parseDossierCode('560000-250230-0001')).toMatchObject({ ok: false, code: 'date' });
    expect(parseDossierCode('5-250601-0001')).toMatchObject({ ok: false, code: 'point-code' });
    expect(parseDossierCode('560000-250601-0000')).toMatchObject({ ok: false, code: 'sequence' });
    expect(parseDossierCode('')).toMatchObject({ ok: false, code: 'shape' });
  });
});

describe('S10 ranges', () => {
  const RANGE: S10Range = { prefix: 'EA', country: 'VN', start: 12345000, end: 12345999 };

  it('first number of a fresh range, with its check digit', () => {
    const r = nextS10FromRange(RANGE, null);
    expect(r).toEqual({ ok: true, serial: 12345000, itemNumber: 'EA123450005VN', check: 5, remaining: 999 });
    expect(r.ok && parseS10(r.itemNumber).ok).toBe(true);
  });

  it('next after the last used', () => {
    expect(nextS10FromRange({ ...RANGE, start: 12345600 }, 12345677)).toMatchObject({ ok: true, serial: 12345678, itemNumber: 'EA123456785VN', check: 5 });
    expect(nextS10FromRange(RANGE, 12345998)).toMatchObject({ ok: true, serial: 12345999, remaining: 0 });
  });

  it('check digits: 10 → 0, 11 → 5 (every number produced parses)', () => {
    for (let last = RANGE.start; last < RANGE.start + 60; last++) {
      const r = nextS10FromRange(RANGE, last);
      expect(r.ok).toBe(true);
      if (r.ok) expect(parseS10(r.itemNumber)).toMatchObject({ ok: true, value: { serial: String(r.serial), check: r.check } });
    }
    // 12345000: weighted sum ≡ 0 (mod 11) → 11 → 5; 12345008: sum ≡ 1 → 10 → 0
    expect(nextS10FromRange(RANGE, null)).toMatchObject({ itemNumber: 'EA123450005VN', check: 5 });
    expect(nextS10FromRange(RANGE, 12345007)).toMatchObject({ itemNumber: 'EA123450080VN', check: 0 });
  });

  it('exhausted range → error', () => {
    expect(nextS10FromRange(RANGE, 12345999)).toEqual({
      ok: false,
      code: 'exhausted',
      error: 'Dải số hiệu bưu gửi 12345000–12345999 đã dùng hết. Đề nghị trưởng bưu cục nhập dải số mới do Bưu điện cấp.',
    });
  });

  it('a last-used serial outside the range → error (never guess)', () => {
    expect(nextS10FromRange(RANGE, 12344999)).toMatchObject({ ok: false, code: 'last-used' });
    expect(nextS10FromRange(RANGE, 12346000)).toMatchObject({ ok: false, code: 'last-used' });
  });

  it('an invalid range → error', () => {
    expect(nextS10FromRange({ ...RANGE, prefix: 'E1' }, null)).toMatchObject({ ok: false, code: 'range' });
    expect(validateS10Range({ prefix: 'ea', country: 'VNM', start: 5, end: 4 })).toEqual([
      'Mã dịch vụ "ea" phải gồm 2 chữ cái in hoa (ví dụ EA).',
      'Mã nước "VNM" phải gồm 2 chữ cái in hoa (ví dụ VN).',
      'Số đầu dải 00000005 lớn hơn số cuối dải 00000004.',
    ]);
    expect(validateS10Range({ ...RANGE, end: 100_000_000 })).toHaveLength(1);
    expect(validateS10Range(RANGE)).toEqual([]);
  });

  it('rangeRemaining', () => {
    expect(rangeRemaining(RANGE, null)).toBe(1000);
    expect(rangeRemaining(RANGE, 12345000)).toBe(999);
    expect(rangeRemaining(RANGE, 12345998)).toBe(1);
    expect(rangeRemaining(RANGE, 12345999)).toBe(0);
    expect(rangeRemaining(RANGE, 99999999)).toBe(0);
    expect(rangeRemaining(RANGE, 1)).toBe(1000);
  });
});
