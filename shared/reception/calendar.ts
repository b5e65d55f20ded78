/**
 * The working-day calendar of Vietnamese state agencies, for the expected result date printed on
 * the receipt (phiếu hẹn trả kết quả).
 *
 * Dates are ISO strings 'YYYY-MM-DD' of the Vietnamese civil calendar: no times, no time zones.
 *
 * ## Days off
 *
 * - Saturday and Sunday (the weekly rest of state agencies).
 * - Public holidays, Labour Code 2019 art. 112(1) — computed for any year by
 *   {@link vietnamPublicHolidays}: Tết Dương lịch 1/1; Tết Nguyên đán (5 days, chosen each year
 *   by the Prime Minister — see {@link HolidayRules.tetDaysBefore}); Giỗ Tổ Hùng Vương 10/3 lunar;
 *   30/4; 1/5; Quốc khánh 2/9 and one day before or after it (also chosen each year).
 * - Compensatory days (nghỉ bù), art. 111(3): a holiday that falls on Saturday or Sunday gives
 *   the next working day off (rule `weekendCompensation`, on by default).
 * - The yearly editable list ({@link CalendarAdjustment}): the days the Government's notice for
 *   the year adds (swapped days off, `kind: 'off'`) and the Saturdays it turns into working days
 *   (`kind: 'work'`). The list wins over everything else: a `work` entry makes any day a working
 *   day, an `off` entry makes any day a day off.
 *
 * ## Counting ("N ngày làm việc kể từ ngày nhận đủ hồ sơ")
 *
 * Civil Code 2015 art. 147(2)–(3): when a period is in days, or starts with an event, the day of
 * the event is not counted; the period starts the next day. So the day the agency receives the
 * dossier is day 0, and the result date is the N-th working day after it: received Monday,
 * 3 working days → Thursday (when no holiday is in between). Since only working days are counted,
 * the end never falls on a day off (which art. 148 would push to the next working day anyway).
 * 0 days ("trả trong ngày") is the start day itself when it is a working day, else the next one;
 * fractions are rounded up to whole days. See {@link WorkingCalendar.addWorkingDays}.
 *
 * Not modelled: the hour of receipt (an agency that counts a dossier handed in late in the
 * afternoon from the next working day) — the transit days of the agency cover that.
 */
import { jdFromDate, jdToDate, lunarToSolar, solarToLunar, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar';

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

// ---------------------------------------------------------------------------------------------
// Dates as day numbers.

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toJdn(date: IsoDate): number {
  const match = ISO_PATTERN.exec(date);
  if (!match) throw new RangeError(`calendar: not a YYYY-MM-DD date: "${date}"`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const jd = jdFromDate(y, m, d);
  const back = jdToDate(jd);
  if (back.y !== y || back.m !== m || back.d !== d) throw new RangeError(`calendar: no such date: "${date}"`);
  if (y < LUNAR_MIN_YEAR || y > LUNAR_MAX_YEAR) {
    throw new RangeError(`calendar: ${date} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
  return jd;
}

function formatJdn(jd: number): IsoDate {
  const { y, m, d } = jdToDate(jd);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** As formatJdn, for results of counts: they must stay inside the years the lunar calendar covers. */
function fromJdn(jd: number): IsoDate {
  const date = formatJdn(jd);
  const y = Number(date.slice(0, 4));
  if (y < LUNAR_MIN_YEAR || y > LUNAR_MAX_YEAR) {
    throw new RangeError(`calendar: the count ran past ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
  return date;
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOfJdn(jd: number): number {
  return (jd + 1) % 7;
}

/** True for a real calendar date 'YYYY-MM-DD' in 1900–2199. */
export function isIsoDate(value: string): boolean {
  try {
    toJdn(value);
    return true;
  } catch {
    return false;
  }
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromJdn(toJdn(date) + days);
}

/** Day of the week, 0 = Sunday (Chủ nhật) … 6 = Saturday (Thứ Bảy). */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfJdn(toJdn(date));
}

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** 'Chủ nhật', 'Thứ Hai', … 'Thứ Bảy'. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)]!;
}

// ---------------------------------------------------------------------------------------------
// Public holidays.

/** A holiday the law adds (or a later law adds): fixed solar or lunar date, 1 day. */
export interface ExtraHolidayRule {
  month: number;
  day: number;
  name: string;
  /** First and last year it applies (inclusive); open when absent. */
  fromYear?: number;
  toYear?: number;
}

/** The choices the law leaves to each year's decision. All of them are data, not code. */
export interface HolidayRules {
  /**
   * Tết Nguyên đán is 5 days (art. 112(1)(b)) and the Prime Minister picks them each year
   * (art. 112(3)): `tetDaysBefore` days before mùng 1, mùng 1 itself, `tetDaysAfter` days after.
   * Tết days on a weekend are compensated like any holiday (the 2024 notice cites art. 111(3)).
   *
   * Default 2 + 1 + 2: the last two days of the lunar year and mùng 1–3. With compensation it
   * gives exactly the working days off that the decisions for 2020 (23–29/1), 2022 (31/1–4/2),
   * 2023 (20–26/1), 2024 (8–14/2), 2025 (27–31/1) and 2026 (16–20/2) gave. The often-quoted
   * "30 Tết + mùng 1–4" (1 + 1 + 3) matches 2022 and 2026 only: it is one day late in 2020,
   * 2023, 2024 and 2025. A year whose decision differs goes in `byYear` or the yearly list.
   */
  tetDaysBefore: number;
  tetDaysAfter: number;
  /** Quốc khánh is 2/9 plus "1 ngày liền kề trước hoặc sau" (art. 112(1)(đ)): 1/9 or 3/9. */
  nationalDayExtra: 'before' | 'after';
  /** Art. 111(3): a holiday on Saturday or Sunday gives the next working day off. */
  weekendCompensation: boolean;
  /** Further 1-day holidays on a solar date (a later amendment, a local decision). */
  extraSolar: readonly ExtraHolidayRule[];
  /** Further 1-day holidays on a lunar date (non-leap month). */
  extraLunar: readonly ExtraHolidayRule[];
  /** Per-year overrides of the choices above, e.g. `{ 2027: { tetDaysBefore: 1, tetDaysAfter: 3 } }`. */
  byYear: Readonly<Record<number, Partial<Pick<HolidayRules, 'tetDaysBefore' | 'tetDaysAfter' | 'nationalDayExtra' | 'weekendCompensation'>>>>;
}

export const DEFAULT_HOLIDAY_RULES: Readonly<HolidayRules> = Object.freeze({
  tetDaysBefore: 2,
  tetDaysAfter: 2,
  nationalDayExtra: 'before',
  weekendCompensation: true,
  extraSolar: [],
  extraLunar: [],
  byYear: {},
});

export type HolidayKind = 'holiday' | 'compensatory';

export interface PublicHoliday {
  date: IsoDate;
  /** Vietnamese name: 'Tết Nguyên đán', 'Giỗ Tổ Hùng Vương', …; a compensatory day is 'Nghỉ bù …'. */
  name: string;
  kind: HolidayKind;
  /** Which day it is: '30 tháng Chạp', 'Mùng 1 Tết', '10/3 âm lịch', 'Ngày liền trước 2/9', 'Bù cho 01/01 (Chủ nhật)'. */
  detail?: string;
}

function checkChoices(where: string, choices: Partial<HolidayRules>): void {
  for (const key of ['tetDaysBefore', 'tetDaysAfter'] as const) {
    const value = choices[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 10)) {
      throw new RangeError(`calendar: ${where}${key} must be a whole number 0–10, got ${value}`);
    }
  }
  const extra = choices.nationalDayExtra;
  if (extra !== undefined && extra !== 'before' && extra !== 'after') {
    throw new RangeError(`calendar: ${where}nationalDayExtra must be 'before' or 'after', got ${String(extra)}`);
  }
}

/** Throws RangeError on rules that cannot be applied. */
export function checkHolidayRules(rules: Partial<HolidayRules>): void {
  checkChoices('', rules);
  for (const [year, choices] of Object.entries(rules.byYear ?? {})) checkChoices(`byYear[${year}].`, choices);
  for (const rule of [...(rules.extraSolar ?? []), ...(rules.extraLunar ?? [])]) {
    if (!Number.isInteger(rule.month) || rule.month < 1 || rule.month > 12 || !Number.isInteger(rule.day) || rule.day < 1 || rule.day > 31) {
      throw new RangeError(`calendar: extra holiday "${rule.name}" has no valid month/day`);
    }
  }
}

function resolveRules(year: number, rules?: Partial<HolidayRules>): HolidayRules {
  const base: HolidayRules = { ...DEFAULT_HOLIDAY_RULES, ...rules };
  const merged: HolidayRules = { ...base, ...base.byYear[year] };
  checkChoices('', merged);
  return merged;
}

function lunarJdn(year: number, month: number, day: number): number {
  const { y, m, d } = lunarToSolar(year, month, day);
  return jdFromDate(y, m, d);
}

function lunarDayLabel(jd: number): string {
  const { y, m, d } = jdToDate(jd);
  const lunar = solarToLunar(y, m, d);
  if (lunar.month === 1 && !lunar.leap) return `Mùng ${lunar.day} Tết`;
  const monthName = lunar.month === 12 ? 'tháng Chạp' : lunar.month === 11 ? 'tháng Một' : `tháng ${lunar.month}`;
  return `${lunar.day} ${monthName}${lunar.leap ? ' nhuận' : ''}`;
}

function applies(rule: ExtraHolidayRule, year: number): boolean {
  return (rule.fromYear === undefined || year >= rule.fromYear) && (rule.toYear === undefined || year <= rule.toYear);
}

/**
 * The public holidays of one year under `rules` (defaults: {@link DEFAULT_HOLIDAY_RULES}) and
 * their compensatory days, in date order. Two holidays on the same date
 * make one entry with both names ("A; B") and one compensatory day at most. A compensatory day
 * of a late-December holiday may fall in January of the next year; it is listed with the year of
 * the holiday it compensates (the calendar takes care of it).
 */
export function vietnamPublicHolidays(year: number, rules?: Partial<HolidayRules>): PublicHoliday[] {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`calendar: year ${year} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
  // A compensatory day of the previous year may already take an early-January working day.
  const carriedIn = new Set<number>();
  if (year > LUNAR_MIN_YEAR) {
    for (const h of withCompensation(year - 1, rules, new Set())) {
      if (h.kind === 'compensatory' && h.date.startsWith(`${year}-`)) carriedIn.add(toJdn(h.date));
    }
  }
  return withCompensation(year, rules, carriedIn);
}

type DayEntries = Map<number, { names: string[]; details: string[] }>;

/** The holidays the rules give in `year`, by day number, before compensation. */
function holidaysByRule(year: number, rules?: Partial<HolidayRules>): DayEntries {
  const r = resolveRules(year, rules);
  const byDay: DayEntries = new Map();
  const add = (jd: number, name: string, detail?: string): void => {
    const entry = byDay.get(jd) ?? { names: [], details: [] };
    if (!entry.names.includes(name)) entry.names.push(name);
    if (detail) entry.details.push(detail);
    byDay.set(jd, entry);
  };
  add(jdFromDate(year, 1, 1), 'Tết Dương lịch', '01/01');
  const tet = lunarJdn(year, 1, 1);
  for (let i = -r.tetDaysBefore; i <= r.tetDaysAfter; i++) add(tet + i, 'Tết Nguyên đán', lunarDayLabel(tet + i));
  add(lunarJdn(year, 3, 10), 'Giỗ Tổ Hùng Vương', '10/3 âm lịch');
  add(jdFromDate(year, 4, 30), 'Ngày Giải phóng miền Nam', '30/4');
  add(jdFromDate(year, 5, 1), 'Quốc tế Lao động', '01/5');
  const nationalDay = jdFromDate(year, 9, 2);
  add(nationalDay, 'Quốc khánh', '02/9');
  if (r.nationalDayExtra === 'before') add(nationalDay - 1, 'Quốc khánh', 'Ngày liền trước 2/9');
  else add(nationalDay + 1, 'Quốc khánh', 'Ngày liền sau 2/9');
  for (const rule of r.extraSolar) if (applies(rule, year)) add(jdFromDate(year, rule.month, rule.day), rule.name);
  for (const rule of r.extraLunar) if (applies(rule, year)) add(lunarJdn(year, rule.month, rule.day), rule.name);
  return byDay;
}

function withCompensation(year: number, rules: Partial<HolidayRules> | undefined, carriedIn: ReadonlySet<number>): PublicHoliday[] {
  const byDay = holidaysByRule(year, rules);
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const holidays: PublicHoliday[] = days.map((jd) => {
    const entry = byDay.get(jd)!;
    const holiday: PublicHoliday = { date: formatJdn(jd), name: entry.names.join('; '), kind: 'holiday' };
    if (entry.details.length) holiday.detail = entry.details.join('; ');
    return holiday;
  });

  if (resolveRules(year, rules).weekendCompensation) {
    const taken = new Set([...days, ...carriedIn]);
    const yearEnd = jdFromDate(year, 12, 31);
    let nextYearAdded = false;
    const isWeekend = (jd: number): boolean => weekdayOfJdn(jd) === 0 || weekdayOfJdn(jd) === 6;
    for (const jd of days) {
      if (!isWeekend(jd)) continue;
      let off = jd + 1;
      for (;;) {
        if (off > yearEnd && !nextYearAdded && year < LUNAR_MAX_YEAR) {
          // A late-December holiday: its compensation must skip the next year's holidays too.
          for (const next of holidaysByRule(year + 1, rules).keys()) taken.add(next);
          nextYearAdded = true;
        }
        if (!isWeekend(off) && !taken.has(off)) break;
        off++;
      }
      taken.add(off);
      const date = formatJdn(jd);
      const holiday = holidays.find((h) => h.date === date)!;
      holidays.push({
        date: formatJdn(off),
        name: `Nghỉ bù ${holiday.name}`,
        kind: 'compensatory',
        detail: `Bù cho ${date.slice(8, 10)}/${date.slice(5, 7)} (${WEEKDAY_NAMES[weekdayOfJdn(jd)]})`,
      });
    }
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// The yearly editable list.

/**
 * One entry of the yearly list a manager edits from the Government's notice:
 * `off` — a day off that the rules do not give (a swapped day, a decided compensatory day);
 * `work` — a working day that the rules would make a day off (a Saturday worked in exchange,
 * or cancelling a compensatory day the notice did not grant).
 */
export interface CalendarAdjustment {
  date: IsoDate;
  kind: 'off' | 'work';
  /** Shown to the clerk: 'Nghỉ hoán đổi Tết Dương lịch', 'Làm bù cho ngày 02/01'. */
  name?: string;
  /** Where it comes from (the notice's number), for the manager. */
  source?: string;
}

export interface AdjustmentProblem {
  index: number;
  date: string;
  problem: 'bad-date' | 'conflict';
}

/** Entries that cannot be used: a date that is not 'YYYY-MM-DD' in 1900–2199, or one date both `off` and `work`. */
export function checkAdjustments(list: readonly CalendarAdjustment[]): AdjustmentProblem[] {
  const problems: AdjustmentProblem[] = [];
  const kinds = new Map<string, CalendarAdjustment['kind']>();
  list.forEach((entry, index) => {
    if (!isIsoDate(entry.date) || (entry.kind !== 'off' && entry.kind !== 'work')) {
      problems.push({ index, date: entry.date, problem: 'bad-date' });
      return;
    }
    const seen = kinds.get(entry.date);
    if (seen && seen !== entry.kind) problems.push({ index, date: entry.date, problem: 'conflict' });
    kinds.set(entry.date, entry.kind);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The calendar.

export type DayKind =
  | 'working' // an ordinary working day
  | 'work' // made a working day by the yearly list
  | 'weekend'
  | 'holiday'
  | 'compensatory'
  | 'off'; // a day off from the yearly list

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** Why: 'Thứ Bảy', 'Chủ nhật', a holiday's name, the list entry's name; '' for an ordinary working day. */
  name: string;
}

/** A day the count passed over, for the clerk's explanation. */
export interface SkippedDay {
  date: IsoDate;
  name: string;
  kind: Exclude<DayKind, 'working' | 'work'>;
}

export interface WorkingCalendarOptions {
  rules?: Partial<HolidayRules>;
  /** The yearly editable list; see {@link CalendarAdjustment}. Entries of any years, any order. */
  adjustments?: readonly CalendarAdjustment[];
}

export interface AddWorkingDaysOptions {
  /**
   * Count `start` itself as day 1 when it is a working day. Default false: the start day is the
   * day of receipt, which Civil Code art. 147 does not count.
   */
  countStartDay?: boolean;
}

/**
 * A fractional number of working days (0.5 for "trong 4 giờ làm việc" rounded to days) counts as
 * the whole days that cover it: 0.5 → 1, 1.5 → 2. A result date is a promise to the citizen; a
 * half day cannot be printed as a date, and promising the earlier day could be broken.
 */
export function wholeWorkingDays(n: number): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new RangeError(`calendar: working days must be a number ≥ 0, got ${n}`);
  return Math.ceil(n - 1e-9);
}

export class WorkingCalendar {
  readonly rules: Readonly<Partial<HolidayRules>>;
  readonly adjustments: readonly CalendarAdjustment[];
  readonly #byDate = new Map<number, CalendarAdjustment>();
  readonly #holidayYears = new Map<number, Map<number, PublicHoliday>>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.rules = { ...options.rules };
    this.adjustments = [...(options.adjustments ?? [])];
    const problems = checkAdjustments(this.adjustments);
    if (problems.length) {
      throw new RangeError(`calendar: unusable list entries: ${problems.map((p) => `#${p.index} ${p.date} (${p.problem})`).join(', ')}`);
    }
    for (const entry of this.adjustments) this.#byDate.set(toJdn(entry.date), entry);
    checkHolidayRules(this.rules); // fail now, not on the first count
  }

  /** Holidays (and compensatory days) by day number for the days of solar year `year`. */
  #holidaysOf(year: number): Map<number, PublicHoliday> {
    let map = this.#holidayYears.get(year);
    if (map) return map;
    map = new Map();
    // A compensatory day of a late-December holiday belongs to the next January.
    const sources = year > LUNAR_MIN_YEAR ? [year - 1, year] : [year];
    for (const source of sources) {
      for (const h of vietnamPublicHolidays(source, this.rules)) {
        if (Number(h.date.slice(0, 4)) !== year) continue;
        const jd = toJdn(h.date);
        if (!map.has(jd)) map.set(jd, h);
      }
    }
    this.#holidayYears.set(year, map);
    return map;
  }

  #info(jd: number): DayInfo {
    const date = fromJdn(jd);
    const entry = this.#byDate.get(jd);
    if (entry?.kind === 'work') return { date, working: true, kind: 'work', name: entry.name ?? 'Ngày làm việc bù' };
    if (entry?.kind === 'off') return { date, working: false, kind: 'off', name: entry.name ?? 'Ngày nghỉ theo thông báo' };
    const holiday = this.#holidaysOf(jdToDate(jd).y).get(jd);
    if (holiday) return { date, working: false, kind: holiday.kind, name: holiday.name };
    const weekday = weekdayOfJdn(jd);
    if (weekday === 0 || weekday === 6) return { date, working: false, kind: 'weekend', name: WEEKDAY_NAMES[weekday]! };
    return { date, working: true, kind: 'working', name: '' };
  }

  /** What kind of day `date` is, and why. */
  dayInfo(date: IsoDate): DayInfo {
    return this.#info(toJdn(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.#info(toJdn(date)).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let jd = toJdn(date) + 1;
    while (!this.#info(jd).working) jd++;
    return fromJdn(jd);
  }

  /** `date` when it is a working day, else the first working day after it. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    let jd = toJdn(date);
    while (!this.#info(jd).working) jd++;
    return fromJdn(jd);
  }

  /**
   * The date on which a period of `n` working days that starts with `start` ends.
   *
   * - `n` ≥ 1 (default): `start` is not counted (Civil Code art. 147); the result is the n-th
   *   working day after `start`. Received Friday, 1 working day → Monday.
   * - `countStartDay: true`: `start` counts as day 1 when it is a working day.
   * - `n` = 0 ("trả ngay trong ngày"): `start` when it is a working day, else the next working day.
   * - Fractional `n` is rounded up to whole days ({@link wholeWorkingDays}).
   */
  addWorkingDays(start: IsoDate, n: number, options: AddWorkingDaysOptions = {}): IsoDate {
    return this.addWorkingDaysExplained(start, n, options).date;
  }

  /** {@link addWorkingDays}, with the non-working days the count passed over. */
  addWorkingDaysExplained(start: IsoDate, n: number, options: AddWorkingDaysOptions = {}): { date: IsoDate; skipped: SkippedDay[] } {
    const whole = wholeWorkingDays(n);
    let jd = toJdn(start);
    const skipped: SkippedDay[] = [];
    const skip = (info: DayInfo): void => {
      skipped.push({ date: info.date, name: info.name, kind: info.kind as SkippedDay['kind'] });
    };
    let counted = 0;
    if (whole === 0 || options.countStartDay) {
      const info = this.#info(jd);
      if (info.working) {
        if (whole === 0) return { date: start, skipped };
        counted = 1;
      } else {
        skip(info);
        if (whole === 0) {
          for (;;) {
            const next = this.#info(++jd);
            if (next.working) return { date: next.date, skipped };
            skip(next);
          }
        }
      }
    }
    while (counted < whole) {
      const info = this.#info(++jd);
      if (info.working) counted++;
      else skip(info);
    }
    return { date: fromJdn(jd), skipped };
  }

  /** Number of working days in [a, b], both included (0 when b is before a). */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const end = toJdn(b);
    let count = 0;
    for (let jd = toJdn(a); jd <= end; jd++) if (this.#info(jd).working) count++;
    return count;
  }

  /**
   * The days off other than plain weekends in [a, b], both included: public holidays (also those
   * on a weekend), compensatory days and `off` days of the list — minus any the list made working
   * days. Empty when b is before a.
   */
  holidaysBetween(a: IsoDate, b: IsoDate): SkippedDay[] {
    const end = toJdn(b);
    const out: SkippedDay[] = [];
    for (let jd = toJdn(a); jd <= end; jd++) {
      const info = this.#info(jd);
      if (info.kind === 'holiday' || info.kind === 'compensatory' || info.kind === 'off') {
        out.push({ date: info.date, name: info.name, kind: info.kind });
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The expected result date.

export interface ExpectedResultInput {
  /** The day the post office receives the dossier from the citizen. */
  receivedAt: IsoDate;
  /** Working days the post needs to hand the dossier to the agency (per agency, configured). */
  transitDays: number;
  /** The procedure's processing time in working days (from the catalogue). */
  processingDays: number;
  calendar: WorkingCalendar;
}

export interface ExpectedResult {
  /** The day the agency receives the dossier: `transitDays` working days after `receivedAt`. */
  agencyReceives: IsoDate;
  /** `processingDays` working days after `agencyReceives`. */
  resultDate: IsoDate;
  /** The non-working days both counts passed over, in date order. */
  skipped: SkippedDay[];
}

/**
 * The expected result date of a dossier received at the post office.
 *
 * Two counts, each by {@link WorkingCalendar.addWorkingDays} (day of the event not counted,
 * fractions rounded up):
 * 1. `agencyReceives` = `transitDays` working days after `receivedAt` (0 transit days: the same
 *    day when it is a working day — a dossier taken on Saturday reaches the agency on Monday);
 * 2. `resultDate` = `processingDays` working days after `agencyReceives` (0: that same day).
 *
 * The result is the date the agency's period ends. Getting the result back to the citizen by post
 * is not included.
 */
export function expectedResultDate(input: ExpectedResultInput): ExpectedResult {
  const { receivedAt, transitDays, processingDays, calendar } = input;
  const transit = calendar.addWorkingDaysExplained(receivedAt, transitDays);
  const processing = calendar.addWorkingDaysExplained(transit.date, processingDays);
  const skipped = new Map<string, SkippedDay>();
  for (const day of [...transit.skipped, ...processing.skipped]) skipped.set(day.date, day);
  return {
    agencyReceives: transit.date,
    resultDate: processing.date,
    skipped: [...skipped.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}
