import { FONT_METRICS } from '../../../shared/printing/fontMetrics';
import type { LayoutLine } from '../../../shared/printing/layout';
import { createMonoBitmap, fillRect, type MonoBitmap } from './monoBitmap';
import { drawText, measureText, type TextStyle } from './textRaster';

/**
 * Image mode: one laid-out receipt line drawn as a bitmap as wide as the paper. The layout's
 * character cells become boxes of paper width / columns dots (12 on 576/48 and 384/32), so the
 * raster breaks lines exactly where the text print does; inside its box the text is drawn in
 * DejaVu Sans (proportional, so it reads like a document) and aligned in dots.
 */

export interface RasterGeometry {
  dotsPerLine: number;
  columns: number;
}

/** Font size per cell width: DejaVu Sans averages ~0.6 em per letter, so a typical word fills its cells. */
const SIZE_PER_CELL = 1.65;

interface LineMetrics {
  style: Omit<TextStyle, 'weight'>;
  /** Dots from the top of the line to the baseline: room for the highest stacked marks (Ẳ, Ẫ). */
  baseline: number;
  height: number;
  /** Dots per character cell of this line (double on a size-2 line). */
  cell: number;
}

function lineMetrics(size: 1 | 2, geometry: RasterGeometry): LineMetrics {
  const cell = (geometry.dotsPerLine / geometry.columns) * size;
  const sizePx = Math.round(cell * SIZE_PER_CELL);
  const baseline = Math.ceil(sizePx * FONT_METRICS.top) + 1;
  return { style: { sizePx }, baseline, height: baseline + Math.ceil(sizePx * FONT_METRICS.bottom) + 3, cell };
}

function ruleBitmap(rule: '-' | '=', width: number, height: number): MonoBitmap {
  const bitmap = createMonoBitmap(width, height);
  const middle = Math.floor(height / 2);
  if (rule === '-') fillRect(bitmap, 0, middle - 1, width, 2);
  else {
    fillRect(bitmap, 0, middle - 3, width, 2);
    fillRect(bitmap, 0, middle + 1, width, 2);
  }
  return bitmap;
}

export function rasterizeLine(line: LayoutLine, geometry: RasterGeometry): MonoBitmap {
  const metrics = lineMetrics(line.size, geometry);
  if (line.rule !== undefined) return ruleBitmap(line.rule, geometry.dotsPerLine, metrics.height);
  const bitmap = createMonoBitmap(geometry.dotsPerLine, metrics.height);
  for (const cell of line.cells) {
    const style: TextStyle = { ...metrics.style, weight: cell.bold ? 'bold' : 'regular' };
    const box = { x: cell.start * metrics.cell, width: cell.width * metrics.cell };
    const drawn = Math.min(measureText(cell.text, style), box.width);
    // the layout aligned the text in cells; in dots, keep it to the same side (or centre) of its box
    const x = cell.align === 'right' ? box.x + box.width - drawn : cell.align === 'center' ? box.x + (box.width - drawn) / 2 : box.x;
    drawText(bitmap, cell.text, Math.round(x), metrics.baseline, style, box.width);
    if (line.underline) fillRect(bitmap, Math.round(x), metrics.baseline + 2, Math.ceil(drawn), line.size);
  }
  return bitmap;
}
