/**
 * A printed receipt (from EscposEmulator) as a PNG that looks like the paper: white background,
 * text in DejaVu Sans Mono on a 12 x 24-dot cell (font A; 9 x 17 for font B) with bold, double and
 * larger sizes, underline and white-on-black, barcodes and QR codes (bars computed by bwip-js, drawn
 * here), raster images dot for dot, and a dashed line where the paper was cut.
 *
 * Synchronous and pure (no canvas, no native code): fonts are rasterised with pureimage, the PNG is
 * written with node:zlib. Used by the app to show each receipt the emulated printer printed.
 */
import { imagePixel, type PaperItem, type PrintedBarcode, type PrintedImage, type PrintedLine, type PrintedQrCode, type PrintedReceipt, type TextStyle } from './escposEmulator';
import { bwipId, bwipRaw, defaultFontDir, drawBars, drawModules, GrayCanvas, linearModules, loadFonts, whiteScratch, type GlyphSource, type MatrixRaw } from './picture';

export interface PaperPictureOptions {
  /** Folder holding DejaVuSansMono.ttf and DejaVuSansMono-Bold.ttf (default: resources/fonts). */
  fontDir?: string;
  /** White margin around the printable width, in pixels (default 16). */
  margin?: number;
  /** Dots of paper feed per line for ESC d and blank lines (default 30). */
  defaultLineSpacing?: number;
}

// ---------------------------------------------------------------------------------------------
// fonts

const REGULAR = 'BCCI Paper Mono';
const BOLD = 'BCCI Paper Mono Bold';
/** DejaVu Sans Mono has no glyph for letters with two marks stacked (ấ ồ ẳ …) nor hook above (ả ủ):
 * those come from DejaVu Sans, centred on their cell. */
const FALLBACK = 'BCCI Paper Sans';
const FALLBACK_BOLD = 'BCCI Paper Sans Bold';
/** DejaVu Sans Mono advance width / em (1233 / 2048). */
const ADVANCE_PER_EM = 1233 / 2048;

const FACES = [
  { file: 'DejaVuSansMono.ttf', family: REGULAR },
  { file: 'DejaVuSansMono-Bold.ttf', family: BOLD },
  { file: 'DejaVuSans.ttf', family: FALLBACK },
  { file: 'DejaVuSans-Bold.ttf', family: FALLBACK_BOLD },
] as const;
let fonts: ReadonlyMap<string, GlyphSource> = new Map();

/** The family to draw `ch` with, and its advance in pixels at `size`. */
function fontFor(ch: string, bold: boolean, size: number): { family: string; advance: number | null } {
  const mono = bold ? BOLD : REGULAR;
  const monoFont = fonts.get(mono);
  if (!monoFont || monoFont.charToGlyph(ch).index !== 0) return { family: mono, advance: null };
  const family = bold ? FALLBACK_BOLD : FALLBACK;
  const font = fonts.get(family);
  const glyph = font?.charToGlyph(ch);
  if (!font || !glyph || glyph.index === 0) return { family: mono, advance: null };
  return { family, advance: ((glyph.advanceWidth ?? font.unitsPerEm * ADVANCE_PER_EM) * size) / font.unitsPerEm };
}

interface Cell {
  w: number;
  h: number;
}

function cellOf(style: TextStyle): Cell {
  return style.font === 'B' ? { w: 9, h: 17 } : { w: 12, h: 24 };
}

/** Printers print CJK (Chinese mode) characters on a double-width cell. */
function cellsOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) ? 2 : 1;
  }
  return n;
}

/** Draws `text` in one style at (x, y) (top-left of the scaled cell row); returns its width. */
function drawText(canvas: GrayCanvas, text: string, style: TextStyle, x: number, y: number): number {
  const cell = cellOf(style);
  const cells = cellsOf(text);
  const w = cells * cell.w;
  if (w === 0) return 0;
  const scaleX = style.widthScale;
  const scaleY = style.heightScale;
  // rasterise at 1x into a scratch bitmap, then scale dot by dot like the print head does
  const scratch = whiteScratch(w, cell.h);
  const ctx = scratch.ctx;
  const size = Math.round(cell.w / ADVANCE_PER_EM);
  // text drawn char by char on its cell, so double-width CJK and fallbacks keep the grid
  let cx = 0;
  for (const ch of text) {
    const span = cellsOf(ch);
    const { family, advance } = fontFor(ch, style.bold, size);
    ctx.font = `${size} ${family}`;
    const offset = advance === null ? ((span - 1) * cell.w) / 2 : (span * cell.w - advance) / 2;
    ctx.fillText(ch, cx + offset, Math.round(cell.h * 0.78));
    cx += span * cell.w;
  }
  for (let sy = 0; sy < cell.h; sy++) {
    for (let sx = 0; sx < w; sx++) {
      const srcY = style.upsideDown ? cell.h - 1 - sy : sy;
      const srcX = style.upsideDown ? w - 1 - sx : sx;
      const v = scratch.value(srcX, srcY);
      const value = style.invert ? 255 - v : v;
      for (let dy = 0; dy < scaleY; dy++) {
        for (let dx = 0; dx < scaleX; dx++) {
          if (style.invert) canvas.set(x + sx * scaleX + dx, y + sy * scaleY + dy, value);
          else canvas.ink(x + sx * scaleX + dx, y + sy * scaleY + dy, value);
        }
      }
    }
  }
  if (style.underline > 0) {
    canvas.rect(x, y + cell.h * scaleY - style.underline, w * scaleX, style.underline, style.invert ? 255 : 0);
  }
  return w * scaleX;
}

// ---------------------------------------------------------------------------------------------
// layout

interface Placed {
  height: number;
  draw(canvas: GrayCanvas, y: number): void;
}

function alignedX(align: 'left' | 'center' | 'right', width: number, areaLeft: number, areaWidth: number): number {
  if (align === 'center') return areaLeft + Math.max(0, Math.floor((areaWidth - width) / 2));
  if (align === 'right') return areaLeft + Math.max(0, areaWidth - width);
  return areaLeft;
}

function placeLine(line: PrintedLine, margin: number, widthDots: number, defaultSpacing: number): Placed {
  const segments = line.segments.length > 0 ? line.segments : [{ text: '', style: line.style }];
  const width = segments.reduce((sum, s) => sum + cellsOf(s.text) * cellOf(s.style).w * s.style.widthScale, 0);
  const tallest = Math.max(...segments.map((s) => cellOf(s.style).h * s.style.heightScale));
  const height = Math.max(line.lineSpacing ?? defaultSpacing, tallest + 2);
  const areaWidth = line.printAreaWidth ?? widthDots - line.leftMargin;
  const x0 = margin + alignedX(line.align, width, line.leftMargin, Math.min(areaWidth, widthDots - line.leftMargin));
  return {
    height,
    draw(canvas, y) {
      let x = x0;
      for (const s of segments) {
        const h = cellOf(s.style).h * s.style.heightScale;
        x += drawText(canvas, s.text, s.style, x, y + tallest - h); // baselines line up
      }
    },
  };
}

/** A box with the data written in it, for what bwip-js cannot draw (bad check digit, unknown type). */
function placeFallback(label: string, align: PrintedBarcode['align'], margin: number, widthDots: number): Placed {
  const style: TextStyle = { bold: false, underline: 0, widthScale: 1, heightScale: 1, doubleWidth: false, doubleHeight: false, font: 'B', invert: false, upsideDown: false };
  const text = label.slice(0, Math.floor((widthDots - 8) / 9));
  const w = cellsOf(text) * 9 + 8;
  const x = margin + alignedX(align, w, 0, widthDots);
  return {
    height: 40,
    draw(canvas, y) {
      canvas.rect(x, y + 4, w, 1);
      canvas.rect(x, y + 33, w, 1);
      canvas.rect(x, y + 4, 1, 30);
      canvas.rect(x + w - 1, y + 4, 1, 30);
      drawText(canvas, text, style, x + 4, y + 11);
    },
  };
}

function placeMatrix(raw: MatrixRaw, module: number, rowHeight: number, align: PrintedBarcode['align'], margin: number, widthDots: number): Placed {
  const x0 = margin + alignedX(align, raw.pixx * module, 0, widthDots);
  return {
    height: raw.pixy * rowHeight + 8,
    draw(canvas, y) {
      drawModules(canvas, raw, x0, y + 4, module, rowHeight);
    },
  };
}

function placeBarcode(b: PrintedBarcode, margin: number, widthDots: number): Placed {
  const bcid = bwipId(b.symbology);
  const text = Buffer.from(b.bytes).toString('latin1');
  const raw = bcid ? bwipRaw(bcid, b.symbology === 'CODE128' ? b.data : text, { binarytext: b.command === 'GS ( k' }) : null;
  const first = raw?.[0];
  if (!first) return placeFallback(`${b.symbology}: ${b.data}`, b.align, margin, widthDots);
  if ('pixs' in first) {
    const module = Math.max(1, b.moduleWidth || 3);
    const rowHeight = b.symbology === 'PDF417' ? module * 3 : module;
    return placeMatrix(first, module, rowHeight, b.align, margin, widthDots);
  }
  const module = Math.max(1, b.moduleWidth || 3);
  const barsWidth = linearModules(first) * module;
  const barHeight = Math.max(1, b.height);
  const hriStyle: TextStyle = { bold: false, underline: 0, widthScale: 1, heightScale: 1, doubleWidth: false, doubleHeight: false, font: b.hriFont, invert: false, upsideDown: false };
  const hriHeight = b.hri === 'none' ? 0 : cellOf(hriStyle).h + 2;
  const above = b.hri === 'above' || b.hri === 'both';
  const below = b.hri === 'below' || b.hri === 'both';
  const x0 = margin + alignedX(b.align, barsWidth, 0, widthDots);
  return {
    height: barHeight + (above ? hriHeight : 0) + (below ? hriHeight : 0) + 8,
    draw(canvas, y) {
      let top = y + 4;
      const hriX = x0 + Math.max(0, Math.floor((barsWidth - cellsOf(b.hriText) * cellOf(hriStyle).w) / 2));
      if (above) {
        drawText(canvas, b.hriText, hriStyle, hriX, top);
        top += hriHeight;
      }
      drawBars(canvas, first, x0, top, module, barHeight);
      if (below) drawText(canvas, b.hriText, hriStyle, hriX, top + barHeight + 2);
    },
  };
}

function placeQr(q: PrintedQrCode, margin: number, widthDots: number): Placed {
  const ecl = q.errorCorrection;
  const raw = bwipRaw(q.model === 'micro' ? 'microqrcode' : 'qrcode', Buffer.from(q.bytes).toString('latin1'), { eclevel: ecl, binarytext: true });
  const first = raw?.[0];
  if (!first || !('pixs' in first)) return placeFallback(`QR: ${q.data}`, q.align, margin, widthDots);
  const module = Math.max(1, q.moduleSize);
  return placeMatrix(first, module, module, q.align, margin, widthDots);
}

function placeImage(img: PrintedImage, margin: number, widthDots: number): Placed {
  const w = img.width * img.scaleX;
  const x0 = margin + alignedX(img.align, w, 0, widthDots);
  return {
    height: img.height * img.scaleY,
    draw(canvas, y) {
      for (let py = 0; py < img.height; py++) {
        for (let px = 0; px < img.width; px++) {
          if (imagePixel(img, px, py)) canvas.rect(x0 + px * img.scaleX, y + py * img.scaleY, img.scaleX, img.scaleY);
        }
      }
    },
  };
}

function placeCut(partial: boolean, total: number): Placed {
  return {
    height: 24,
    draw(canvas, y) {
      const mid = y + 12;
      for (let x = 0; x < total; x += 12) {
        const centre = Math.abs(x - total / 2) < 24;
        if (partial && centre) continue; // a partial cut leaves a bridge in the middle
        canvas.rect(x, mid, 7, 2, 90);
      }
    },
  };
}

function place(item: PaperItem, margin: number, widthDots: number, total: number, spacing: number): Placed | null {
  switch (item.kind) {
    case 'text':
      return placeLine(item, margin, widthDots, spacing);
    case 'barcode':
      return placeBarcode(item, margin, widthDots);
    case 'qr':
      return placeQr(item, margin, widthDots);
    case 'image':
      return placeImage(item, margin, widthDots);
    case 'feed':
      return { height: item.unit === 'dots' ? item.amount : item.amount * spacing, draw: () => undefined };
    case 'cut':
      return placeCut(item.partial, total);
    case 'chinese-mode':
      return null;
  }
}

/**
 * The receipt as a greyscale PNG, `widthDots` printable dots wide (576 = 80 mm paper, 384 = 58 mm)
 * plus a white margin.
 */
export function renderPaperPng(receipt: PrintedReceipt, widthDots = 576, options: PaperPictureOptions = {}): Buffer {
  fonts = loadFonts(options.fontDir ?? defaultFontDir(), FACES, 'paper picture');
  const margin = options.margin ?? 16;
  const spacing = options.defaultLineSpacing ?? 30;
  const total = widthDots + 2 * margin;
  const placed = receipt.items.map((item) => place(item, margin, widthDots, total, spacing)).filter((p): p is Placed => p !== null);
  const height = margin * 2 + placed.reduce((sum, p) => sum + p.height, 0);
  const canvas = new GrayCanvas(total, Math.max(height, margin * 2 + 1));
  let y = margin;
  for (const p of placed) {
    p.draw(canvas, y);
    y += p.height;
  }
  return canvas.png();
}
