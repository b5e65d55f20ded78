import { describe, expect, it } from 'vitest';
import { procedureSchema, type Procedure } from '../../../shared/catalogue/schema';
import {
  DEFAULT_POSTAL_TARIFF,
  asciiText,
  crc16CcittFalse,
  feeTotal,
  formatVnd,
  postalCharge,
  procedureFeeLines,
  validateTariff,
  vietQrDescription,
  vietQrPayload,
  vietQrProblems,
  type PostalTariff,
} from '../../../shared/reception/fees';

const ON_TIME = 'Đăng ký khai sinh đúng hạn';
const LATE = 'Đăng ký khai sinh không đúng hạn';
const NO_COPY = 'Không yêu cầu cấp bản sao';
const COPY = 'Mỗi bản sao trích lục';

function procedure(phi: Procedure['phi'], lePhi: Procedure['lePhi']): Procedure {
  return procedureSchema.parse({
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'Cấp Xã',
    agency: 'Ủy ban nhân dân cấp xã',
    bcciReceive: true,
    bcciReturn: true,
    processingDays: 0,
    phi,
    lePhi,
    documents: [],
  });
}

const TIERED = procedure(
  { kind: 'tiers', tiers: [{ label: NO_COPY, amount: 0 }, { label: COPY, amount: 8000 }] },
  { kind: 'tiers', tiers: [{ label: ON_TIME, amount: 0 }, { label: LATE, amount: 8000 }] },
);
const FIXED = procedure({ kind: 'fixed', amount: 0 }, { kind: 'fixed', amount: 50000 });

describe('procedureFeeLines', () => {
  it('fixed fees: a zero fee gives no line, a non-zero one a line on behalf of the agency', () => {
    expect(procedureFeeLines(FIXED, {})).toEqual({
      lines: [{ kind: 'le_phi', label: 'Lệ phí', amount: 50000, fullAmount: 50000, onBehalfOf: 'agency' }],
      errors: [],
    });
  });

  it('tiers are required', () => {
    const r = procedureFeeLines(TIERED, { lePhiTier: LATE });
    expect(r.errors).toEqual(['Chưa chọn mức phí: thủ tục có nhiều mức, hãy chọn một mức.']);
    expect(r.lines).toHaveLength(1);
  });

  it('an unknown tier is an error', () => {
    const r = procedureFeeLines(TIERED, { phiTier: NO_COPY, lePhiTier: 'Quá hạn 10 năm' });
    expect(r.errors).toEqual(['Mức lệ phí "Quá hạn 10 năm" không có trong danh mục của thủ tục.']);
  });

  it('chosen tiers (matched by label, spaces ignored) give a line each, 0 included', () => {
    const r = procedureFeeLines(TIERED, { phiTier: ` ${COPY} `, lePhiTier: ON_TIME });
    expect(r).toEqual({
      errors: [],
      lines: [
        { kind: 'phi', label: `Phí — ${COPY}`, tier: COPY, amount: 8000, fullAmount: 8000, onBehalfOf: 'agency' },
        { kind: 'le_phi', label: `Lệ phí — ${ON_TIME}`, tier: ON_TIME, amount: 0, fullAmount: 0, onBehalfOf: 'agency' },
      ],
    });
    expect(feeTotal(r.lines)).toBe(8000);
  });

  it('an exemption with a reason: amount 0, full amount and reason kept', () => {
    const r = procedureFeeLines(TIERED, { phiTier: COPY, lePhiTier: LATE, exemption: { lePhi: true, reason: 'Hộ nghèo (sổ hộ nghèo số 123)' } });
    expect(r.errors).toEqual([]);
    expect(r.lines[1]).toEqual({
      kind: 'le_phi',
      label: `Lệ phí — ${LATE}`,
      tier: LATE,
      amount: 0,
      fullAmount: 8000,
      onBehalfOf: 'agency',
      exempt: { reason: 'Hộ nghèo (sổ hộ nghèo số 123)' },
    });
    expect(feeTotal(r.lines)).toBe(8000);
  });

  it('an exempt tiered fee needs no tier', () => {
    const r = procedureFeeLines(TIERED, { phiTier: NO_COPY, exemption: { lePhi: true, reason: 'Người khuyết tật' } });
    expect(r.errors).toEqual([]);
    expect(r.lines[1]).toEqual({ kind: 'le_phi', label: 'Lệ phí', amount: 0, onBehalfOf: 'agency', exempt: { reason: 'Người khuyết tật' } });
  });

  it('an exemption without a reason is an error', () => {
    expect(procedureFeeLines(FIXED, { exemption: { lePhi: true, reason: '  ' } }).errors).toEqual([
      'Miễn phí, lệ phí phải ghi lý do miễn (đối tượng, giấy tờ chứng minh).',
    ]);
    // no fee exempted → no reason needed
    expect(procedureFeeLines(FIXED, { exemption: { reason: '' } }).errors).toEqual([]);
  });
});

describe('feeTotal and formatVnd', () => {
  it('sums integer đồng', () => {
    expect(feeTotal([])).toBe(0);
    expect(feeTotal([{ amount: 50000 }, { amount: 26000 }])).toBe(76000);
    expect(() => feeTotal([{ amount: 1.5 }])).toThrow(RangeError);
  });

  it('formats with dots and "đ"', () => {
    expect(formatVnd(50000)).toBe('50.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatVnd(1234567)).toBe('1.234.567 đ');
  });
});

describe('postalCharge', () => {
  const T = DEFAULT_POSTAL_TARIFF;

  it('the default tariff is valid', () => {
    expect(validateTariff(T)).toEqual([]);
  });

  it('charges per zone and weight class; exactly 250 g is in the ≤ 250 g class', () => {
    const r = postalCharge(T, { zoneId: 'noi-tinh', grams: 250, direction: 'send' });
    expect(r).toMatchObject({ amount: T.prices['noi-tinh'].w250, weightClass: { id: 'w250' }, zone: { id: 'noi-tinh' }, direction: 'send' });
    expect(postalCharge(T, { zoneId: 'noi-tinh', grams: 251, direction: 'send' })).toMatchObject({ weightClass: { id: 'w500' }, amount: T.prices['noi-tinh'].w500 });
    expect(postalCharge(T, { zoneId: 'lien-tinh-xa', grams: 1, direction: 'return' })).toMatchObject({ amount: T.prices['lien-tinh-xa'].w250 });
    expect(postalCharge(T, { zoneId: 'lien-tinh-gan', grams: 2000, direction: 'send' })).toMatchObject({ weightClass: { id: 'w2000' }, amount: T.prices['lien-tinh-gan'].w2000 });
  });

  it('heavier than the heaviest class → error', () => {
    expect(postalCharge(T, { zoneId: 'noi-tinh', grams: 2001, direction: 'send' })).toEqual({
      code: 'too_heavy',
      error: 'Bưu gửi 2.001 g nặng hơn nấc cao nhất của bảng cước (2.000 g). Hỏi trưởng bưu cục cách tính cước.',
    });
  });

  it('bad weight, unknown zone, unknown exemption → errors', () => {
    expect(postalCharge(T, { zoneId: 'noi-tinh', grams: 0, direction: 'send' })).toMatchObject({ code: 'weight' });
    expect(postalCharge(T, { zoneId: 'noi-tinh', grams: Number.NaN, direction: 'send' })).toMatchObject({ code: 'weight' });
    expect(postalCharge(T, { zoneId: 'quoc-te', grams: 100, direction: 'send' })).toEqual({
      code: 'zone',
      error: 'Vùng tính cước "quoc-te" không có trong bảng cước.',
    });
    expect(postalCharge(T, { zoneId: 'noi-tinh', grams: 100, direction: 'send', exemptionId: 'x' })).toMatchObject({ code: 'exemption' });
  });

  it('an exemption → 0, with the category name and the full amount', () => {
    expect(postalCharge(T, { zoneId: 'noi-tinh', grams: 300, direction: 'send', exemptionId: 'ho-ngheo' })).toMatchObject({
      amount: 0,
      fullAmount: T.prices['noi-tinh'].w500,
      exempt: 'Người thuộc hộ nghèo',
    });
  });

  it('uses returnPrices for results when the tariff has them', () => {
    const t: PostalTariff = {
      ...T,
      returnPrices: Object.fromEntries(Object.entries(T.prices).map(([z, row]) => [z, Object.fromEntries(Object.entries(row).map(([w, p]) => [w, p + 1000]))])),
    };
    expect(validateTariff(t)).toEqual([]);
    expect(postalCharge(t, { zoneId: 'noi-tinh', grams: 100, direction: 'return' })).toMatchObject({ amount: T.prices['noi-tinh'].w250 + 1000 });
    expect(postalCharge(t, { zoneId: 'noi-tinh', grams: 100, direction: 'send' })).toMatchObject({ amount: T.prices['noi-tinh'].w250 });
  });

  it('a missing price → error, not 0', () => {
    const t: PostalTariff = { ...T, prices: { ...T.prices, 'noi-tinh': { w250: 1 } } };
    expect(postalCharge(t, { zoneId: 'noi-tinh', grams: 400, direction: 'send' })).toMatchObject({ code: 'price' });
  });
});

describe('validateTariff', () => {
  const base: PostalTariff = {
    zones: [{ id: 'a', name: 'Nội tỉnh' }],
    weightClasses: [
      { id: 'w1', maxGrams: 250, name: '≤ 250 g' },
      { id: 'w2', maxGrams: 500, name: '≤ 500 g' },
    ],
    prices: { a: { w1: 10000, w2: 0 } },
    exemptions: [],
  };

  it('accepts a complete table (a price of 0 is allowed)', () => {
    expect(validateTariff(base)).toEqual([]);
  });

  it('missing and negative prices', () => {
    expect(validateTariff({ ...base, prices: { a: { w1: -1 } } })).toEqual([
      'Giá cước vùng "Nội tỉnh", nấc "≤ 250 g" (chiều gửi hồ sơ) phải là số đồng nguyên không âm, đang là "-1".',
      'Thiếu giá cước vùng "Nội tỉnh", nấc "≤ 500 g" (chiều gửi hồ sơ).',
    ]);
  });

  it('classes must ascend', () => {
    const t = { ...base, weightClasses: [base.weightClasses[1], base.weightClasses[0]] };
    expect(validateTariff(t)).toEqual(['Nấc khối lượng "≤ 250 g" (250 g) phải nặng hơn nấc đứng trước (500 g).']);
    expect(validateTariff({ ...base, weightClasses: [base.weightClasses[0], { ...base.weightClasses[1], maxGrams: 250 }] })).toHaveLength(1);
  });

  it('ids must be unique and present; prices must not name undeclared zones or classes', () => {
    const t: PostalTariff = {
      zones: [
        { id: 'a', name: 'Nội tỉnh' },
        { id: 'a', name: 'Trùng' },
      ],
      weightClasses: [{ id: 'w1', maxGrams: 250, name: '≤ 250 g' }],
      prices: { a: { w1: 1, w9: 2 }, b: { w1: 3 } },
      exemptions: [
        { id: '', name: 'Người có công' },
        { id: 'x', name: ' ' },
      ],
    };
    expect(validateTariff(t)).toEqual([
      'Vùng tính cước: mã "a" bị trùng.',
      'Đối tượng miễn cước thứ 1 chưa có mã.',
      'Đối tượng miễn cước "x" chưa có tên.',
      'Bảng giá (chiều gửi hồ sơ) có nấc khối lượng "w9" không được khai báo.',
      'Bảng giá (chiều gửi hồ sơ) có vùng "b" không được khai báo.',
    ]);
  });

  it('empty tariff', () => {
    expect(validateTariff({ zones: [], weightClasses: [], prices: {}, exemptions: [] })).toEqual([
      'Bảng cước chưa có vùng tính cước nào.',
      'Bảng cước chưa có nấc khối lượng nào.',
    ]);
  });
});

/** Splits an EMV TLV string into [id, value] pairs, checking that lengths add up. */
function parseTlv(s: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < s.length) {
    const id = s.slice(i, i + 2);
    const len = s.slice(i + 2, i + 4);
    expect(len).toMatch(/^[0-9]{2}$/);
    const value = s.slice(i + 4, i + 4 + Number(len));
    expect(value).toHaveLength(Number(len));
    out.push([id, value]);
    i += 4 + Number(len);
  }
  return out;
}

describe('VietQR', () => {
  it('CRC-16/CCITT-FALSE check value', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(crc16CcittFalse('')).toBe(0xffff);
  });

  it('CRC of a published VietQR example (subiz/vietqr README, checked independently)', () => {
    const body = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304';
    expect(crc16CcittFalse(body).toString(16).toUpperCase()).toBe('C15C');
  });

  it('reproduces that example byte for byte', () => {
    expect(vietQrPayload({ bankBin: '970415', accountNumber: '0011001932418', amount: 120000, description: 'ủng hộ lũ lụt' })).toBe(
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
    );
  });

  it('structure: ordered tags, two-digit lengths, nested merchant account, CRC over everything including "6304"', () => {
    const p = vietQrPayload({
      bankBin: '970422',
      accountNumber: '123456789',
      amount: 76000,
      description: 'Phí hồ sơ 560000-250601-0001 Đăng ký khai sinh',
      accountName: 'Bưu điện tỉnh Đắk Lắk',
    });
    expect(p).toMatch(/^[\x20-\x7e]+$/);
    const tags = parseTlv(p);
    expect(tags.map(([id]) => id)).toEqual(['00', '01', '38', '53', '54', '58', '59', '62', '63']);
    const m = new Map(tags);
    expect(m.get('00')).toBe('01');
    expect(m.get('01')).toBe('12');
    expect(parseTlv(m.get('38')!)).toEqual([
      ['00', 'A000000727'],
      ['01', '0006970422' + '0109123456789'],
      ['02', 'QRIBFTTA'],
    ]);
    expect(m.get('53')).toBe('704');
    expect(m.get('54')).toBe('76000');
    expect(m.get('58')).toBe('VN');
    expect(m.get('59')).toBe('BUU DIEN TINH DAK LAK');
    expect(parseTlv(m.get('62')!)).toEqual([['08', 'Phi ho so 560000-250601-0']]);
    expect(p.slice(-8, -4)).toBe('6304');
    expect(m.get('63')).toBe(crc16CcittFalse(p.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0'));
  });

  it('description: diacritics stripped, đ → d, symbols dropped, at most 25 characters', () => {
    expect(asciiText('Đăng ký kết hôn — lệ phí: 50.000₫')).toBe('Dang ky ket hon le phi 50.000');
    expect(vietQrDescription('Nộp phí hồ sơ số 560000-250601-0001')).toBe('Nop phi ho so so 560000-2');
    expect(vietQrDescription('Nộp phí hồ sơ số 560000-250601-0001').length).toBeLessThanOrEqual(25);
    // no description → no tag 62
    expect(parseTlv(vietQrPayload({ bankBin: '970415', accountNumber: '1', amount: 1, description: '!!' })).map(([id]) => id)).toEqual([
      '00', '01', '38', '53', '54', '58', '63',
    ]);
  });

  it('rejects bad input with Vietnamese problems; the builder throws on it', () => {
    const bad = { bankBin: '97041', accountNumber: 'số 12', amount: 0, description: 'x' };
    expect(vietQrProblems(bad)).toEqual([
      'Mã BIN ngân hàng phải gồm đúng 6 chữ số (ví dụ 970415).',
      'Số tài khoản nhận chỉ gồm chữ số hoặc chữ cái không dấu, tối đa 19 ký tự.',
      'Số tiền chuyển khoản phải là số đồng nguyên lớn hơn 0.',
    ]);
    expect(() => vietQrPayload(bad)).toThrow(RangeError);
    expect(vietQrProblems({ bankBin: '970415', accountNumber: '1'.repeat(20), amount: 1.5, description: '' })).toHaveLength(2);
  });
});
