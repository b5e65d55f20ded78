/**
 * How big a receipt printer draws barcodes and QR codes, decided once for the ESC/POS renderer and
 * the preview alike.
 */

/** Bar height when the document does not say: 8 mm at 203 dpi. */
export const DEFAULT_BARCODE_HEIGHT_DOTS = 64;

/**
 * Modules of a Code 128 symbol as the printer's own command draws it (code set B throughout): 11
 * per character, start and check, 13 for stop. The quiet zones are the paper's unprintable margins
 * (4-5 mm on 80 and 58 mm rolls, more than 10 modules of 2 dots).
 */
export function nativeCode128Modules(data: string): number {
  return 11 * (data.length + 2) + 13;
}

/** The module width (dots) the printer's Code 128 gets on this paper: the widest of 3 and 2 that fits, or none. */
export function nativeCode128ModuleDots(data: string, dotsPerLine: number): 3 | 2 | undefined {
  return ([3, 2] as const).find((w) => nativeCode128Modules(data) * w <= dotsPerLine);
}

/**
 * Bytes per QR version at error correction level M in byte mode (ISO/IEC 18004 table 7): an upper
 * bound, since a printer that picks the alphanumeric or numeric mode may need a smaller version.
 * A table, not an encoder: encoding a QR code takes ~10 ms, twice a whole text receipt's budget.
 */
const QR_BYTE_CAPACITY_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059,
  1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

/** A QR code needs 4 modules of white around it to scan. */
const QR_QUIET_ZONE_MODULES = 4;

/** The largest module size node-thermal-printer (and many printers) accept. */
const MAX_QR_MODULE_DOTS = 8;

const DEFAULT_QR_MODULE_DOTS = 6;

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Modules per side of the QR code holding `data` at level M (quiet zone not included). */
export function qrModules(data: string): number {
  const bytes = utf8Length(data);
  const version = QR_BYTE_CAPACITY_M.findIndex((capacity) => capacity >= bytes) + 1;
  if (version === 0) throw new RangeError(`${bytes} bytes do not fit in a QR code at error correction level M`);
  return 17 + 4 * version;
}

/** The module size (dots) a QR code gets: as asked (default 6), at most 8, and small enough to fit the paper. */
export function qrModuleDots(data: string, requested: number | undefined, dotsPerLine: number): number {
  const side = qrModules(data) + 2 * QR_QUIET_ZONE_MODULES;
  return Math.max(1, Math.min(requested ?? DEFAULT_QR_MODULE_DOTS, MAX_QR_MODULE_DOTS, Math.floor(dotsPerLine / side)));
}
