import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  checkAdjustments,
  DEFAULT_HOLIDAY_RULES,
  expectedResultDate,
  vietnamPublicHolidays,
  weekdayName,
  wholeWorkingDays,
  WorkingCalendar,
  type CalendarAdjustment,
} from '../../../shared/reception/calendar';
import { jdFromDate, jdToDate, leapMonthOf, lunarToSolar, lunarYearMonths, solarToLunar } from '../../../shared/reception/lunar';

const iso = ({ y, m, d }: { y: number; m: number; d: number }): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('lunar calendar', () => {
  it('puts Tết (1/1 lunar) on the documented dates', () => {
    const tet: Record<number, string> = {
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2029: '2029-02-13',
      // The new moon is at 23:07 on 2 February in Vietnam (UTC+7) and 00:07 on 3 February in China
      // (UTC+8): Chinese New Year 2030 is 3 February, Tết Canh Tuất is 2 February.
      2030: '2030-02-02',
    };
    for (const [year, date] of Object.entries(tet)) {
      expect(iso(lunarToSolar(Number(year), 1, 1)), `Tết ${year}`).toBe(date);
      expect(solarToLunar(...(date.split('-').map(Number) as [number, number, number]))).toEqual({
        year: Number(year),
        month: 1,
        day: 1,
        leap: false,
      });
    }
  });

  it('follows Vietnam, not China, where the time zone moves the new moon', () => {
    expect(iso(lunarToSolar(1968, 1, 1))).toBe('1968-01-29'); // China: 30 January
    expect(iso(lunarToSolar(1985, 1, 1))).toBe('1985-01-21'); // China: 20 February
    expect(iso(lunarToSolar(2007, 1, 1))).toBe('2007-02-17'); // China: 18 February
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 lunar) on the documented dates', () => {
    expect(iso(lunarToSolar(2023, 3, 10))).toBe('2023-04-29'); // after leap month 2
    expect(iso(lunarToSolar(2024, 3, 10))).toBe('2024-04-18');
    expect(iso(lunarToSolar(2025, 3, 10))).toBe('2025-04-07');
    expect(iso(lunarToSolar(2026, 3, 10))).toBe('2026-04-26');
  });

  it('finds the leap months', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2028)).toBe(5);
    expect(leapMonthOf(2033)).toBe(11);
    expect(solarToLunar(2023, 3, 22)).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar(2023, 3, 21)).toEqual({ year: 2023, month: 2, day: 30, leap: false });
    expect(solarToLunar(2025, 6, 25)).toEqual({ year: 2025, month: 6, day: 1, leap: false });
    expect(solarToLunar(2025, 7, 25)).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar(2025, 8, 23)).toEqual({ year: 2025, month: 7, day: 1, leap: false });
    expect(iso(lunarToSolar(2025, 6, 1, true))).toBe('2025-07-25');
    expect(iso(lunarToSolar(2025, 6, 1))).toBe('2025-06-25');
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar(2024, 6, 1, true)).toThrow(RangeError); // 2024 has no leap month
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError); // its leap month is 6
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError); // tháng Chạp Ất Tỵ has 29 days
    expect(iso(lunarToSolar(2025, 12, 29))).toBe('2026-02-16');
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => solarToLunar(2025, 2, 29)).toThrow(RangeError);
    expect(() => solarToLunar(1899, 12, 31)).toThrow(RangeError);
    expect(() => solarToLunar(2200, 1, 1)).toThrow(RangeError);
  });

  it('round-trips every day of 2024–2030 and walks the lunar days without gaps', () => {
    const first = jdFromDate(2024, 1, 1);
    const last = jdFromDate(2030, 12, 31);
    let previous = solarToLunar(2023, 12, 31);
    for (let jd = first; jd <= last; jd++) {
      const solar = jdToDate(jd);
      const lunar = solarToLunar(solar.y, solar.m, solar.d);
      expect(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap)).toEqual(solar);
      if (lunar.day !== 1) {
        expect({ ...lunar, day: lunar.day - 1 }).toEqual(previous);
      } else {
        expect(previous.day === 29 || previous.day === 30).toBe(true);
        const nextMonth = previous.month === 12 ? 1 : previous.month + 1;
        const sameNumberLeap = lunar.leap && lunar.month === previous.month && !previous.leap;
        expect(sameNumberLeap || (!lunar.leap && lunar.month === nextMonth)).toBe(true);
        expect(lunar.year).toBe(lunar.month === 1 && !lunar.leap ? previous.year + 1 : previous.year);
      }
      previous = lunar;
    }
  });

  it('is sane for every year 1900–2199', () => {
    for (let year = 1900; year <= 2199; year++) {
      const months = lunarYearMonths(year);
      expect([12, 13]).toContain(months.length);
      expect(months.filter((m) => m.leap).length).toBe(months.length - 12);
      for (const m of months) expect([29, 30]).toContain(m.length);
      const tet = lunarToSolar(year, 1, 1);
      const tetKey = tet.m * 100 + tet.d;
      expect(tet.y).toBe(year);
      expect(tetKey >= 121 && tetKey <= 220, `Tết ${year} on ${iso(tet)}`).toBe(true);
    }
    expect(solarToLunar(1900, 1, 1)).toMatchObject({ year: 1899, month: 12 });
    expect(solarToLunar(1900, 1, 31)).toEqual({ year: 1900, month: 1, day: 1, leap: false });
  });
});

describe('public holidays', () => {
  const list = (year: number, rules?: Parameters<typeof vietnamPublicHolidays>[1]) =>
    vietnamPublicHolidays(year, rules).map((h) => `${h.date} ${h.kind === 'compensatory' ? '+' : ' '} ${h.name}`);

  it('lists 2026 under the default rules', () => {
    expect(list(2026)).toEqual([
      '2026-01-01   Tết Dương lịch',
      '2026-02-15   Tết Nguyên đán', // Sunday, 28 tháng Chạp
      '2026-02-16   Tết Nguyên đán', // 29 tháng Chạp, the last day of Ất Tỵ
      '2026-02-17   Tết Nguyên đán',
      '2026-02-18   Tết Nguyên đán',
      '2026-02-19   Tết Nguyên đán',
      '2026-02-20 + Nghỉ bù Tết Nguyên đán',
      '2026-04-26   Giỗ Tổ Hùng Vương', // Sunday
      '2026-04-27 + Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-30   Ngày Giải phóng miền Nam',
      '2026-05-01   Quốc tế Lao động',
      '2026-09-01   Quốc khánh',
      '2026-09-02   Quốc khánh',
    ]);
    const tet = vietnamPublicHolidays(2026).filter((h) => h.name === 'Tết Nguyên đán').map((h) => h.detail);
    expect(tet).toEqual(['28 tháng Chạp', '29 tháng Chạp', 'Mùng 1 Tết', 'Mùng 2 Tết', 'Mùng 3 Tết']);
  });

  it('lists 2027 under the default rules', () => {
    expect(list(2027)).toEqual([
      '2027-01-01   Tết Dương lịch',
      '2027-02-04   Tết Nguyên đán',
      '2027-02-05   Tết Nguyên đán',
      '2027-02-06   Tết Nguyên đán', // Saturday, mùng 1
      '2027-02-07   Tết Nguyên đán', // Sunday
      '2027-02-08   Tết Nguyên đán',
      '2027-02-09 + Nghỉ bù Tết Nguyên đán',
      '2027-02-10 + Nghỉ bù Tết Nguyên đán',
      '2027-04-16   Giỗ Tổ Hùng Vương',
      '2027-04-30   Ngày Giải phóng miền Nam',
      '2027-05-01   Quốc tế Lao động', // Saturday
      '2027-05-03 + Nghỉ bù Quốc tế Lao động',
      '2027-09-01   Quốc khánh',
      '2027-09-02   Quốc khánh',
    ]);
  });

  it('lists 2028 under the default rules', () => {
    expect(list(2028)).toEqual([
      '2028-01-01   Tết Dương lịch', // Saturday
      '2028-01-03 + Nghỉ bù Tết Dương lịch',
      '2028-01-24   Tết Nguyên đán',
      '2028-01-25   Tết Nguyên đán',
      '2028-01-26   Tết Nguyên đán',
      '2028-01-27   Tết Nguyên đán',
      '2028-01-28   Tết Nguyên đán',
      '2028-04-04   Giỗ Tổ Hùng Vương',
      '2028-04-30   Ngày Giải phóng miền Nam', // Sunday
      '2028-05-01   Quốc tế Lao động',
      '2028-05-02 + Nghỉ bù Ngày Giải phóng miền Nam',
      '2028-09-01   Quốc khánh',
      '2028-09-02   Quốc khánh', // Saturday
      '2028-09-04 + Nghỉ bù Quốc khánh',
    ]);
  });

  it('gives the weekdays off that the published Tết decisions gave', () => {
    const calendar = new WorkingCalendar();
    const tetWeekdaysOff = (from: string, to: string) =>
      calendar.holidaysBetween(from, to).filter((d) => !['Thứ Bảy', 'Chủ nhật'].includes(weekdayName(d.date))).map((d) => d.date);
    expect(tetWeekdaysOff('2020-01-15', '2020-02-10')).toEqual(['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29']);
    expect(tetWeekdaysOff('2023-01-10', '2023-02-10')).toEqual(['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']);
    expect(tetWeekdaysOff('2024-02-01', '2024-02-28')).toEqual(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']);
    expect(tetWeekdaysOff('2025-01-20', '2025-02-10')).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(tetWeekdaysOff('2026-02-01', '2026-02-28')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('takes another Tết span, the day after 2/9, no compensation, per-year choices', () => {
    const oneBeforeThreeAfter = { tetDaysBefore: 1, tetDaysAfter: 3 };
    const tetDays = (year: number, rules: Parameters<typeof vietnamPublicHolidays>[1]) =>
      vietnamPublicHolidays(year, rules).filter((h) => h.name.includes('Tết Nguyên đán')).map((h) => h.date);
    expect(tetDays(2026, oneBeforeThreeAfter)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tetDays(2027, oneBeforeThreeAfter)).toEqual([
      ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
      ...['2027-02-10', '2027-02-11'], // compensation for Saturday and Sunday
    ]);
    expect(tetDays(2028, oneBeforeThreeAfter)).toEqual([
      ...['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29'],
      '2028-01-31',
    ]);
    expect(tetDays(2027, { ...oneBeforeThreeAfter, weekendCompensation: false })).toHaveLength(5);

    const after = vietnamPublicHolidays(2026, { nationalDayExtra: 'after' }).filter((h) => h.name === 'Quốc khánh');
    expect(after.map((h) => [h.date, h.detail])).toEqual([
      ['2026-09-02', '02/9'],
      ['2026-09-03', 'Ngày liền sau 2/9'],
    ]);

    const byYear = { byYear: { 2027: { tetDaysBefore: 1, tetDaysAfter: 3 } } };
    expect(tetDays(2027, byYear)[0]).toBe('2027-02-05');
    expect(tetDays(2028, byYear)[0]).toBe('2028-01-24');
    expect(DEFAULT_HOLIDAY_RULES).toMatchObject({ tetDaysBefore: 2, tetDaysAfter: 2, nationalDayExtra: 'before', weekendCompensation: true });
  });

  it('takes holidays a later law adds, solar or lunar, from a given year', () => {
    const rules = {
      extraSolar: [{ month: 11, day: 24, name: 'Ngày lễ thử nghiệm', fromYear: 2027 }],
      extraLunar: [{ month: 8, day: 15, name: 'Tết Trung thu (thử)', toYear: 2026 }],
    };
    expect(vietnamPublicHolidays(2026, rules).map((h) => h.name)).not.toContain('Ngày lễ thử nghiệm');
    expect(vietnamPublicHolidays(2027, rules).find((h) => h.name === 'Ngày lễ thử nghiệm')?.date).toBe('2027-11-24');
    expect(vietnamPublicHolidays(2026, rules).find((h) => h.name === 'Tết Trung thu (thử)')?.date).toBe(iso(lunarToSolar(2026, 8, 15)));
    expect(vietnamPublicHolidays(2027, rules).map((h) => h.name)).not.toContain('Tết Trung thu (thử)');
    expect(() => new WorkingCalendar({ rules: { tetDaysBefore: -1 } })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ rules: { byYear: { 2027: { tetDaysAfter: 1.5 } } } })).toThrow(RangeError);
  });

  it('computes the holidays of a leap-month year (2025, leap month 6; 2028, leap month 5)', () => {
    expect(vietnamPublicHolidays(2025).filter((h) => h.name === 'Giỗ Tổ Hùng Vương').map((h) => h.date)).toEqual(['2025-04-07']);
    expect(vietnamPublicHolidays(2028).filter((h) => h.name === 'Giỗ Tổ Hùng Vương').map((h) => h.date)).toEqual(['2028-04-04']);
    // Tết after a leap year: the year Ất Tỵ had 13 months, Tết Bính Ngọ is 384 days after Tết Ất Tỵ.
    expect(jdFromDate(2026, 2, 17) - jdFromDate(2025, 1, 29)).toBe(384);
  });
});

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar();

  it('knows weekends, holidays and compensatory days', () => {
    expect(calendar.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(calendar.dayInfo('2026-03-07')).toEqual({ date: '2026-03-07', working: false, kind: 'weekend', name: 'Thứ Bảy' });
    expect(calendar.dayInfo('2026-03-08').name).toBe('Chủ nhật');
    expect(calendar.dayInfo('2026-02-17')).toMatchObject({ working: false, kind: 'holiday', name: 'Tết Nguyên đán' });
    expect(calendar.dayInfo('2026-04-27')).toMatchObject({ working: false, kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(calendar.dayInfo('2026-03-09')).toEqual({ date: '2026-03-09', working: true, kind: 'working', name: '' });
  });

  it('counts from the day after the start (Civil Code art. 147), across a weekend', () => {
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-03-09', 3)).toBe('2026-03-12'); // Monday → Thursday
    expect(calendar.addWorkingDays('2026-03-04', 5)).toBe('2026-03-11'); // Wednesday → next Wednesday
    expect(calendar.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
    expect(calendar.addWorkingDays('2026-03-09', 3, { countStartDay: true })).toBe('2026-03-11');
    expect(calendar.addWorkingDays('2026-03-07', 1, { countStartDay: true })).toBe('2026-03-09');
  });

  it('counts 5 working days across Tết 2026, 2027 and 2028 from the Friday before', () => {
    const tet2026 = calendar.addWorkingDaysExplained('2026-02-13', 5);
    expect(tet2026.date).toBe('2026-02-27');
    expect(tet2026.skipped.map((d) => `${d.date} ${d.name}`)).toEqual([
      '2026-02-14 Thứ Bảy',
      '2026-02-15 Tết Nguyên đán',
      '2026-02-16 Tết Nguyên đán',
      '2026-02-17 Tết Nguyên đán',
      '2026-02-18 Tết Nguyên đán',
      '2026-02-19 Tết Nguyên đán',
      '2026-02-20 Nghỉ bù Tết Nguyên đán',
      '2026-02-21 Thứ Bảy',
      '2026-02-22 Chủ nhật',
    ]);
    // 2027: Friday 29 January: Mon–Wed count, Thursday 4 to Wednesday 10 February are off.
    expect(calendar.addWorkingDays('2027-01-29', 5)).toBe('2027-02-12');
    expect(calendar.addWorkingDays('2027-02-03', 5)).toBe('2027-02-17');
    // 2028: Friday 21 January: the whole next week is Tết.
    expect(calendar.addWorkingDays('2028-01-21', 5)).toBe('2028-02-04');
    expect(calendar.nextWorkingDay('2028-01-21')).toBe('2028-01-31');
  });

  it('skips 30/4–1/5 and 2/9', () => {
    expect(calendar.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
    expect(calendar.addWorkingDays('2026-04-24', 2)).toBe('2026-04-29'); // weekend with Giỗ Tổ, then its compensatory Monday
    expect(calendar.addWorkingDays('2026-08-31', 2)).toBe('2026-09-04');
    expect(calendar.addWorkingDays('2028-08-31', 1)).toBe('2028-09-05'); // 1/9, 2/9 (Sat), 3/9, 4/9 (nghỉ bù)
  });

  it('applies the yearly list: a swapped day off and a Saturday made a working day', () => {
    // An example list in the form of a Government notice: Friday 2 January 2026 off, worked on Saturday 10 January.
    const adjustments: CalendarAdjustment[] = [
      { date: '2026-01-02', kind: 'off', name: 'Nghỉ hoán đổi Tết Dương lịch', source: 'Thông báo (ví dụ)' },
      { date: '2026-01-10', kind: 'work', name: 'Làm bù cho ngày 02/01' },
    ];
    const listed = new WorkingCalendar({ adjustments });
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(listed.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(listed.dayInfo('2026-01-02')).toMatchObject({ working: false, kind: 'off', name: 'Nghỉ hoán đổi Tết Dương lịch' });
    expect(listed.isWorkingDay('2026-01-10')).toBe(true);
    expect(listed.dayInfo('2026-01-10')).toMatchObject({ kind: 'work', name: 'Làm bù cho ngày 02/01' });
    expect(calendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-12');
    expect(listed.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    // Thursday 8 January + 5: Fri 9, Sat 10 (worked), Mon 12, Tue 13, Wed 14 — a day earlier than without the list.
    expect(listed.addWorkingDays('2026-01-08', 5)).toBe('2026-01-14');
    expect(calendar.addWorkingDays('2026-01-08', 5)).toBe('2026-01-15');
    // A count spanning both days of the swap ends where it would without the list.
    expect(listed.addWorkingDays('2025-12-31', 7)).toBe('2026-01-12');
    expect(calendar.addWorkingDays('2025-12-31', 7)).toBe('2026-01-12');
    expect(listed.holidaysBetween('2026-01-01', '2026-01-31').map((d) => [d.date, d.kind])).toEqual([
      ['2026-01-01', 'holiday'],
      ['2026-01-02', 'off'],
    ]);
  });

  it('lets the list cancel a compensatory day the notice did not grant', () => {
    const older = new WorkingCalendar({ rules: { tetDaysBefore: 1, tetDaysAfter: 3 } });
    expect(older.isWorkingDay('2025-02-03')).toBe(false); // compensation for Saturday 1 February
    const corrected = new WorkingCalendar({
      rules: { tetDaysBefore: 1, tetDaysAfter: 3 },
      adjustments: [{ date: '2025-02-03', kind: 'work' }],
    });
    expect(corrected.dayInfo('2025-02-03')).toMatchObject({ working: true, kind: 'work', name: 'Ngày làm việc bù' });
  });

  it('gives the same day for n = 0 when it is a working day, else the next one', () => {
    expect(calendar.addWorkingDays('2026-03-09', 0)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(calendar.addWorkingDaysExplained('2026-02-15', 0)).toEqual({
      date: '2026-02-23',
      skipped: [
        { date: '2026-02-15', name: 'Tết Nguyên đán', kind: 'holiday' },
        { date: '2026-02-16', name: 'Tết Nguyên đán', kind: 'holiday' },
        { date: '2026-02-17', name: 'Tết Nguyên đán', kind: 'holiday' },
        { date: '2026-02-18', name: 'Tết Nguyên đán', kind: 'holiday' },
        { date: '2026-02-19', name: 'Tết Nguyên đán', kind: 'holiday' },
        { date: '2026-02-20', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory' },
        { date: '2026-02-21', name: 'Thứ Bảy', kind: 'weekend' },
        { date: '2026-02-22', name: 'Chủ nhật', kind: 'weekend' },
      ],
    });
    expect(calendar.workingDayOnOrAfter('2026-03-09')).toBe('2026-03-09');
    expect(calendar.nextWorkingDay('2026-03-09')).toBe('2026-03-10');
  });

  it('rounds fractional days up to whole working days', () => {
    expect(wholeWorkingDays(0.5)).toBe(1);
    expect(wholeWorkingDays(1.5)).toBe(2);
    expect(wholeWorkingDays(2)).toBe(2);
    expect(wholeWorkingDays(0.1 + 0.2 + 0.7)).toBe(1); // 1.0000000000000002
    expect(calendar.addWorkingDays('2026-03-06', 0.5)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-09', 2.5)).toBe('2026-03-12');
    expect(() => calendar.addWorkingDays('2026-03-09', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-09', Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-09', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('counts in a leap-month year', () => {
    // Friday 25 July 2025 is 1/6 nhuận Ất Tỵ.
    expect(solarToLunar(2025, 7, 25)).toMatchObject({ month: 6, leap: true });
    expect(calendar.addWorkingDays('2025-07-25', 10)).toBe('2025-08-08');
    expect(calendar.addWorkingDays('2025-08-29', 2)).toBe('2025-09-04'); // 1/9–2/9 2025 off
  });

  it('lists the holidays between two dates, and counts working days', () => {
    expect(calendar.holidaysBetween('2026-04-01', '2026-05-31').map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
    ]);
    expect(calendar.holidaysBetween('2026-05-31', '2026-04-01')).toEqual([]);
    expect(calendar.workingDaysBetween('2026-02-09', '2026-02-27')).toBe(10);
  });

  it('refuses bad dates and unusable list entries', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('26-02-03')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2199-12-30', 5)).toThrow(RangeError);
    const bad: CalendarAdjustment[] = [
      { date: '2026-01-02', kind: 'off' },
      { date: '2026-01-02', kind: 'work' },
      { date: '2026-13-01', kind: 'off' },
      { date: '2026-01-02', kind: 'off' },
    ];
    expect(checkAdjustments(bad)).toEqual([
      { index: 1, date: '2026-01-02', problem: 'conflict' },
      { index: 2, date: '2026-13-01', problem: 'bad-date' },
      { index: 3, date: '2026-01-02', problem: 'conflict' },
    ]);
    expect(() => new WorkingCalendar({ adjustments: bad })).toThrow(RangeError);
    expect(checkAdjustments([{ date: '2026-01-02', kind: 'off' }, { date: '2026-01-02', kind: 'off' }])).toEqual([]);
  });

  it('handles a compensatory day that falls in the next year', () => {
    const lateHoliday = new WorkingCalendar({ rules: { extraSolar: [{ month: 12, day: 31, name: 'Ngày nghỉ thử' }] } });
    expect(lateHoliday.dayInfo('2028-01-01').kind).toBe('holiday'); // Saturday, Tết Dương lịch
    expect(lateHoliday.dayInfo('2028-01-03').kind).toBe('compensatory'); // for 1/1
    // 31/12/2028 is a Sunday: its compensatory day is 2/1/2029 (1/1 is Tết Dương lịch).
    expect(lateHoliday.dayInfo('2029-01-01')).toMatchObject({ kind: 'holiday', name: 'Tết Dương lịch' });
    expect(lateHoliday.dayInfo('2029-01-02')).toMatchObject({ kind: 'compensatory', name: 'Nghỉ bù Ngày nghỉ thử' });
    expect(calendar.isWorkingDay('2029-01-02')).toBe(true);
  });
});

describe('expectedResultDate', () => {
  const calendar = new WorkingCalendar();

  it('adds the transit days, then the processing days, and says what it skipped', () => {
    const result = expectedResultDate({ receivedAt: '2026-02-12', transitDays: 1, processingDays: 5, calendar });
    expect(result.agencyReceives).toBe('2026-02-13');
    expect(result.resultDate).toBe('2026-02-27');
    expect(result.skipped.map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
  });

  it('collects skipped days from both counts', () => {
    // Thursday 30 April 2026 at the post office, 1 day to the agency, 3 days of processing.
    const result = expectedResultDate({ receivedAt: '2026-04-29', transitDays: 1, processingDays: 3, calendar });
    expect(result).toEqual({
      agencyReceives: '2026-05-04',
      resultDate: '2026-05-07',
      skipped: [
        { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam', kind: 'holiday' },
        { date: '2026-05-01', name: 'Quốc tế Lao động', kind: 'holiday' },
        { date: '2026-05-02', name: 'Thứ Bảy', kind: 'weekend' },
        { date: '2026-05-03', name: 'Chủ nhật', kind: 'weekend' },
      ],
    });
  });

  it('takes a Saturday dossier to the agency on Monday with 0 transit days', () => {
    const result = expectedResultDate({ receivedAt: '2026-03-07', transitDays: 0, processingDays: 0, calendar });
    expect(result).toEqual({
      agencyReceives: '2026-03-09',
      resultDate: '2026-03-09',
      skipped: [
        { date: '2026-03-07', name: 'Thứ Bảy', kind: 'weekend' },
        { date: '2026-03-08', name: 'Chủ nhật', kind: 'weekend' },
      ],
    });
    const sameDay = expectedResultDate({ receivedAt: '2026-03-09', transitDays: 0, processingDays: 0.5, calendar });
    expect(sameDay).toEqual({ agencyReceives: '2026-03-09', resultDate: '2026-03-10', skipped: [] });
  });

  it('agrees with plain calendar arithmetic when nothing is skipped', () => {
    const result = expectedResultDate({ receivedAt: '2026-03-09', transitDays: 2, processingDays: 2, calendar });
    expect(result.agencyReceives).toBe(addCalendarDays('2026-03-09', 2));
    expect(result.resultDate).toBe('2026-03-13');
    expect(result.skipped).toEqual([]);
  });
});
