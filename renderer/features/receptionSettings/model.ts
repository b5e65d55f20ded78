import type { ReceptionConfig } from '../../../shared/api/contract';
import { formatMoney, t } from '../../../shared/messages/vi';
import { isIsoDate } from '../../../shared/reception/calendar';
import { foldVietnamese } from '../../../shared/text/fold';
import { displayDate as vietnamDisplayDate } from '../../../shared/time/vietnam';

/**
 * The reception configuration as the manager edits it: every number is the text typed (so a
 * half-typed "25.0" stays on screen with its error), rows carry a local key (ids of new zones,
 * classes and exemptions are made on save), and the bank details survive switching to "none".
 */

export interface NamedRow {
  key: string;
  /** The stored id; '' for a row added on this screen (made from the name on save). */
  id: string;
  name: string;
}
export interface ClassRow extends NamedRow {
  maxGrams: string;
}
export interface AgencyRow {
  key: string;
  agency: string;
  days: string;
}
export interface DayRow {
  key: string;
  date: string;
  name: string;
}

export interface Draft {
  zones: NamedRow[];
  classes: ClassRow[];
  /** Price text by zone row key, then class row key. */
  prices: Record<string, Record<string, string>>;
  exemptions: NamedRow[];
  transitDefault: string;
  transitByAgency: AgencyRow[];
  bankEnabled: boolean;
  bin: string;
  accountNumber: string;
  accountName: string;
  daysOff: DayRow[];
  workingDays: DayRow[];
}

export const LIMITS = { zones: 20, classes: 20, exemptions: 20, days: 200, maxPrice: 10_000_000, maxTransit: 30 } as const;

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `r${counter}`;
}

/** "25.000", "25000", "25,000", "25.000 đ" → 25000; anything else → null. */
export function parseWhole(text: string): number | null {
  const s = text.replace(/\s+/g, '').replace(/(đ|đồng|g)$/i, '');
  if (/^\d+$/.test(s) || /^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) {
    const n = Number(s.replace(/[.,]/g, ''));
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/** The typed text re-written with thousands separators when it reads as a whole number. */
export function tidyWhole(text: string): string {
  const n = parseWhole(text);
  return n === null ? text : formatMoney(n);
}

export function toDraft(config: ReceptionConfig): Draft {
  const zones = config.tariff.zones.map((z) => ({ key: newKey(), id: z.id, name: z.name }));
  const classes = config.tariff.weightClasses.map((c) => ({ key: newKey(), id: c.id, name: c.name, maxGrams: formatMoney(c.maxGrams) }));
  const prices: Draft['prices'] = {};
  for (const z of zones) {
    prices[z.key] = {};
    for (const c of classes) {
      const p = config.tariff.prices[z.id]?.[c.id];
      prices[z.key]![c.key] = typeof p === 'number' ? formatMoney(p) : '';
    }
  }
  return {
    zones,
    classes,
    prices,
    exemptions: config.tariff.exemptions.map((e) => ({ key: newKey(), id: e.id, name: e.name })),
    transitDefault: String(config.transitDays.default),
    transitByAgency: Object.entries(config.transitDays.byAgency).map(([agency, days]) => ({ key: newKey(), agency, days: String(days) })),
    bankEnabled: config.bank !== null,
    bin: config.bank?.bin ?? '',
    accountNumber: config.bank?.accountNumber ?? '',
    accountName: config.bank?.accountName ?? '',
    daysOff: config.calendar.extraDaysOff.map((d) => ({ key: newKey(), date: d.date, name: d.name })),
    workingDays: config.calendar.extraWorkingDays.map((d) => ({ key: newKey(), date: d.date, name: d.name })),
  };
}

/** Field names, shared by the inputs (data-field) and the error map. */
export const fieldName = {
  zoneName: (k: string) => `zone.${k}.name`,
  className: (k: string) => `class.${k}.name`,
  classGrams: (k: string) => `class.${k}.maxGrams`,
  price: (zoneKey: string, classKey: string) => `price.${zoneKey}.${classKey}`,
  exemptionName: (k: string) => `exemption.${k}.name`,
  transitDefault: 'transit.default',
  transitAgency: (k: string) => `transit.${k}.agency`,
  transitDays: (k: string) => `transit.${k}.days`,
  bin: 'bank.bin',
  accountNumber: 'bank.accountNumber',
  accountName: 'bank.accountName',
  dayDate: (list: 'off' | 'work', k: string) => `${list}.${k}.date`,
  dayName: (list: 'off' | 'work', k: string) => `${list}.${k}.name`,
};

export type Errors = Record<string, string>;

function checkNames(rows: NamedRow[], field: (k: string) => string, errors: Errors): void {
  const seen = new Set<string>();
  for (const r of rows) {
    const name = r.name.trim();
    if (!name) errors[field(r.key)] = t('receptionSettings.err.required');
    else if (seen.has(name.toLocaleLowerCase('vi'))) errors[field(r.key)] = t('receptionSettings.err.duplicateName');
    seen.add(name.toLocaleLowerCase('vi'));
  }
}

function checkDays(rows: DayRow[], list: 'off' | 'work', other: Set<string>, errors: Errors): void {
  const seen = new Set<string>();
  for (const r of rows) {
    const dateField = fieldName.dayDate(list, r.key);
    if (!r.date) errors[dateField] = t('receptionSettings.err.dateRequired');
    else if (!isIsoDate(r.date)) errors[dateField] = t('receptionSettings.err.date');
    else if (seen.has(r.date)) errors[dateField] = t('receptionSettings.err.dateTwice', { date: displayDate(r.date) });
    else if (other.has(r.date)) errors[dateField] = t('receptionSettings.err.dateBoth', { date: displayDate(r.date) });
    seen.add(r.date);
    if (!r.name.trim()) errors[fieldName.dayName(list, r.key)] = t('receptionSettings.err.required');
  }
}

/** Every problem of the draft, by field, in Vietnamese (empty = can be saved). */
export function validateDraft(d: Draft): Errors {
  const errors: Errors = {};
  checkNames(d.zones, fieldName.zoneName, errors);
  checkNames(d.classes, fieldName.className, errors);
  checkNames(d.exemptions, fieldName.exemptionName, errors);

  let previous: number | null = null;
  for (const c of d.classes) {
    const grams = parseWhole(c.maxGrams);
    if (grams === null || grams <= 0) {
      errors[fieldName.classGrams(c.key)] = t('receptionSettings.err.grams');
      continue;
    }
    if (previous !== null && grams <= previous) {
      errors[fieldName.classGrams(c.key)] = t('receptionSettings.err.ascending', { previous: formatMoney(previous) });
    }
    previous = grams;
  }

  for (const z of d.zones) {
    for (const c of d.classes) {
      const text = d.prices[z.key]?.[c.key] ?? '';
      const field = fieldName.price(z.key, c.key);
      if (!text.trim()) errors[field] = t('receptionSettings.err.priceRequired');
      else {
        const n = parseWhole(text);
        if (n === null) errors[field] = t('receptionSettings.err.price');
        else if (n > LIMITS.maxPrice) errors[field] = t('receptionSettings.err.priceMax', { max: formatMoney(LIMITS.maxPrice) });
      }
    }
  }

  const days = (text: string) => {
    const n = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : NaN;
    return Number.isInteger(n) && n >= 0 && n <= LIMITS.maxTransit;
  };
  if (!days(d.transitDefault)) errors[fieldName.transitDefault] = t('receptionSettings.err.transitDays', { max: LIMITS.maxTransit });
  const agencies = new Set<string>();
  for (const r of d.transitByAgency) {
    if (!r.agency) errors[fieldName.transitAgency(r.key)] = t('receptionSettings.err.agencyRequired');
    else if (agencies.has(r.agency)) errors[fieldName.transitAgency(r.key)] = t('receptionSettings.err.agencyTwice');
    agencies.add(r.agency);
    if (!days(r.days)) errors[fieldName.transitDays(r.key)] = t('receptionSettings.err.transitDays', { max: LIMITS.maxTransit });
  }

  if (d.bankEnabled) {
    if (!/^\d{6}$/.test(d.bin.trim())) errors[fieldName.bin] = t('receptionSettings.err.bin');
    if (!/^[0-9A-Za-z]{4,19}$/.test(d.accountNumber.trim())) errors[fieldName.accountNumber] = t('receptionSettings.err.accountNumber');
    const name = d.accountName.trim();
    if (name.length < 2 || name.length > 100) errors[fieldName.accountName] = t('receptionSettings.err.accountName');
  }

  const offDates = new Set(d.daysOff.map((r) => r.date).filter(Boolean));
  checkDays(d.daysOff, 'off', new Set(), errors);
  checkDays(d.workingDays, 'work', offDates, errors);
  return errors;
}

/** An id for a new row, from its name ("Liên tỉnh xa" → "lien-tinh-xa"), unique among `taken`. */
function makeId(name: string, fallback: string, taken: Set<string>): string {
  const base = foldVietnamese(name).replace(/\./g, '').trim().replace(/\s+/g, '-').slice(0, 32) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function withIds<T extends NamedRow>(rows: T[], fallback: string): (T & { id: string })[] {
  const taken = new Set(rows.map((r) => r.id).filter(Boolean));
  return rows.map((r) => (r.id ? r : { ...r, id: makeId(r.name, fallback, taken) }));
}

const byDate = (a: DayRow, b: DayRow) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The configuration to send; call only when `validateDraft` found nothing. */
export function fromDraft(d: Draft): ReceptionConfig {
  const zones = withIds(d.zones, 'vung');
  const classes = withIds(d.classes, 'nac');
  const prices: ReceptionConfig['tariff']['prices'] = {};
  for (const z of zones) {
    prices[z.id] = {};
    for (const c of classes) prices[z.id]![c.id] = parseWhole(d.prices[z.key]?.[c.key] ?? '') ?? 0;
  }
  return {
    tariff: {
      zones: zones.map((z) => ({ id: z.id, name: z.name.trim() })),
      weightClasses: classes.map((c) => ({ id: c.id, name: c.name.trim(), maxGrams: parseWhole(c.maxGrams) ?? 0 })),
      prices,
      exemptions: withIds(d.exemptions, 'mien').map((e) => ({ id: e.id, name: e.name.trim() })),
    },
    transitDays: {
      default: Number(d.transitDefault.trim()),
      byAgency: Object.fromEntries(d.transitByAgency.map((r) => [r.agency, Number(r.days.trim())])),
    },
    bank: d.bankEnabled ? { bin: d.bin.trim(), accountNumber: d.accountNumber.trim(), accountName: d.accountName.trim() } : null,
    calendar: {
      extraDaysOff: [...d.daysOff].sort(byDate).map((r) => ({ date: r.date, name: r.name.trim() })),
      extraWorkingDays: [...d.workingDays].sort(byDate).map((r) => ({ date: r.date, name: r.name.trim() })),
    },
  };
}

/** "2026-01-02" → "02/01/2026"; anything half-typed stays as it is. */
export function displayDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? vietnamDisplayDate(iso) : iso;
}

/** 1234 → "00001234". */
export function serial8(n: number): string {
  return String(n).padStart(8, '0');
}

/** The host joins its problems into one message; one sentence per line reads better. */
export function splitProblems(message: string): string[] {
  return message
    .split(/(?<=\.)\s+(?=[\p{Lu}"(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
