import { FONT_METRICS } from '../../../shared/printing/fontMetrics';
import { outlineFont, type FontWeight } from './fonts';
import { createMonoBitmap, type MonoBitmap } from './monoBitmap';
import { fillOutline } from './outlineFill';

/**
 * Text drawn with DejaVu Sans into 1-bit bitmaps, for printers that cannot be trusted with
 * Vietnamese in their own fonts (receipt image mode, label text).
 */

export interface TextStyle {
  sizePx: number;
  weight: FontWeight;
}

/** Advance width of `text` in dots, kerning included. */
export function measureText(text: string, style: TextStyle): number {
  const font = outlineFont(style.weight);
  const scale = style.sizePx / font.unitsPerEm;
  let end = 0;
  font.forEachGlyph(text.normalize('NFC'), 0, 0, style.sizePx, {}, (glyph, x) => {
    end = x + glyph.advanceWidth * scale;
  });
  return end;
}

/**
 * Draws `text` into `target` with its baseline at `baseline`, from `x`; text wider than `maxWidth`
 * is squeezed horizontally to fit (never wrapped: line breaks are the layout's business). Returns
 * the drawn width.
 */
export function drawText(target: MonoBitmap, text: string, x: number, baseline: number, style: TextStyle, maxWidth = Infinity): number {
  const nfc = text.normalize('NFC');
  const natural = measureText(nfc, style);
  const squeeze = natural > maxWidth ? maxWidth / natural : 1;
  const path = outlineFont(style.weight).getPath(nfc, 0, 0, style.sizePx);
  fillOutline(target, path.commands, (px, py) => [x + px * squeeze, baseline + py]);
  return natural * squeeze;
}

/** One line of text as a bitmap just large enough for it (labels): `capHeightPx` is the height of "H". */
export function textBitmap(text: string, capHeightPx: number, weight: FontWeight, maxWidthPx = Infinity): MonoBitmap {
  const style: TextStyle = { sizePx: capHeightPx / FONT_METRICS.capHeight, weight };
  const top = Math.ceil(style.sizePx * FONT_METRICS.top);
  const height = top + Math.ceil(style.sizePx * FONT_METRICS.bottom) + 1;
  const width = Math.max(1, Math.min(maxWidthPx, Math.ceil(measureText(text, style)) + 1));
  const bitmap = createMonoBitmap(width, height);
  drawText(bitmap, text, 0, top, style, width);
  return bitmap;
}
