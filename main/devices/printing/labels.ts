import type { LabelDocument, LabelElement } from '../../../shared/printing/document';
import { FONT_METRICS } from '../../../shared/printing/fontMetrics';
import { concatBytes } from './bytes';
import type { MonoBitmap } from './monoBitmap';
import { textBitmap } from './textRaster';

/**
 * A LabelDocument -> ZPL (Zebra and clones) or TSPL (TSC, Xprinter label models).
 *
 * Barcodes, QR codes and boxes are the printers' own commands. Text in plain ASCII uses the
 * printer's font; text with anything else (every Vietnamese letter), bold or width-limited text
 * is drawn with DejaVu Sans and sent as a bitmap: printer fonts rarely have Vietnamese, and
 * ^CI28 / CODEPAGE UTF-8 only help when they do.
 *
 * Coordinates: an element's (x, y) is the top-left of its box, in mm from the label's top-left.
 * For text the box starts above the capitals by the room the highest Vietnamese marks need.
 */

const MM_PER_INCH = 25.4;
/** TSPL needs the gap between labels; 2 mm is the common die-cut stock. */
const TSPL_GAP_MM = 2;
/** Printer fonts: capital height as a share of the character cell (ZPL font 0, TSPL bitmap fonts). */
const PRINTER_FONT_CAP = 0.7;
/** The narrowest bar that scans reliably off a 203 dpi head: 0.25 mm. */
const MIN_MODULE_MM = 0.25;
const PLAIN_TEXT = /^[\x20-\x7e]*$/;
/** Characters each language reads as commands inside field data. */
const ZPL_SPECIAL = /[\^~\\]/;
const TSPL_SPECIAL = /["\\]/;

interface Scale {
  dots(mm: number): number;
}

function scaleFor(dpi: number): Scale {
  if (!(dpi > 0)) throw new RangeError(`dpi must be positive, got ${dpi}`);
  return { dots: (mm) => Math.round((mm * dpi) / MM_PER_INCH) };
}

type TextElement = Extract<LabelElement, { type: 'text' }>;

/** Plain ASCII, not bold, no width limit, nothing the language would take as a command: the printer's own font. */
function usesPrinterFont(el: TextElement, special: RegExp): boolean {
  return PLAIN_TEXT.test(el.text) && !el.bold && el.maxWidthMm === undefined && !special.test(el.text);
}

function textAsBitmap(el: TextElement, scale: Scale): MonoBitmap {
  return textBitmap(el.text, scale.dots(el.heightMm), el.bold ? 'bold' : 'regular', el.maxWidthMm === undefined ? Infinity : scale.dots(el.maxWidthMm));
}

/** Where the capitals start below the top of a text box, in dots (the room left for stacked marks). */
function capTop(el: TextElement, scale: Scale): number {
  const cap = scale.dots(el.heightMm);
  return Math.round((cap / FONT_METRICS.capHeight) * (FONT_METRICS.top - FONT_METRICS.capHeight));
}

function checkBarcodeData(data: string): void {
  if (!PLAIN_TEXT.test(data) || ZPL_SPECIAL.test(data) || TSPL_SPECIAL.test(data) || data.includes('>')) {
    throw new RangeError(`label barcode data "${data}" must be printable ASCII without ^ ~ \\ " >`);
  }
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0').toUpperCase();
  return out;
}

function zplElement(el: LabelElement, scale: Scale): string {
  const x = scale.dots(el.x);
  const y = scale.dots(el.y);
  switch (el.type) {
    case 'text': {
      if (usesPrinterFont(el, ZPL_SPECIAL)) {
        const cell = Math.round(scale.dots(el.heightMm) / PRINTER_FONT_CAP);
        const top = y + capTop(el, scale) - Math.round(cell * (1 - PRINTER_FONT_CAP) * 0.5);
        return `^FO${x},${Math.max(0, top)}^A0N,${cell},${cell}^FD${el.text}^FS`;
      }
      const bitmap = textAsBitmap(el, scale);
      const total = bitmap.data.length;
      return `^FO${x},${y}^GFA,${total},${total},${bitmap.bytesPerRow},${hex(bitmap.data)}^FS`;
    }
    case 'barcode': {
      checkBarcodeData(el.data);
      const module = Math.max(2, scale.dots(MIN_MODULE_MM));
      const height = scale.dots(el.heightMm);
      return `^FO${x},${y}^BY${module}^BCN,${height},${el.showText ? 'Y' : 'N'},N,N^FD${el.data}^FS`;
    }
    case 'qr': {
      if (ZPL_SPECIAL.test(el.data)) throw new RangeError('ZPL QR data cannot contain ^ ~ \\');
      const magnification = Math.min(10, Math.max(1, scale.dots(el.cellMm)));
      // MA: error correction M, automatic input mode; with ^CI28 the data is UTF-8
      return `^FO${x},${y}^BQN,2,${magnification}^FDMA,${el.data}^FS`;
    }
    case 'box':
      return `^FO${x},${y}^GB${scale.dots(el.widthMm)},${scale.dots(el.heightMm)},${Math.max(1, scale.dots(el.thicknessMm))}^FS`;
  }
}

/** ZPL for one label: ^XA, UTF-8 (^CI28), size, the elements, ^XZ. */
export function renderZpl(label: LabelDocument, dpi = 203): string {
  const scale = scaleFor(dpi);
  return [
    '^XA',
    '^CI28',
    `^PW${scale.dots(label.widthMm)}`,
    `^LL${scale.dots(label.heightMm)}`,
    '^LH0,0',
    ...label.elements.map((el) => zplElement(el, scale)),
    '^PQ1',
    '^XZ',
    '',
  ].join('\n');
}

/** TSPL bitmap fonts: name and cell height in dots. */
const TSPL_FONTS = [
  { name: '1', height: 12 },
  { name: '2', height: 20 },
  { name: '3', height: 24 },
  { name: '4', height: 32 },
  { name: '5', height: 48 },
] as const;

/** The TSPL font and integer magnification whose cell is nearest to `cell` dots. */
function tsplFont(cell: number): { name: string; magnification: number; height: number } {
  let best = { name: '3', magnification: 1, height: 24 };
  for (const font of TSPL_FONTS) {
    for (let m = 1; m <= 10; m++) {
      if (Math.abs(font.height * m - cell) < Math.abs(best.height - cell)) best = { name: font.name, magnification: m, height: font.height * m };
    }
  }
  return best;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

function tsplElement(el: LabelElement, scale: Scale): Uint8Array {
  const x = scale.dots(el.x);
  const y = scale.dots(el.y);
  switch (el.type) {
    case 'text': {
      if (usesPrinterFont(el, TSPL_SPECIAL)) {
        const font = tsplFont(scale.dots(el.heightMm) / PRINTER_FONT_CAP);
        const top = y + capTop(el, scale) - Math.round(font.height * (1 - PRINTER_FONT_CAP) * 0.5);
        return ascii(`TEXT ${x},${Math.max(0, top)},"${font.name}",0,${font.magnification},${font.magnification},"${el.text}"\r\n`);
      }
      const bitmap = textAsBitmap(el, scale);
      // TSPL bitmaps are the other way round: a 0 bit prints black
      const data = bitmap.data.map((b) => ~b & 0xff);
      return concatBytes([ascii(`BITMAP ${x},${y},${bitmap.bytesPerRow},${bitmap.height},0,`), data, ascii('\r\n')]);
    }
    case 'barcode': {
      checkBarcodeData(el.data);
      const module = Math.max(2, scale.dots(MIN_MODULE_MM));
      return ascii(`BARCODE ${x},${y},"128",${scale.dots(el.heightMm)},${el.showText ? 1 : 0},0,${module},${module},"${el.data}"\r\n`);
    }
    case 'qr': {
      const cell = Math.min(10, Math.max(1, scale.dots(el.cellMm)));
      if (TSPL_SPECIAL.test(el.data)) throw new RangeError('TSPL QR data cannot contain " or \\');
      // UTF-8 bytes inside the quotes; the printer encodes them as they come
      return concatBytes([ascii(`QRCODE ${x},${y},M,${cell},A,0,"`), new TextEncoder().encode(el.data), ascii('"\r\n')]);
    }
    case 'box':
      return ascii(`BOX ${x},${y},${x + scale.dots(el.widthMm)},${y + scale.dots(el.heightMm)},${Math.max(1, scale.dots(el.thicknessMm))}\r\n`);
  }
}

/** TSPL for one label: SIZE, GAP, CLS, the elements, PRINT 1. Binary (bitmaps), hence bytes. */
export function renderTspl(label: LabelDocument, dpi = 203): Uint8Array {
  const scale = scaleFor(dpi);
  return concatBytes([
    ascii(`SIZE ${label.widthMm} mm,${label.heightMm} mm\r\nGAP ${TSPL_GAP_MM} mm,0 mm\r\nDIRECTION 1\r\nREFERENCE 0,0\r\nCLS\r\n`),
    ...label.elements.map((el) => tsplElement(el, scale)),
    ascii('PRINT 1\r\n'),
  ]);
}
