import type { Fee, Procedure } from '../catalogue/schema';
import { formatMoney, t, type MessageKey } from '../messages/vi';

/**
 * Money at reception, in integer đồng (VND has no minor unit in use):
 * - the procedure's phí and lệ phí, collected on behalf of the agency and handed over to it;
 * - the postal charge (cước), revenue of the post, from a tariff table the manager edits;
 * - a VietQR payload for payment by bank transfer.
 *
 * Pure: no I/O, no clock.
 */

// ── Phí and lệ phí ──

export type FeeKind = 'phi' | 'le_phi';

export interface FeeChoice {
  /** Label of the chosen phí tier (required when the phí has tiers, unless exempt). */
  phiTier?: string;
  /** Label of the chosen lệ phí tier (required when the lệ phí has tiers, unless exempt). */
  lePhiTier?: string;
  /** Exemption decided at the counter (see the procedure's `feeNote`); needs a reason. */
  exemption?: { phi?: boolean; lePhi?: boolean; reason: string };
}

export interface FeeLine {
  kind: FeeKind;
  /** "Phí", "Lệ phí — Đăng ký khai sinh không đúng hạn…". */
  label: string;
  /** The chosen tier's label, when the fee has tiers. */
  tier?: string;
  /** What is collected: 0 when exempt. */
  amount: number;
  /** What would have been collected without the exemption (absent when exempt with no tier chosen). */
  fullAmount?: number;
  onBehalfOf: 'agency';
  exempt?: { reason: string };
}

export interface ProcedureFees {
  lines: FeeLine[];
  /** Vietnamese; when non-empty, `lines` must not be used. */
  errors: string[];
}

const FEE_NAME: Record<FeeKind, MessageKey> = { phi: 'reception.fee.phi', le_phi: 'reception.fee.lePhi' };
const FEE_LABEL: Record<FeeKind, MessageKey> = { phi: 'procedure.phi', le_phi: 'procedure.lePhi' };

function feeLine(kind: FeeKind, fee: Fee, tierLabel: string | undefined, exempt: boolean, reason: string, errors: string[]): FeeLine | null {
  const feeName = t(FEE_NAME[kind]);
  let fullAmount: number | undefined;
  let tier: string | undefined;
  if (fee.kind === 'fixed') {
    fullAmount = fee.amount;
  } else {
    const wanted = tierLabel?.trim();
    if (!wanted) {
      if (!exempt) {
        errors.push(t('reception.fee.tierRequired', { fee: feeName }));
        return null;
      }
    } else {
      const found = fee.tiers.find((x) => x.label.trim() === wanted);
      if (!found) {
        errors.push(t('reception.fee.unknownTier', { fee: feeName, tier: wanted }));
        return null;
      }
      tier = found.label;
      fullAmount = found.amount;
    }
  }
  // A fixed fee of 0 is "không thu": nothing to collect, hand over, or exempt from.
  if (fee.kind === 'fixed' && fee.amount === 0) return null;
  const label = tier ? t('reception.fee.lineTier', { fee: t(FEE_LABEL[kind]), tier }) : t(FEE_LABEL[kind]);
  return {
    kind,
    label,
    ...(tier !== undefined ? { tier } : {}),
    amount: exempt ? 0 : (fullAmount ?? 0),
    ...(fullAmount !== undefined ? { fullAmount } : {}),
    onBehalfOf: 'agency',
    ...(exempt ? { exempt: { reason } } : {}),
  };
}

/**
 * The phí and lệ phí lines of a procedure for the clerk's choice.
 *
 * - A fee with tiers needs its tier (matched by label, surrounding spaces ignored); an unknown
 *   label is an error. An exempt fee needs no tier (if one is given it must exist).
 * - An exemption needs a non-blank reason.
 * - A fixed fee of 0 gives no line; a chosen tier of 0 gives a line of 0 (the clerk's choice is
 *   part of the record); an exempt fee gives a line of 0 with the reason and the full amount.
 */
export function procedureFeeLines(procedure: Procedure, choice: FeeChoice = {}): ProcedureFees {
  const errors: string[] = [];
  const ex = choice.exemption;
  const reason = ex?.reason?.trim() ?? '';
  const exemptPhi = ex?.phi === true;
  const exemptLePhi = ex?.lePhi === true;
  if ((exemptPhi || exemptLePhi) && !reason) errors.push(t('reception.fee.exemptionReason'));

  const lines: FeeLine[] = [];
  const phi = feeLine('phi', procedure.phi, choice.phiTier, exemptPhi, reason, errors);
  if (phi) lines.push(phi);
  const lePhi = feeLine('le_phi', procedure.lePhi, choice.lePhiTier, exemptLePhi, reason, errors);
  if (lePhi) lines.push(lePhi);
  return { lines, errors };
}

/** Sum of amounts. Throws RangeError on an amount that is not a safe integer (a programming error). */
export function feeTotal(lines: readonly { amount: number }[]): number {
  let total = 0;
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount)) throw new RangeError(`fee amount must be an integer number of đồng, got ${l.amount}`);
    total += l.amount;
  }
  return total;
}

/** 50000 → "50.000 đ". */
export function formatVnd(amount: number): string {
  return t('common.dong', { amount: formatMoney(amount) });
}

// ── Postal charge ──

export interface PostalZone {
  id: string;
  name: string;
}

export interface WeightClass {
  id: string;
  /** Inclusive upper bound in grams: an item of exactly `maxGrams` falls in this class. */
  maxGrams: number;
  name: string;
}

export interface PostalExemption {
  id: string;
  name: string;
}

export type PriceTable = Record<string /* zone id */, Record<string /* weight class id */, number>>;

export interface PostalTariff {
  zones: PostalZone[];
  /** Ascending by `maxGrams`; the heaviest class is the limit. */
  weightClasses: WeightClass[];
  /** Charge in đồng per zone and weight class. */
  prices: PriceTable;
  /**
   * Optional separate table for returning results; when absent, `prices` applies both ways.
   * (The post may price result delivery differently from dossier sending.)
   */
  returnPrices?: PriceTable;
  /** Categories of people exempt from the charge, named by the manager. */
  exemptions: PostalExemption[];
}

export type PostalDirection = 'send' | 'return';

export interface PostalChargeRequest {
  zoneId: string;
  grams: number;
  direction: PostalDirection;
  exemptionId?: string;
}

export type PostalChargeErrorCode = 'zone' | 'weight' | 'too_heavy' | 'exemption' | 'price';

export type PostalCharge =
  | {
      amount: number;
      /** What would be charged without the exemption. */
      fullAmount: number;
      weightClass: WeightClass;
      zone: PostalZone;
      direction: PostalDirection;
      /** The exemption category's name, when exempt. */
      exempt?: string;
    }
  | { error: string; code: PostalChargeErrorCode };

/**
 * DEFAULT TARIFF — PLACEHOLDER PRICES. These amounts are NOT Vietnam Post's tariff and NOT legal
 * amounts: they only make a fresh install usable. The manager must replace them with the post's
 * published BCCI tariff (the charge is capped under Circular 22/2017/TT-BTTTT; check the
 * instrument in force). Exemption categories are examples the manager renames or removes.
 */
export const DEFAULT_POSTAL_TARIFF: PostalTariff = {
  zones: [
    { id: 'noi-tinh', name: 'Nội tỉnh' },
    { id: 'lien-tinh-gan', name: 'Liên tỉnh gần' },
    { id: 'lien-tinh-xa', name: 'Liên tỉnh xa' },
  ],
  weightClasses: [
    { id: 'w250', maxGrams: 250, name: 'Đến 250 g' },
    { id: 'w500', maxGrams: 500, name: 'Trên 250 g đến 500 g' },
    { id: 'w1000', maxGrams: 1000, name: 'Trên 500 g đến 1.000 g' },
    { id: 'w2000', maxGrams: 2000, name: 'Trên 1.000 g đến 2.000 g' },
  ],
  // Placeholders (see above).
  prices: {
    'noi-tinh': { w250: 20000, w500: 24000, w1000: 30000, w2000: 38000 },
    'lien-tinh-gan': { w250: 26000, w500: 31000, w1000: 39000, w2000: 50000 },
    'lien-tinh-xa': { w250: 30000, w500: 36000, w1000: 46000, w2000: 60000 },
  },
  exemptions: [
    { id: 'nguoi-co-cong', name: 'Người có công với cách mạng' },
    { id: 'ho-ngheo', name: 'Người thuộc hộ nghèo' },
  ],
};

/** The weight class for an item: the lightest class whose `maxGrams` ≥ grams. */
export function weightClassFor(tariff: PostalTariff, grams: number): WeightClass | undefined {
  return [...tariff.weightClasses].sort((a, b) => a.maxGrams - b.maxGrams).find((c) => grams <= c.maxGrams);
}

/** The postal charge of one item. Never throws. */
export function postalCharge(tariff: PostalTariff, request: PostalChargeRequest): PostalCharge {
  const zone = tariff.zones.find((z) => z.id === request.zoneId);
  if (!zone) return { code: 'zone', error: t('reception.postal.unknownZone', { zone: request.zoneId }) };
  const grams = request.grams;
  if (typeof grams !== 'number' || !Number.isFinite(grams) || grams <= 0) {
    return { code: 'weight', error: t('reception.postal.badWeight', { grams: String(grams) }) };
  }
  const weightClass = weightClassFor(tariff, grams);
  if (!weightClass) {
    const max = Math.max(...tariff.weightClasses.map((c) => c.maxGrams), 0);
    return { code: 'too_heavy', error: t('reception.postal.tooHeavy', { grams: formatMoney(grams), max: formatMoney(max) }) };
  }
  let exemption: PostalExemption | undefined;
  if (request.exemptionId !== undefined && request.exemptionId !== '') {
    exemption = tariff.exemptions.find((e) => e.id === request.exemptionId);
    if (!exemption) return { code: 'exemption', error: t('reception.postal.unknownExemption', { id: request.exemptionId }) };
  }
  const table = request.direction === 'return' && tariff.returnPrices ? tariff.returnPrices : tariff.prices;
  const price = table[zone.id]?.[weightClass.id];
  if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0) {
    return { code: 'price', error: t('reception.postal.noPrice', { zone: zone.name, weight: weightClass.name }) };
  }
  return {
    amount: exemption ? 0 : price,
    fullAmount: price,
    weightClass,
    zone,
    direction: request.direction,
    ...(exemption ? { exempt: exemption.name } : {}),
  };
}

function checkIds(items: readonly { id: string; name: string }[], what: MessageKey, problems: string[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = typeof item.id === 'string' ? item.id.trim() : '';
    if (!id) problems.push(t('reception.tariff.emptyId', { what: t(what), n: i + 1 }));
    else if (seen.has(id)) problems.push(t('reception.tariff.duplicateId', { what: t(what), id }));
    else seen.add(id);
    if (id && (typeof item.name !== 'string' || !item.name.trim())) problems.push(t('reception.tariff.emptyName', { what: t(what), id }));
  });
}

function checkPrices(tariff: PostalTariff, table: PriceTable, direction: PostalDirection, problems: string[]): void {
  const dir = t(direction === 'send' ? 'reception.postal.send' : 'reception.postal.return');
  const zoneIds = new Set(tariff.zones.map((z) => z.id));
  const classIds = new Set(tariff.weightClasses.map((c) => c.id));
  for (const zone of tariff.zones) {
    for (const wc of tariff.weightClasses) {
      const row = table[zone.id];
      const price: unknown = row ? row[wc.id] : undefined;
      if (price === undefined || price === null) {
        problems.push(t('reception.tariff.missingPrice', { zone: zone.name || zone.id, weight: wc.name || wc.id, direction: dir }));
      } else if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0) {
        problems.push(t('reception.tariff.badPrice', { zone: zone.name || zone.id, weight: wc.name || wc.id, direction: dir, value: String(price) }));
      }
    }
  }
  for (const [zoneId, row] of Object.entries(table)) {
    if (!zoneIds.has(zoneId)) problems.push(t('reception.tariff.unknownZonePrice', { zone: zoneId, direction: dir }));
    else for (const classId of Object.keys(row ?? {})) {
      if (!classIds.has(classId)) problems.push(t('reception.tariff.unknownClassPrice', { weight: classId, direction: dir }));
    }
  }
}

/**
 * Problems of a tariff the manager edited, in Vietnamese (empty = valid): at least one zone and
 * one weight class; ids present and unique (zones, classes, exemptions), names present;
 * `maxGrams` positive integers strictly ascending; every zone × class priced with an integer
 * ≥ 0 (in both tables when `returnPrices` is given); no price for an undeclared zone or class.
 */
export function validateTariff(tariff: PostalTariff): string[] {
  const problems: string[] = [];
  const zones = Array.isArray(tariff?.zones) ? tariff.zones : [];
  const classes = Array.isArray(tariff?.weightClasses) ? tariff.weightClasses : [];
  const exemptions = Array.isArray(tariff?.exemptions) ? tariff.exemptions : [];
  if (zones.length === 0) problems.push(t('reception.tariff.noZones'));
  if (classes.length === 0) problems.push(t('reception.tariff.noClasses'));
  checkIds(zones, 'reception.tariff.what.zone', problems);
  checkIds(classes, 'reception.tariff.what.weightClass', problems);
  checkIds(exemptions, 'reception.tariff.what.exemption', problems);

  let previous: WeightClass | undefined;
  for (const wc of classes) {
    if (typeof wc.maxGrams !== 'number' || !Number.isSafeInteger(wc.maxGrams) || wc.maxGrams <= 0) {
      problems.push(t('reception.tariff.badMaxGrams', { id: wc.name || wc.id }));
      continue;
    }
    if (previous && wc.maxGrams <= previous.maxGrams) {
      problems.push(t('reception.tariff.notAscending', { id: wc.name || wc.id, grams: formatMoney(wc.maxGrams), previous: formatMoney(previous.maxGrams) }));
    }
    previous = wc;
  }

  const normalized: PostalTariff = { zones, weightClasses: classes, prices: tariff?.prices ?? {}, exemptions };
  checkPrices(normalized, normalized.prices, 'send', problems);
  if (tariff?.returnPrices) checkPrices(normalized, tariff.returnPrices, 'return', problems);
  return problems;
}

// ── VietQR ──

export interface VietQrInput {
  /** The bank's 6-digit NAPAS BIN, e.g. "970415". */
  bankBin: string;
  /** Beneficiary account: up to 19 letters or digits. */
  accountNumber: string;
  /** Integer đồng, > 0 (a dynamic QR always carries the amount). */
  amount: number;
  /** Transfer description; diacritics are stripped and it is cut to 25 characters. */
  description: string;
  /** Beneficiary name (tag 59), diacritics stripped, upper case, at most 25 characters. */
  accountName?: string;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) over the UTF-16 code units as bytes (ASCII input). */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** Vietnamese text → plain ASCII: diacritics removed, đ → d, anything but letters, digits, space, '.' and '-' → space. */
export function asciiText(text: string): string {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The description as it goes into tag 62/08: ASCII, at most 25 characters. */
export function vietQrDescription(text: string): string {
  return asciiText(text).slice(0, 25).trim();
}

/** Problems with a VietQR input, in Vietnamese (empty = fine). */
export function vietQrProblems(input: VietQrInput): string[] {
  const problems: string[] = [];
  if (!/^[0-9]{6}$/.test(String(input.bankBin ?? ''))) problems.push(t('reception.vietqr.bankBin'));
  if (!/^[0-9A-Za-z]{1,19}$/.test(String(input.accountNumber ?? ''))) problems.push(t('reception.vietqr.account'));
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || String(input.amount).length > 13) problems.push(t('reception.vietqr.amount'));
  return problems;
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMV field ${id} longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/**
 * The EMVCo merchant-presented QR string of a NAPAS VietQR bank transfer (service QRIBFTTA):
 * 00 "01" · 01 "12" (dynamic) · 38 {00 "A000000727" · 01 {00 BIN · 01 account} · 02 "QRIBFTTA"}
 * · 53 "704" · 54 amount · 58 "VN" · [59 name] · [62 {08 description}] · 63 CRC-16/CCITT-FALSE
 * over everything before it including "6304", as 4 upper-case hex digits.
 * Throws RangeError when `vietQrProblems(input)` is not empty (check it first).
 */
export function vietQrPayload(input: VietQrInput): string {
  const problems = vietQrProblems(input);
  if (problems.length) throw new RangeError(problems.join(' '));
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  let payload = tlv('00', '01') + tlv('01', '12') + tlv('38', merchant) + tlv('53', '704') + tlv('54', String(input.amount)) + tlv('58', 'VN');
  const name = input.accountName ? asciiText(input.accountName).toUpperCase().slice(0, 25).trim() : '';
  if (name) payload += tlv('59', name);
  const description = vietQrDescription(input.description ?? '');
  if (description) payload += tlv('62', tlv('08', description));
  payload += '6304';
  return payload + crc16CcittFalse(payload).toString(16).toUpperCase().padStart(4, '0');
}
