import { describe, expect, it } from 'vitest';
import { isRealDate, parseCccd, vietnamToday, type CccdError } from '../../../shared/scan/cccd';

const TODAY = '2025-06-01';
const ADDRESS = 'Số 12, ngõ 34 Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội';

function qr(fields: Partial<Record<'id' | 'old' | 'name' | 'dob' | 'sex' | 'address' | 'issue', string>> = {}): string {
  const f = { id: '001092012345', old: '123456789', name: 'NGUYỄN VĂN AN', dob: '15061992', sex: 'Nam', address: ADDRESS, issue: '20042021', ...fields };
  return [f.id, f.old, f.name, f.dob, f.sex, f.address, f.issue].join('|');
}

function reason(text: string): CccdError | null {
  const r = parseCccd(text, { today: TODAY });
  return r.ok ? null : r.reason;
}

describe('parseCccd — accepted', () => {
  it('the standard 7 fields', () => {
    expect(parseCccd(qr(), { today: TODAY })).toEqual({
      ok: true,
      layout: 'standard',
      extraFields: 0,
      value: {
        idNumber: '001092012345',
        oldIdNumber: '123456789',
        fullName: 'NGUYỄN VĂN AN',
        dateOfBirth: '1992-06-15',
        sex: 'male',
        address: ADDRESS,
        issueDate: '2021-04-20',
      },
    });
  });

  it('an empty old ID (field kept, empty) — no oldIdNumber in the output', () => {
    const r = parseCccd(qr({ old: '' }), { today: TODAY });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).not.toHaveProperty('oldIdNumber');
      expect(r.value.fullName).toBe('NGUYỄN VĂN AN');
      expect(r.layout).toBe('standard');
    }
  });

  it('the 6-field variant with the old-ID field omitted (unambiguous: field 2 is a name)', () => {
    const text = ['079303001234', 'Trần Thị Bích Ngọc', '02012003', 'Nữ', 'Phường Bến Nghé, TP. Hồ Chí Minh', '10082021'].join('|');
    const r = parseCccd(text, { today: TODAY });
    expect(r).toMatchObject({ ok: true, layout: 'old-id-omitted', value: { idNumber: '079303001234', fullName: 'Trần Thị Bích Ngọc', sex: 'female', dateOfBirth: '2003-01-02', issueDate: '2021-08-10' } });
    if (r.ok) expect(r.value).not.toHaveProperty('oldIdNumber');
  });

  it('extra trailing fields when the first 7 are valid', () => {
    const r = parseCccd(`${qr({ old: '' })}|Nguyễn Văn Bố|Lê Thị Mẹ|`, { today: TODAY });
    expect(r).toMatchObject({ ok: true, layout: 'standard', extraFields: 3, value: { fullName: 'NGUYỄN VĂN AN', issueDate: '2021-04-20' } });
  });

  it('a Vietnamese name in NFD, with stray spaces → NFC, single spaces', () => {
    const nfd = '  Nguyễn   Thị\tHồng  Nhung '.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const r = parseCccd(qr({ name: nfd, address: ` ${ADDRESS.normalize('NFD')}  ` }), { today: TODAY });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.fullName).toBe('Nguyễn Thị Hồng Nhung');
      expect(r.value.fullName).toBe(r.value.fullName.normalize('NFC'));
      expect(r.value.address).toBe(ADDRESS);
    }
  });

  it.each([
    ['Nam', 'male'],
    ['NAM', 'male'],
    ['nam', 'male'],
    ['Nữ', 'female'],
    ['NỮ', 'female'],
    ['Nữ'.normalize('NFD'), 'female'],
    ['Nu', 'female'],
    ['NU', 'female'],
    [' Nữ ', 'female'],
  ])('sex %j → %s', (sex, expected) => {
    const r = parseCccd(qr({ sex }), { today: TODAY });
    expect(r.ok && r.value.sex).toBe(expected);
  });

  it('29 February of a leap year; dates up to today', () => {
    expect(parseCccd(qr({ dob: '29022000', issue: '01062025' }), { today: TODAY }).ok).toBe(true);
  });

  it('"today" defaults to the date in Vietnam (UTC+7)', () => {
    expect(vietnamToday(new Date('2025-01-01T17:30:00Z'))).toBe('2025-01-02');
    expect(vietnamToday(new Date('2025-01-01T16:59:00Z'))).toBe('2025-01-01');
    // issued "today" in Hanoi while it is still yesterday in UTC
    expect(parseCccd(qr({ issue: '02012025' }), { now: new Date('2025-01-01T17:30:00Z') }).ok).toBe(true);
    expect(parseCccd(qr({ issue: '02012025' }), { now: new Date('2025-01-01T16:30:00Z') }).ok).toBe(false);
  });
});

describe('parseCccd — rejected with a precise reason', () => {
  it.each([
    ['001092012345|123456789|NGUYỄN VĂN AN|15061992|Nam', { code: 'field-count', count: 5 }],
    // 6 fields but field 1 is an old ID: the issue date is missing — cannot tell, reject
    [['001092012345', '123456789', 'NGUYỄN VĂN AN', '15061992', 'Nam', ADDRESS].join('|'), { code: 'field-count', count: 6 }],
    [['001092012345', '', 'NGUYỄN VĂN AN', '15061992', 'Nam', ADDRESS].join('|'), { code: 'field-count', count: 6 }],
    ['a|b', { code: 'field-count', count: 2 }],
    ['||||||', { code: 'id-number', value: '' }],
  ])('garbage / wrong field count %j', (text, expected) => {
    expect(reason(text)).toEqual(expected);
  });

  it.each(['00109201234', '0010920123456', '00109201234A', '００１０９２０１２３４５'])('ID number %j', (id) => {
    expect(reason(qr({ id }))).toEqual({ code: 'id-number', value: id });
  });

  it.each(['12345678', '1234567890', '001092012345', '12345678X'])('old ID %j', (old) => {
    expect(reason(qr({ old }))).toEqual({ code: 'old-id-number', value: old });
  });

  it('7+ fields with the old ID missing is not "corrected": the name sits in the old-ID field', () => {
    const text = ['001092012345', 'NGUYỄN VĂN AN', '15061992', 'Nam', ADDRESS, '20042021', 'extra'].join('|');
    expect(reason(text)).toEqual({ code: 'old-id-number', value: 'NGUYỄN VĂN AN' });
  });

  it('an empty or numeric name', () => {
    expect(reason(qr({ name: '   ' }))).toEqual({ code: 'name-empty' });
    expect(reason(qr({ name: 'NGUYEN VAN 4N' }))).toEqual({ code: 'name-invalid', value: 'NGUYEN VAN 4N' });
  });

  it.each([
    ['31021990', 'date-nonexistent'],
    ['29021900', 'date-nonexistent'], // 1900 was not a leap year
    ['00011990', 'date-nonexistent'],
    ['15131990', 'date-nonexistent'],
    ['1990-02-01', 'date-shape'],
    ['1561992', 'date-shape'],
    ['', 'date-shape'],
    ['01011899', 'date-too-old'],
    ['02062025', 'date-future'],
    ['01012099', 'date-future'],
  ])('date of birth %j → %s', (dob, code) => {
    expect(reason(qr({ dob }))).toEqual({ code, field: 'dateOfBirth', value: dob });
  });

  it.each([
    ['30022021', 'date-nonexistent'],
    ['02062025', 'date-future'],
    ['2021', 'date-shape'],
  ])('issue date %j → %s', (issue, code) => {
    expect(reason(qr({ issue }))).toEqual({ code, field: 'issueDate', value: issue });
  });

  it('issue date not after the date of birth', () => {
    expect(reason(qr({ dob: '15061992', issue: '14061992' }))).toEqual({ code: 'issue-not-after-birth', issueDate: '14061992', dateOfBirth: '15061992' });
    expect(reason(qr({ dob: '15061992', issue: '15061992' }))).toEqual({ code: 'issue-not-after-birth', issueDate: '15061992', dateOfBirth: '15061992' });
  });

  it.each(['Male', 'N', '', 'Nú', 'Khác', '1'])('sex %j', (sex) => {
    expect(reason(qr({ sex }))).toEqual({ code: 'sex', value: sex.trim() });
  });

  it('an empty address', () => {
    expect(reason(qr({ address: ' ' }))).toEqual({ code: 'address-empty' });
  });

  it('undecodable bytes (U+FFFD) anywhere', () => {
    expect(reason(qr({ name: 'NGUY\uFFFDN VĂN AN' }))).toEqual({ code: 'encoding' });
  });

  it('extra fields never rescue invalid first 7', () => {
    expect(reason(`${qr({ dob: '31021990' })}|x|y`)).toEqual({ code: 'date-nonexistent', field: 'dateOfBirth', value: '31021990' });
  });
});

describe('isRealDate', () => {
  it('knows the calendar', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2100, 2, 29)).toBe(false);
    expect(isRealDate(2024, 4, 31)).toBe(false);
    expect(isRealDate(2024, 12, 31)).toBe(true);
    expect(isRealDate(2024, 0, 1)).toBe(false);
    expect(isRealDate(50, 1, 1)).toBe(true);
  });
});
