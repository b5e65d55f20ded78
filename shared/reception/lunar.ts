/**
 * Vietnamese lunar calendar (âm lịch), computed — not looked up — for solar years 1900–2199.
 *
 * The method is the one Hồ Ngọc Đức published for the Vietnamese calendar, which is how
 * Vietnamese calendars are made:
 *
 * - every lunar month starts on the (local) day of a new moon; new moons are computed with
 *   Meeus' series (mean new moon + periodic terms + ΔT), the day taken at UTC+7 — Vietnam's
 *   official time since 1968; this is why Vietnamese and Chinese (UTC+8) calendars sometimes
 *   differ by a day or a month (Tết 1985: 21 January in Vietnam, 20 February in China);
 * - month 11 is the month that contains the winter solstice (sun longitude 270°);
 * - a lunar year that has 13 months between two months 11 gets a leap month: the first month
 *   after month 11 in which the sun enters no new 30° sector (no major solar term, "trung khí");
 *   it takes the number of the month before it.
 *
 * Dates inside the module are Julian Day Numbers (JDN, the integer day count where
 * 2000-01-01 is 2451545). Everything is pure arithmetic: no Date, no time zone of the machine.
 */

/** The first and last solar year this module answers for. */
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

/** Vietnam's time zone for new moons and solar terms (hours east of UTC). */
const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** JD of the new moon of 1900-01-01 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;

export interface LunarDate {
  /** Lunar year (the year of its month 1; months 11 and 12 belong to the year whose Tết is before them). */
  year: number;
  /** 1–12; a leap month has the number of the month before it and `leap: true`. */
  month: number;
  /** 1–29 or 1–30. */
  day: number;
  leap: boolean;
}

export interface SolarDate {
  y: number;
  m: number;
  d: number;
}

/** One lunar month: its number, whether it is the leap one, first day (JDN) and length (29 or 30). */
export interface LunarMonthInfo {
  month: number;
  leap: boolean;
  /** The lunar year it belongs to. */
  year: number;
  start: number;
  length: number;
}

// ---------------------------------------------------------------------------------------------
// Julian Day Numbers (proleptic Gregorian after 1582-10-15, Julian before — standard formulas).

/** Julian Day Number of a civil date. */
export function jdFromDate(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  let jd = d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
  if (jd < 2299161) jd = d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - 32083;
  return jd;
}

/** Civil date of a Julian Day Number. */
export function jdToDate(jd: number): SolarDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    d: e - Math.floor((153 * m + 2) / 5) + 1,
    m: m + 3 - 12 * Math.floor(m / 10),
    y: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

// ---------------------------------------------------------------------------------------------
// Astronomy.

const DR = Math.PI / 180;

/** Julian date (with fraction, UT) of the k-th new moon after the one of 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, [0, 2π), at Julian date `jd` (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries from J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const l = (L0 + dl) * DR;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** The 30° sector (0–11) the sun is in at local midnight starting day `jdn`. Sector 9 starts at the winter solstice. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** The local (UTC+7) day, as JDN, of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

const month11Cache = new Map<number, number>();

/** JDN of the first day of lunar month 11 of solar year `y` (the month holding the winter solstice). */
function month11Start(y: number): number {
  const cached = month11Cache.get(y);
  if (cached !== undefined) return cached;
  const k = Math.floor((jdFromDate(y, 12, 31) - 2415021) / SYNODIC_MONTH);
  let start = newMoonDay(k);
  // The new moon before 31 December starts month 11 only if the solstice has not yet passed at
  // its start (sun still before 270°); otherwise month 11 began one new moon earlier.
  if (sunSector(start) >= 9) start = newMoonDay(k - 1);
  month11Cache.set(y, start);
  return start;
}

const spanCache = new Map<number, LunarMonthInfo[]>();

/**
 * The lunar months from month 11 of solar year `y` up to (not including) month 11 of year y + 1:
 * 12 months, or 13 with a leap month. Months 11 and 12 (and a leap 11/12) belong to lunar year y,
 * the rest to lunar year y + 1.
 */
function monthsFromMonth11(y: number): LunarMonthInfo[] {
  const cached = spanCache.get(y);
  if (cached) return cached;
  const a11 = month11Start(y);
  const b11 = month11Start(y + 1);
  const k = Math.round((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const count = b11 - a11 > 365 ? 13 : 12;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonDay(k + i));
  if (starts[0] !== a11 || starts[count] !== b11) {
    // Cannot happen for 1900–2199; guards the arithmetic rather than silently mislabelling months.
    throw new Error(`lunar: new moon series does not close between months 11 of ${y} and ${y + 1}`);
  }
  let leapIndex = -1;
  if (count === 13) {
    // The first month after month 11 without a major solar term: the sun's sector is the same at
    // its start and at the start of the next month.
    for (let i = 1; i < 13; i++) {
      if (sunSector(starts[i]!) === sunSector(starts[i + 1]!)) {
        leapIndex = i;
        break;
      }
    }
    if (leapIndex < 0) throw new Error(`lunar: no leap month found in a 13-month year after ${y}`);
  }
  const months: LunarMonthInfo[] = [];
  let number = 11;
  let year = y;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (i > 0 && !leap) {
      number = number === 12 ? 1 : number + 1;
      if (number === 1) year = y + 1;
    }
    months.push({ month: number, leap, year, start: starts[i]!, length: starts[i + 1]! - starts[i]! });
  }
  spanCache.set(y, months);
  return months;
}

// ---------------------------------------------------------------------------------------------
// Public conversions.

function checkSolar(y: number, m: number, d: number): number {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) {
    throw new RangeError(`lunar: not a date: ${y}-${m}-${d}`);
  }
  if (y < LUNAR_MIN_YEAR || y > LUNAR_MAX_YEAR) {
    throw new RangeError(`lunar: year ${y} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
  const jd = jdFromDate(y, m, d);
  const back = jdToDate(jd);
  if (back.y !== y || back.m !== m || back.d !== d) throw new RangeError(`lunar: not a date: ${y}-${m}-${d}`);
  return jd;
}

/** The lunar date of a solar (Gregorian) date, 1900-01-01 to 2199-12-31. */
export function solarToLunar(y: number, m: number, d: number): LunarDate {
  const jd = checkSolar(y, m, d);
  // Month 11 of y starts in late November or December; before it we are in the span that began
  // with month 11 of the previous year.
  const months = jd >= month11Start(y) ? monthsFromMonth11(y) : monthsFromMonth11(y - 1);
  for (let i = months.length - 1; i >= 0; i--) {
    const mo = months[i]!;
    if (jd >= mo.start) return { year: mo.year, month: mo.month, day: jd - mo.start + 1, leap: mo.leap };
  }
  throw new Error(`lunar: ${y}-${m}-${d} precedes its own month 11`); // unreachable
}

/** The months of one lunar year, month 1 to month 12 (13 entries when it has a leap month). */
export function lunarYearMonths(lunarYear: number): LunarMonthInfo[] {
  checkLunarYear(lunarYear);
  return [...monthsFromMonth11(lunarYear - 1), ...monthsFromMonth11(lunarYear)].filter((mo) => mo.year === lunarYear);
}

/** The number of the leap month of a lunar year (e.g. 6 for 2025), or null when it has none. */
export function leapMonthOf(lunarYear: number): number | null {
  return lunarYearMonths(lunarYear).find((mo) => mo.leap)?.month ?? null;
}

function checkLunarYear(lunarYear: number): void {
  // Lunar year 1899 ends in early 1900, so its last months are reachable from solar 1900.
  if (!Number.isInteger(lunarYear) || lunarYear < LUNAR_MIN_YEAR - 1 || lunarYear > LUNAR_MAX_YEAR) {
    throw new RangeError(`lunar: lunar year ${lunarYear} is outside ${LUNAR_MIN_YEAR - 1}–${LUNAR_MAX_YEAR}`);
  }
}

/**
 * The solar date of a lunar date. Throws RangeError when the date does not exist: a leap month
 * the year does not have, or day 30 of a 29-day month.
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): SolarDate {
  checkLunarYear(lunarYear);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`lunar: month ${lunarMonth} is not 1–12`);
  }
  const months = monthsFromMonth11(lunarMonth >= 11 ? lunarYear : lunarYear - 1);
  const mo = months.find((x) => x.month === lunarMonth && x.leap === leap && x.year === lunarYear);
  if (!mo) throw new RangeError(`lunar: year ${lunarYear} has no leap month ${lunarMonth}`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > mo.length) {
    throw new RangeError(`lunar: ${leap ? 'leap ' : ''}month ${lunarMonth} of ${lunarYear} has ${mo.length} days, not day ${lunarDay}`);
  }
  return jdToDate(mo.start + lunarDay - 1);
}
