import { describe, expect, it } from 'vitest';
import { formatS10, parseS10, s10CheckDigit } from '../../../shared/scan/s10';

/** Independent re-statement of the rule, for property checks. */
function reference(serial: string): number {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * w[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

describe('s10CheckDigit', () => {
  // Sums worked by hand (weights 8 6 4 2 3 5 9 7):
  it.each([
    ['12345678', 5], // 204, mod 11 = 6 → 5  (EA123456785VN)
    ['47312482', 9], // 200, mod 11 = 2 → 9  (RR473124829GB)
    ['00000000', 5], // 0 → 11 → 5           (CP000000005VN — not …0VN)
    ['99999999', 5], // 396, mod 11 = 0 → 5
    ['00000008', 0], // 56, mod 11 = 1 → 10 → 0
    ['00000003', 1], // 21, mod 11 = 10 → 1
    ['10000000', 3], // 8 → 3
    ['00000010', 2], // 9 → 2
  ])('%s → %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });

  it('agrees with the reference on many serials', () => {
    for (let n = 0; n < 100_000_000; n += 999_983) {
      const s = String(n).padStart(8, '0');
      expect(s10CheckDigit(s)).toBe(reference(s));
    }
  });

  it('refuses anything but 8 digits', () => {
    for (const bad of ['1234567', '123456789', '1234567a', '', '１２３４５６７８']) expect(() => s10CheckDigit(bad)).toThrow(RangeError);
  });
});

describe('parseS10', () => {
  it.each(['EA123456785VN', 'RR473124829GB', 'CP000000005VN', 'LX000000080VN'])('accepts %s', (code) => {
    const r = parseS10(code);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.full).toBe(code);
  });

  it('splits the parts', () => {
    expect(parseS10('EA123456785VN')).toEqual({
      ok: true,
      value: { service: 'EA', serial: '12345678', check: 5, country: 'VN', full: 'EA123456785VN' },
    });
  });

  it('upper-cases (Caps Lock inverts a wedge scanner\'s letters) and trims', () => {
    const r = parseS10('  ea123456785vn ');
    expect(r.ok && r.value.full).toBe('EA123456785VN');
  });

  it.each([
    ['EA123456784VN', 5, 4],
    ['RR473124820GB', 9, 0],
    ['CP000000000VN', 5, 0],
    ['EA123456780VN', 5, 0],
  ])('wrong check digit %s: expected %i', (code, expected, found) => {
    expect(parseS10(code)).toEqual({ ok: false, reason: { code: 'check-digit', text: code, expected, found } });
  });

  it.each(['EA12345678VN', 'EA1234567855VN', 'E123456785VN', 'EA123456785V', '1A123456785VN', 'EA12345678XVN', '', 'EA 12345678 5 VN'])(
    'wrong shape: %j',
    (code) => {
      const r = parseS10(code);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.code).toBe('shape');
    },
  );
});

describe('formatS10', () => {
  it('adds the check digit', () => {
    expect(formatS10('EA', '12345678', 'VN')).toBe('EA123456785VN');
    expect(formatS10('rr', '47312482', 'gb')).toBe('RR473124829GB');
    expect(formatS10('CP', '00000000', 'VN')).toBe('CP000000005VN');
  });

  it('round-trips through parseS10', () => {
    for (let n = 0; n < 100_000_000; n += 7_654_321) {
      const code = formatS10('EE', String(n).padStart(8, '0'), 'VN');
      expect(parseS10(code).ok).toBe(true);
    }
  });

  it('refuses malformed parts', () => {
    expect(() => formatS10('E', '12345678', 'VN')).toThrow(RangeError);
    expect(() => formatS10('EA', '1234567', 'VN')).toThrow(RangeError);
    expect(() => formatS10('EA', '12345678', 'VNM')).toThrow(RangeError);
  });
});
