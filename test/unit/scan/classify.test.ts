import { describe, expect, it } from 'vitest';
import { classifyScan, cleanScan, scanMessage, unknownScan, type ScanResult } from '../../../shared/scan/classify';

const TODAY = '2025-06-01';
const CCCD = '001092012345||Nguyễn Văn An|15061992|Nam|Phường Hoàn Kiếm, Hà Nội|20042021';

function classify(raw: string, pointCodes?: string[]): ScanResult {
  return classifyScan(raw, { today: TODAY, pointCodes });
}

describe('classifyScan — valid kinds', () => {
  it('CCCD (with the scanner suffix and a stray control character stripped)', () => {
    const r = classify(`${CCCD}\r\n`);
    expect(r).toMatchObject({ kind: 'cccd', layout: 'standard', value: { idNumber: '001092012345', fullName: 'Nguyễn Văn An', sex: 'male' } });
    expect(scanMessage(r)).toBe('Đã đọc CCCD số 001092012345 — Nguyễn Văn An.');
  });

  it('S10', () => {
    const r = classify('EA123456785VN\r');
    expect(r).toEqual({ kind: 's10', value: { service: 'EA', serial: '12345678', check: 5, country: 'VN', full: 'EA123456785VN' } });
    expect(scanMessage(r)).toBe('Mã bưu gửi EA123456785VN.');
    expect(classify('\u0002rr473124829gb\u0003')).toMatchObject({ kind: 's10', value: { full: 'RR473124829GB' } });
  });

  it.each([
    ['000.00.53.H48-220921-0099', '000.00.53.H48', '2022-09-21', '0099'],
    ['560000-250601-0001', '560000', '2025-06-01', '0001'],
    ['BD-VHX-01-240229-1234', 'BD-VHX-01', '2024-02-29', '1234'],
    ['bd-vhx-01-240229-1234', 'BD-VHX-01', '2024-02-29', '1234'],
  ])('dossier %s', (raw, pointCode, date, sequence) => {
    const r = classify(raw);
    expect(r).toEqual({ kind: 'dossier', code: raw.toUpperCase(), pointCode, date, sequence });
    expect(scanMessage(r)).toBe(`Mã hồ sơ ${raw.toUpperCase()}.`);
  });

  it('dossier against a list of known point codes', () => {
    expect(classify('560000-250601-0001', ['560000', 'BD-VHX-01'])).toMatchObject({ kind: 'dossier' });
    const r = classify('570000-250601-0001', ['560000']);
    expect(r).toMatchObject({ kind: 'invalid', expected: 'dossier', reason: { code: 'unknown-point', value: '570000' } });
    expect(scanMessage(r)).toBe('Mã hồ sơ 570000-250601-0001 không hợp lệ: mã đơn vị 570000 không có trong danh sách.');
  });

  it.each(['1.001193', '2.001263', '3.000181', '1.001612.000.00.00.H48', '1.001612.abc'])('procedure %s', (code) => {
    const r = classify(` ${code}\n`);
    expect(r).toEqual({ kind: 'procedure', code });
    expect(scanMessage(r)).toBe(`Mã thủ tục ${code}.`);
  });
});

describe('classifyScan — invalid (looks like a kind, fails its rules)', () => {
  it('S10 with a wrong check digit', () => {
    const r = classify('EA123456784VN\r');
    expect(r).toMatchObject({ kind: 'invalid', expected: 's10', reason: { code: 'check-digit', expected: 5, found: 4 } });
    expect(scanMessage(r)).toBe('Mã bưu gửi EA123456784VN sai số kiểm tra (đúng phải là 5).');
    expect(scanMessage(classify('CP000000000VN'))).toBe('Mã bưu gửi CP000000000VN sai số kiểm tra (đúng phải là 5).');
  });

  it('S10-like with the wrong number of digits', () => {
    const r = classify('EA12345678VN');
    expect(r).toMatchObject({ kind: 'invalid', expected: 's10', reason: { code: 'shape' } });
    expect(scanMessage(r)).toMatch(/^Mã bưu gửi EA12345678VN không đúng dạng/);
  });

  it('CCCD with a date that does not exist', () => {
    const r = classify(CCCD.replace('15061992', '31021990'));
    expect(r).toMatchObject({ kind: 'invalid', expected: 'cccd', reason: { code: 'date-nonexistent', field: 'dateOfBirth' } });
    expect(scanMessage(r)).toBe('Mã QR CCCD không hợp lệ: ngày sinh 31/02/1990 không tồn tại.');
  });

  it.each([
    [CCCD.replace('20042021', '02062025'), 'Mã QR CCCD không hợp lệ: ngày cấp 02/06/2025 ở tương lai.'],
    [CCCD.replace('|Nam|', '|Male|'), 'Mã QR CCCD không hợp lệ: giới tính "Male" phải là Nam hoặc Nữ.'],
    [CCCD.replace('001092012345', '00109201234'), 'Mã QR CCCD không hợp lệ: số CCCD "00109201234" phải gồm đúng 12 chữ số.'],
    ['a|b|c', 'Mã QR CCCD không hợp lệ: có 3 trường, cần 7 trường ngăn cách bởi dấu |.'],
    [CCCD.replace('20042021', '14061992'), 'Mã QR CCCD không hợp lệ: ngày cấp 14/06/1992 không sau ngày sinh 15/06/1992.'],
    [CCCD.replace('|Nguyễn Văn An|', '||'), 'Mã QR CCCD không hợp lệ: thiếu họ và tên.'],
  ])('CCCD message for %j', (raw, message) => {
    const r = classify(raw);
    expect(r.kind).toBe('invalid');
    expect(scanMessage(r)).toBe(message);
  });

  it.each([
    ['560000-220230-0001', { code: 'date', value: '220230' }, 'Mã hồ sơ 560000-220230-0001 không hợp lệ: ngày 220230 (yymmdd) không tồn tại.'],
    ['A-220921-0001', { code: 'point-code', value: 'A' }, null],
    ['A_B-220921-0001', { code: 'point-code', value: 'A_B' }, null],
    ['ABCDEFGHIJKLMNOPQRSTU-220921-0001', { code: 'point-code', value: 'ABCDEFGHIJKLMNOPQRSTU' }, null],
  ])('dossier %s', (raw, reason, message) => {
    const r = classify(raw);
    expect(r).toMatchObject({ kind: 'invalid', expected: 'dossier', reason });
    if (message) expect(scanMessage(r)).toBe(message);
  });

  it.each(['1.00119', '1.0011934', '1.001193.', '1.001612..H48'])('procedure-like %s', (raw) => {
    const r = classify(raw);
    expect(r).toMatchObject({ kind: 'invalid', expected: 'procedure', reason: { code: 'shape' } });
    expect(scanMessage(r)).toBe(`Mã thủ tục ${raw} không đúng dạng (ví dụ 1.001193 hoặc 1.001612.000.00.00.H48).`);
  });
});

describe('classifyScan — unknown', () => {
  it('unrecognised text', () => {
    const r = classify('hello world\r');
    expect(r).toEqual({ kind: 'unknown', raw: 'hello world', reason: 'unrecognized' });
    expect(scanMessage(r)).toBe('Không nhận ra mã vừa quét: "hello world" không phải CCCD, mã bưu gửi, mã hồ sơ hay mã thủ tục.');
  });

  it('empty, or only control characters', () => {
    for (const raw of ['', '\r\n', '\u0000\u0013\t', '   ']) expect(classify(raw)).toMatchObject({ kind: 'unknown', reason: 'empty' });
    expect(scanMessage(classify('\r'))).toBe('Không nhận ra mã vừa quét: mã rỗng (máy quét chỉ gửi ký tự kết thúc).');
  });

  it('undecodable bytes — even with "|" in them', () => {
    const r = classify('\uFFFD\u0000\u0013xyz');
    expect(r).toEqual({ kind: 'unknown', raw: '\uFFFDxyz', reason: 'encoding' });
    expect(scanMessage(r)).toMatch(/^Không nhận ra mã vừa quét: dữ liệu hỏng hoặc không phải văn bản UTF-8/);
    expect(classify(CCCD.replace('Văn', 'V\uFFFDn'))).toMatchObject({ kind: 'unknown', reason: 'encoding' });
  });

  it('too long; long previews are cut', () => {
    const r = classify('x'.repeat(5000));
    expect(r).toMatchObject({ kind: 'unknown', reason: 'too-long', length: 5000 });
    expect(scanMessage(classify('y'.repeat(100)))).toContain(`"${'y'.repeat(40)}…"`);
  });

  it('transport-level unknowns', () => {
    expect(scanMessage(unknownScan('EA12345', 'incomplete', { suffix: 'CR' }))).toBe(
      'Không nhận ra mã vừa quét: dữ liệu không kết thúc bằng ký tự CR như đã cấu hình ("EA12345"). Kiểm tra cấu hình hậu tố của máy quét.',
    );
    expect(scanMessage(unknownScan('zzz', 'too-long', { length: 9000 }))).toBe(
      'Không nhận ra mã vừa quét: dữ liệu quá dài (9000 byte). Có thể máy quét không gửi ký tự kết thúc.',
    );
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [undefined, null, 42, {}, '\uD800', '|'.repeat(10_000), '\u0000'.repeat(100)];
    for (let i = 0; i < 300; i++) inputs.push(String.fromCharCode(...Array.from({ length: 1 + (i % 40) }, (_, j) => (i * 7919 + j * 104729) % 0x3000)));
    for (const raw of inputs) {
      const r = classifyScan(raw as string);
      expect(typeof scanMessage(r)).toBe('string');
    }
  });
});

describe('cleanScan', () => {
  it('strips control characters, BOM and the suffix; keeps Vietnamese', () => {
    expect(cleanScan('\uFEFF\u0002Nguyễn\u0000 Văn\u0085 An\r\n')).toBe('Nguyễn Văn An');
  });
});
