import type { PrinterProfile } from '../types';

/**
 * Built-in printer profiles: which ESC t table holds each Vietnamese code page on a model, how
 * wide it prints, whether it cuts and answers status. Modes are listed best first and always
 * include 'image' (a raster prints on anything); the self-test prints one section per mode so the
 * clerk can pick the one that reads right, which also settles the tables marked unverified below.
 *
 * Table numbers, dots and columns marked "db" come from escpos-printer-db
 * (https://github.com/receipt-print-hq/escpos-printer-db, profile/*.yml), (c) its contributors,
 * licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); the rest from
 * docs/hardware.md.
 */

/** Epson's (and the ESC/POS default's) numbering, db default.yml / TM-T20II / TM-T20III / TM-m30III: 30 = TCVN-3-1, 31 = TCVN-3-2, 52 = CP1258. */
const EPSON_TABLES = { tcvn3Lower: 30, tcvn3Upper: 31, cp1258: 52, ascii: 0 } as const;

const PROFILES: readonly PrinterProfile[] = deepFreeze([
  {
    id: 'epson-tm-80',
    name: 'Epson TM 80 mm',
    models: 'Epson TM-T20II, TM-T20III, TM-T82, TM-m30III (80 mm)',
    language: 'escpos',
    paperWidthMm: 80,
    // db: 576 dots, font A 48 columns (TM-T20II/III, TM-m30III)
    dotsPerLine: 576,
    columns: 48,
    vietnamese: { modes: ['tcvn3', 'cp1258', 'image'], slots: { ...EPSON_TABLES } },
    cutter: 'partial',
    status: 'dle-eot',
  },
  {
    id: 'epson-tm-t88v',
    name: 'Epson TM-T88V',
    models: 'Epson TM-T88IV, TM-T88V (80 mm, 180 dpi)',
    language: 'escpos',
    paperWidthMm: 80,
    // db TM-T88V.yml: 180 dpi, 512 dots, font A 42 columns; laying out 48 would wrap every line
    dotsPerLine: 512,
    columns: 42,
    vietnamese: { modes: ['tcvn3', 'cp1258', 'image'], slots: { ...EPSON_TABLES } },
    cutter: 'partial',
    status: 'dle-eot',
  },
  {
    id: 'xprinter-80',
    name: 'Xprinter / máy in Trung Quốc 80 mm',
    models: 'Xprinter XP-80C, XP-Q200 and similar clones (80 mm)',
    language: 'escpos',
    paperWidthMm: 80,
    dotsPerLine: 576,
    columns: 48,
    // Table 27 ("Vietnam") is TCVN-3's lowercase half only: the encoder prints capitals as the
    // same letters in lowercase, marks kept ("ĐẶNG" -> "đặng"). CP1258 is garbage on some of them.
    vietnamese: { modes: ['tcvn3', 'image'], slots: { tcvn3Lower: 27, ascii: 0 }, leaveChineseMode: true },
    cutter: 'partial',
    status: 'dle-eot',
  },
  {
    id: 'xprinter-58',
    name: 'Xprinter / máy in Trung Quốc 58 mm',
    models: 'Xprinter XP-58IIH, XP-58IIL and similar clones (58 mm)',
    language: 'escpos',
    paperWidthMm: 58,
    dotsPerLine: 384,
    columns: 32,
    vietnamese: { modes: ['tcvn3', 'image'], slots: { tcvn3Lower: 27, ascii: 0 }, leaveChineseMode: true },
    cutter: 'none',
    status: 'dle-eot',
  },
  {
    id: 'pos-5890',
    name: 'POS-5890',
    models: 'POS-5890 series (Zjiang and rebrands, 58 mm)',
    language: 'escpos',
    paperWidthMm: 58,
    // db POS-5890.yml: 384 dots, font A 32 columns, CP1258 at 27 (and again at 94)
    dotsPerLine: 384,
    columns: 32,
    // It prints CP1258's combining tone marks as separate characters, so image comes first.
    vietnamese: { modes: ['image', 'cp1258'], slots: { cp1258: 27, ascii: 0 }, leaveChineseMode: true },
    cutter: 'none',
    status: 'none',
  },
  {
    id: 'rongta-rp3xx',
    name: 'Rongta RP326 / RP332',
    models: 'Rongta RP326, RP332 (80 mm)',
    language: 'escpos',
    paperWidthMm: 80,
    // db RP326.yml / RP332.yml: CP1258 at 35; font A 42 columns; RP332 has a full cutter only
    dotsPerLine: 576,
    columns: 42,
    vietnamese: { modes: ['cp1258', 'image'], slots: { cp1258: 35, ascii: 0 } },
    cutter: 'full',
    status: 'dle-eot',
  },
  {
    id: 'bixolon-srp',
    name: 'Bixolon SRP',
    models: 'Bixolon SRP-330II, SRP-350III, SRP-S300 (80 mm)',
    language: 'escpos',
    paperWidthMm: 80,
    // db SRP-S300.yml: TCVN-3-1 at 30, TCVN-3-2 at 31 (hardware.md's "0x31" is that 31). Its
    // "VISCII 0x33" is left out: the db has CP775 at 33 and nothing at 0x33. 512 dots / 42 columns
    // fit the whole family (the 180 dpi SRP-350III and the 203 dpi SRP-S300 alike).
    dotsPerLine: 512,
    columns: 42,
    vietnamese: { modes: ['tcvn3', 'image'], slots: { tcvn3Lower: 30, tcvn3Upper: 31, ascii: 0 } },
    cutter: 'partial',
    status: 'dle-eot',
  },
  {
    id: 'zywell-zy-q821',
    name: 'Zywell ZY-Q821',
    models: 'Zywell ZY-Q821 (80 mm)',
    language: 'escpos',
    paperWidthMm: 80,
    dotsPerLine: 576,
    columns: 48,
    vietnamese: { modes: ['viscii', 'image'], slots: { viscii: 0x33, ascii: 0 }, leaveChineseMode: true },
    cutter: 'partial',
    status: 'dle-eot',
    note: 'VISCII table number unverified (hardware.md names VISCII without one): confirm with the self-test.',
  },
  {
    id: 'generic-80',
    name: 'Máy in 80 mm khác',
    models: 'Any ESC/POS printer, 80 mm',
    language: 'escpos',
    paperWidthMm: 80,
    dotsPerLine: 576,
    columns: 48,
    // An unknown model: the raster is the only thing sure to read right; the ESC/POS default
    // numbering is offered for the self-test to confirm.
    vietnamese: { modes: ['image', 'tcvn3', 'cp1258'], slots: { ...EPSON_TABLES } },
    cutter: 'partial',
    status: 'none',
  },
  {
    id: 'generic-58',
    name: 'Máy in 58 mm khác',
    models: 'Any ESC/POS printer, 58 mm',
    language: 'escpos',
    paperWidthMm: 58,
    dotsPerLine: 384,
    columns: 32,
    vietnamese: { modes: ['image', 'tcvn3', 'cp1258'], slots: { ...EPSON_TABLES } },
    cutter: 'none',
    status: 'none',
  },
  {
    id: 'zpl-203',
    name: 'Máy in nhãn ZPL 203 dpi',
    models: 'Zebra GK420d, ZD220, ZD421 and ZPL clones (4 inch, 203 dpi)',
    language: 'zpl',
    paperWidthMm: 104,
    dotsPerLine: 832,
    // Labels are placed in millimetres, not in character columns.
    columns: 0,
    // Vietnamese text goes to the printer as a bitmap (^GFA); printer fonts rarely have it.
    vietnamese: { modes: ['image'], slots: {} },
    cutter: 'none',
    status: 'none',
  },
  {
    id: 'tspl-203',
    name: 'Máy in nhãn TSPL 203 dpi',
    models: 'TSC TE200, TTP-244 Pro, Xprinter XP-420B and TSPL clones (4 inch, 203 dpi)',
    language: 'tspl',
    paperWidthMm: 108,
    dotsPerLine: 864,
    columns: 0,
    vietnamese: { modes: ['image'], slots: {} },
    cutter: 'none',
    status: 'none',
  },
]);

const BY_ID: ReadonlyMap<string, PrinterProfile> = new Map(PROFILES.map((p) => [p.id, p]));

/** Profiles are shared by every caller: one that changes a field must copy it first. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Every built-in profile, receipt printers first, in the order the setup screen lists them. */
export function listProfiles(): readonly PrinterProfile[] {
  return PROFILES;
}

export function getProfile(id: string): PrinterProfile | undefined {
  return BY_ID.get(id);
}
