import path from 'node:path';
import { registerFont } from 'pureimage';
import { defaultAppRoot } from '../../app/paths';

/**
 * The fonts text is drawn with when a printer cannot be trusted with Vietnamese (image mode,
 * label bitmaps). DejaVu Sans has every Vietnamese letter; DejaVu Sans Mono lacks 46 of them
 * (ả, ắ, ầ, ẩ, ổ, ử…), so it is not used even though receipts are laid out in columns.
 * pureimage loads and parses them (opentype.js underneath), once per process.
 */
export type FontWeight = 'regular' | 'bold';

/** One outline command of a glyph path, y growing downwards, in pixels. */
export interface PathCommand {
  type: 'M' | 'L' | 'Q' | 'C' | 'Z';
  x: number;
  y: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Glyph {
  advanceWidth: number;
}

/** The part of an opentype.js Font used here (pureimage ships it untyped). */
export interface OutlineFont {
  unitsPerEm: number;
  getPath(text: string, x: number, y: number, fontSize: number): { commands: PathCommand[] };
  forEachGlyph(text: string, x: number, y: number, fontSize: number, options: object, callback: (glyph: Glyph, x: number) => void): void;
}

const FILES: Readonly<Record<FontWeight, string>> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

const loaded = new Map<FontWeight, OutlineFont>();

/** The font of a weight: read and parsed the first time (~30 ms), a lookup afterwards. */
export function outlineFont(weight: FontWeight): OutlineFont {
  let font = loaded.get(weight);
  if (!font) {
    const file = path.join(defaultAppRoot(), 'resources', 'fonts', FILES[weight]);
    font = registerFont(file, `BCCI DejaVu Sans ${weight}`).loadSync().font as OutlineFont;
    loaded.set(weight, font);
  }
  return font;
}
