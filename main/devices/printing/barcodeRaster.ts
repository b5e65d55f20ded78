import bwipjs from 'bwip-js/node';
import { createMonoBitmap, fillRect, type MonoBitmap } from './monoBitmap';

/** Bar and space widths in modules, bar first (bwip-js picks code sets A/B/C for the shortest symbol). */
function code128Widths(data: string): number[] {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text: data });
  if (!symbol || !('sbs' in symbol)) throw new Error('bwip-js returned no Code 128 bars');
  return symbol.sbs;
}

/** Modules of the smallest Code 128 symbol for `data` (its quiet zones are the paper's margins). */
export function code128Modules(data: string): number {
  return code128Widths(data).reduce((a, b) => a + b, 0);
}

/**
 * A Code 128 symbol drawn as a bitmap exactly as wide as its bars, each module `moduleDots` dots:
 * for papers too narrow for the printer's own barcode command at its smallest module (2 dots).
 * The printer places it like any graphic (ESC a aligns it).
 */
export function code128Bitmap(data: string, moduleDots: number, heightDots: number): MonoBitmap {
  const widths = code128Widths(data);
  const bitmap = createMonoBitmap(widths.reduce((a, b) => a + b, 0) * moduleDots, heightDots);
  let x = 0;
  widths.forEach((w, i) => {
    if (i % 2 === 0) fillRect(bitmap, x, 0, w * moduleDots, heightDots);
    x += w * moduleDots;
  });
  return bitmap;
}
