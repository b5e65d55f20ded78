/**
 * A printed label (from LabelEmulator) as a PNG the size of the label, one pixel per dot: white
 * stock, boxes and lines, bitmaps dot for dot (Vietnamese text arrives as bitmaps), printer-font
 * text drawn with DejaVu Sans at its cell height (and rotation), 1D barcodes with their human
 * readable line, 2D symbols and QR codes (modules computed by bwip-js, drawn here).
 *
 * Synchronous and pure, like paperPicture (whose canvas, PNG writer, fonts and bwip-js helpers it
 * shares through ./picture). Used by the app to show each label the emulated printer printed.
 */
import type { LabelBarcode, LabelBitmap, LabelBox, LabelLanguage, LabelQrCode, LabelText, PrintedLabel } from './labelEmulator';
import { bwipId, bwipRaw, defaultFontDir, drawBars, drawModules, GrayCanvas, loadFonts, whiteScratch } from './picture';

export interface LabelPictureOptions {
  /** Folder holding DejaVuSans.ttf (default: resources/fonts). */
  fontDir?: string;
  /** Print head resolution, for labels sized in mm (TSPL SIZE) and the default size (default 203). */
  dpi?: number;
}

const DEFAULT_DPI = 203;
const MM_PER_INCH = 25.4;
/** A label that says nothing of its size: 100 x 60 mm (800 x 480 dots at 203 dpi). */
const DEFAULT_SIZE_DOTS = { width: 800, height: 480 } as const;
/** Narrow bar width when the command did not give one (what our renderer sends at 203 dpi). */
const DEFAULT_MODULE = 2;

const SANS = 'BCCI Label Sans';
const FACES = [{ file: 'DejaVuSans.ttf', family: SANS }] as const;

/** DejaVu Sans capital height / em. */
const CAP_PER_EM = 0.729;
/** Printer fonts: capital height as a share of the character cell, capitals centred in it. */
const CAP_PER_CELL = 0.7;
/** Room above the cell for stacked Vietnamese marks, below it for descenders (shares of the cell). */
const ABOVE_CELL = 0.35;
const BELOW_CELL = 0.25;

/** The label's size in dots: ZPL ^PW / ^LL, else TSPL SIZE, else 100 x 60 mm. */
export function labelSizeDots(label: PrintedLabel, dpi = DEFAULT_DPI): { width: number; height: number } {
  const dots = (mm: number): number => Math.max(1, Math.round((mm * dpi) / MM_PER_INCH));
  const fallback = (n: number): number => Math.round((n * dpi) / DEFAULT_DPI);
  const width = label.widthDots && label.widthDots > 0 ? label.widthDots : label.sizeMm ? dots(label.sizeMm.width) : fallback(DEFAULT_SIZE_DOTS.width);
  const height = label.lengthDots && label.lengthDots > 0 ? label.lengthDots : label.sizeMm ? dots(label.sizeMm.height) : fallback(DEFAULT_SIZE_DOTS.height);
  return { width, height };
}

// ---------------------------------------------------------------------------------------------
// text

/** TSPL bitmap fonts "1"-"8": cell width x height in dots at x1. */
const TSPL_FONTS: Readonly<Record<string, { w: number; h: number }>> = {
  '1': { w: 8, h: 12 }, '2': { w: 12, h: 20 }, '3': { w: 16, h: 24 }, '4': { w: 24, h: 32 },
  '5': { w: 32, h: 48 }, '6': { w: 14, h: 19 }, '7': { w: 21, h: 27 }, '8': { w: 14, h: 25 },
};
/** ZPL bitmap fonts: natural width / height of the cell (font 0 and the rest: as DejaVu Sans draws). */
const ZPL_ASPECT: Readonly<Record<string, number>> = { A: 5 / 9, B: 7 / 11, D: 10 / 18, E: 15 / 28, F: 13 / 26, G: 40 / 60, H: 13 / 21 };

type Turn = 0 | 90 | 180 | 270;

interface TextCell {
  /** cell height in dots */
  height: number;
  /** horizontal stretch of DejaVu Sans */
  stretch: number;
  turn: Turn;
}

function turnOf(rotation: string | undefined): Turn {
  switch ((rotation ?? '').trim().toUpperCase()) {
    case 'R':
    case '90':
      return 90;
    case 'I':
    case '180':
      return 180;
    case 'B':
    case '270':
      return 270;
    default:
      return 0;
  }
}

function cellOf(t: LabelText, language: LabelLanguage, dpi: number): TextCell {
  const turn = turnOf(t.rotation);
  if (language === 'zpl') {
    const height = Math.max(1, t.height ?? 9);
    const width = Math.max(1, t.width ?? height);
    const aspect = ZPL_ASPECT[t.font.toUpperCase()];
    return { height, stretch: aspect ? width / height / aspect : width / height, turn };
  }
  const xMul = Math.max(1, t.width ?? 1);
  const yMul = Math.max(1, t.height ?? 1);
  const font = TSPL_FONTS[t.font.trim()];
  // bitmap fonts multiply their cell; "0" and the TrueType fonts take sizes in points
  const height = font ? font.h * yMul : Math.round((yMul * dpi) / 72);
  return { height, stretch: xMul / yMul, turn };
}

/**
 * Draws `text` in DejaVu Sans in a printer font cell `cell.height` dots high whose top-left corner
 * (unrotated) is at (x, y). ZPL turns the field inside its box; TSPL turns it about (x, y).
 */
function drawText(canvas: GrayCanvas, text: string, x: number, y: number, cell: TextCell, language: LabelLanguage): void {
  const nfc = text.normalize('NFC');
  if (nfc.trim() === '') return;
  const size = Math.max(1, Math.round((cell.height * CAP_PER_CELL) / CAP_PER_EM));
  const above = Math.ceil(cell.height * ABOVE_CELL);
  const baseline = above + Math.round(cell.height * (1 + CAP_PER_CELL) * 0.5);
  const probe = whiteScratch(1, 1);
  probe.ctx.font = `${size} ${SANS}`;
  const natural = probe.ctx.measureText(nfc).width;
  const scratch = whiteScratch(natural + 2, above + cell.height + Math.ceil(cell.height * BELOW_CELL));
  scratch.ctx.font = `${size} ${SANS}`;
  scratch.ctx.fillText(nfc, 0, baseline);
  const stretch = Math.min(8, Math.max(0.125, cell.stretch));
  const width = Math.max(1, Math.round(scratch.width * stretch));
  const boxW = Math.round(natural * stretch);
  const boxH = cell.height;
  for (let sy = 0; sy < scratch.height; sy++) {
    const oy = sy - above; // offset below the top of the cell
    for (let ox = 0; ox < width; ox++) {
      const v = scratch.value(Math.min(scratch.width - 1, Math.floor(ox / stretch)), sy);
      if (v === 255) continue;
      const [px, py] = turned(ox, oy, boxW, boxH, cell.turn, language);
      canvas.ink(x + px, y + py, v);
    }
  }
}

/** Where an offset (ox, oy) from the top-left of an unrotated w x h field lands once the field is turned. */
function turned(ox: number, oy: number, w: number, h: number, turn: Turn, language: LabelLanguage): [number, number] {
  if (language === 'zpl') {
    // the turned field still starts at the field origin
    if (turn === 90) return [h - 1 - oy, ox];
    if (turn === 180) return [w - 1 - ox, h - 1 - oy];
    if (turn === 270) return [oy, w - 1 - ox];
    return [ox, oy];
  }
  if (turn === 90) return [-oy, ox];
  if (turn === 180) return [-ox, -oy];
  if (turn === 270) return [oy, -ox];
  return [ox, oy];
}

// ---------------------------------------------------------------------------------------------
// elements

function drawBox(canvas: GrayCanvas, b: LabelBox): void {
  const t = Math.max(1, b.thickness);
  const w = Math.max(Math.abs(b.width), t);
  const h = Math.max(Math.abs(b.height), t);
  const x = b.width < 0 ? b.x + b.width : b.x;
  const y = b.height < 0 ? b.y + b.height : b.y;
  canvas.rect(x, y, w, t);
  canvas.rect(x, y + h - t, w, t);
  canvas.rect(x, y, t, h);
  canvas.rect(x + w - t, y, t, h);
}

function drawBitmap(canvas: GrayCanvas, b: LabelBitmap): void {
  for (let row = 0; row < b.height; row++) {
    for (let col = 0; col < Math.min(b.width, b.bytesPerRow * 8); col++) {
      if (b.bits[row * b.bytesPerRow + (col >> 3)] & (0x80 >> (col & 7))) canvas.ink(b.x + col, b.y + row);
    }
  }
}

/** A frame with the data written in it, for what bwip-js cannot draw (bad check digit, unknown type). */
function drawFallback(canvas: GrayCanvas, text: string, x: number, y: number, language: LabelLanguage): void {
  const cell: TextCell = { height: 20, stretch: 1, turn: 0 };
  const w = Math.min(canvas.width - x, Math.max(40, Math.round(text.length * 11) + 12));
  drawBox(canvas, { x, y, width: w, height: 36, thickness: 1 });
  drawText(canvas, text, x + 6, y + 8, cell, language);
}

function drawBarcode(canvas: GrayCanvas, b: LabelBarcode, language: LabelLanguage): void {
  const bcid = bwipId(b.symbology);
  const raw = bcid ? bwipRaw(bcid, b.data, {}) : null;
  const first = raw?.[0];
  if (!first) {
    drawFallback(canvas, `${b.symbology}: ${b.data}`, b.x, b.y, language);
    return;
  }
  const module = Math.max(1, b.moduleWidth ?? DEFAULT_MODULE);
  const given = b.height !== undefined && b.height > 0 ? b.height : null;
  if ('pixs' in first) {
    const symbology = b.symbology.toUpperCase();
    if (symbology === 'PDF417') {
      // ZPL ^B7 gives the row height; TSPL nothing
      drawModules(canvas, first, b.x, b.y, module, given !== null && given <= 60 ? given : module * 3);
    } else {
      // ZPL ^BX / ^BO give the module size in their height slot
      const size = given !== null && given <= 40 ? given : Math.max(module, 4);
      drawModules(canvas, first, b.x, b.y, size, size);
    }
    return;
  }
  const barHeight = given ?? 10 * module;
  const barsWidth = drawBars(canvas, first, b.x, b.y, module, barHeight);
  if (!b.humanReadable) return;
  // the interpretation line, centred under the bars
  const cell: TextCell = { height: Math.min(40, Math.max(12, 10 * module)), stretch: 1, turn: 0 };
  const textWidth = textWidthDots(b.data, cell);
  drawText(canvas, b.data, b.x + Math.max(0, Math.floor((barsWidth - textWidth) / 2)), b.y + barHeight + 2, cell, language);
}

function textWidthDots(text: string, cell: TextCell): number {
  const probe = whiteScratch(1, 1);
  probe.ctx.font = `${Math.max(1, Math.round((cell.height * CAP_PER_CELL) / CAP_PER_EM))} ${SANS}`;
  return probe.ctx.measureText(text.normalize('NFC')).width * cell.stretch;
}

function drawQr(canvas: GrayCanvas, q: LabelQrCode, language: LabelLanguage): void {
  // the printer encodes the bytes it was sent: UTF-8 for Vietnamese
  const raw = bwipRaw('qrcode', Buffer.from(q.data, 'utf8').toString('latin1'), { eclevel: q.errorCorrection, binarytext: true });
  const first = raw?.[0];
  if (!first || !('pixs' in first)) {
    drawFallback(canvas, `QR: ${q.data}`, q.x, q.y, language);
    return;
  }
  const module = Math.min(20, Math.max(1, q.magnification ?? 2));
  drawModules(canvas, first, q.x, q.y, module, module);
}

/** The label as a greyscale PNG, one pixel per dot, the size of the label (see labelSizeDots). */
export function renderLabelPng(label: PrintedLabel, options: LabelPictureOptions = {}): Buffer {
  return renderLabelCanvas(label, options).png();
}

/** The label drawn on a canvas (renderLabelPng without the PNG; tests read its pixels). */
export function renderLabelCanvas(label: PrintedLabel, options: LabelPictureOptions = {}): GrayCanvas {
  const dpi = options.dpi ?? DEFAULT_DPI;
  loadFonts(options.fontDir ?? defaultFontDir(), FACES, 'label picture');
  const { width, height } = labelSizeDots(label, dpi);
  const canvas = new GrayCanvas(width, height);
  for (const b of label.boxes) drawBox(canvas, b);
  for (const b of label.bitmaps) drawBitmap(canvas, b);
  for (const t of label.texts) drawText(canvas, t.text, t.x, t.y, cellOf(t, label.language, dpi), label.language);
  for (const b of label.barcodes) drawBarcode(canvas, b, label.language);
  for (const q of label.qrCodes) drawQr(canvas, q, label.language);
  return canvas;
}
