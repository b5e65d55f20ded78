/**
 * What the pictures of emulated printouts share (paperPicture: receipts, labelPicture: labels): a
 * greyscale canvas with its own PNG writer (node:zlib, no native code), the DejaVu fonts registered
 * with pureimage, a white scratch bitmap to rasterise text into, and bwip-js's raw symbol matrices
 * (bars and modules computed by bwip-js, drawn here).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import bwipjs from 'bwip-js/node';
import * as PImage from 'pureimage';
import { defaultAppRoot } from '../../app/paths';

/** 255 = white ... 0 = black, one byte per pixel. */
export class GrayCanvas {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height).fill(255);
  }

  /** Darkens pixel (x, y) to at most `value`. */
  ink(x: number, y: number, value = 0): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = y * this.width + x;
    if (value < this.data[i]) this.data[i] = value;
  }

  set(x: number, y: number, value: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.data[y * this.width + x] = value;
  }

  rect(x: number, y: number, w: number, h: number, value = 0): void {
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) {
      for (let xx = Math.max(0, x); xx < Math.min(this.width, x + w); xx++) this.data[yy * this.width + xx] = value;
    }
  }

  /** 8-bit greyscale PNG, unfiltered rows in one IDAT chunk. */
  png(): Buffer {
    const raw = Buffer.alloc((this.width + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width + 1)] = 0; // filter: none
      raw.set(this.data.subarray(y * this.width, (y + 1) * this.width), y * (this.width + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 0; // greyscale
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

// ---------------------------------------------------------------------------------------------
// fonts

/** The app's fonts folder (DejaVu Sans and Sans Mono, regular and bold). */
export function defaultFontDir(): string {
  return path.join(defaultAppRoot(), 'resources', 'fonts');
}

/** The part of an opentype.js font used to pick glyphs (pureimage ships it untyped). */
export interface GlyphSource {
  charToGlyph(ch: string): { index: number; advanceWidth?: number };
  unitsPerEm: number;
}

export interface FontFace {
  /** file name in the fonts folder, e.g. DejaVuSans.ttf */
  file: string;
  /** the family name it is registered under with pureimage (ctx.font = `${size} ${family}`) */
  family: string;
}

const registered = new Map<string, { full: string; font: GlyphSource }>();

/**
 * Registers `faces` from `fontDir` with pureimage (each read once per folder) and returns their
 * fonts by family. `who` names the caller in the error thrown for a missing file.
 */
export function loadFonts(fontDir: string, faces: readonly FontFace[], who: string): Map<string, GlyphSource> {
  const out = new Map<string, GlyphSource>();
  for (const { file, family } of faces) {
    const full = path.join(fontDir, file);
    let entry = registered.get(family);
    if (entry?.full !== full) {
      if (!fs.existsSync(full)) throw new Error(`${who}: font not found: ${full}`);
      const font = (PImage.registerFont(full, family).loadSync() as unknown as { font: GlyphSource }).font;
      entry = { full, font };
      registered.set(family, entry);
    }
    out.set(family, entry.font);
  }
  return out;
}

/** A white RGBA bitmap to draw text into in black; `value(x, y)` reads its grey level back. */
export interface Scratch {
  readonly width: number;
  readonly height: number;
  readonly ctx: PImage.Context;
  value(x: number, y: number): number;
}

export function whiteScratch(width: number, height: number): Scratch {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  const bitmap = PImage.make(w, h);
  const ctx = bitmap.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000000';
  return { width: w, height: h, ctx, value: (x, y) => bitmap.data[(y * w + x) * 4] };
}

// ---------------------------------------------------------------------------------------------
// barcodes

/** Symbology names (either emulator's, any case) -> bwip-js encoder ids. */
const BWIP_IDS: Readonly<Record<string, string>> = {
  CODE128: 'code128', EAN13: 'ean13', EAN8: 'ean8', 'UPC-A': 'upca', 'UPC-E': 'upce', CODE39: 'code39',
  ITF: 'interleaved2of5', CODABAR: 'rationalizedCodabar', CODE93: 'code93', 'GS1-128': 'gs1-128',
  PDF417: 'pdf417', DATAMATRIX: 'datamatrix', AZTEC: 'azteccode', MAXICODE: 'maxicode',
  'GS1 DATABAR OMNIDIRECTIONAL': 'databaromni', 'GS1 DATABAR TRUNCATED': 'databartruncated',
  'GS1 DATABAR LIMITED': 'databarlimited', 'GS1 DATABAR EXPANDED': 'databarexpanded',
};

export function bwipId(symbology: string): string | undefined {
  return BWIP_IDS[symbology.toUpperCase()];
}

export interface LinearRaw {
  /** bar, space, bar, ... widths in modules */
  sbs: number[];
}
export interface MatrixRaw {
  /** row-major, 1 = dark module */
  pixs: number[];
  pixx: number;
  pixy: number;
}
export type Raw = LinearRaw[] | MatrixRaw[];
const rawSymbol = bwipjs.raw as (bcid: string, text: string, opts: object) => Raw;

/** bwip-js's symbol, or null when it cannot encode the data (bad check digit, wrong length ...). */
export function bwipRaw(bcid: string, text: string, opts: { binarytext?: boolean; eclevel?: string }): Raw | null {
  try {
    return rawSymbol(bcid, text, opts);
  } catch {
    return null;
  }
}

/** Width of a linear symbol in modules. */
export function linearModules(raw: LinearRaw): number {
  return raw.sbs.reduce((a, n) => a + n, 0);
}

/** Draws the bars of a linear symbol from (x, y); returns the width drawn. */
export function drawBars(canvas: GrayCanvas, raw: LinearRaw, x: number, y: number, module: number, height: number): number {
  let cx = x;
  raw.sbs.forEach((n, i) => {
    if (i % 2 === 0) canvas.rect(cx, y, n * module, height);
    cx += n * module;
  });
  return cx - x;
}

/** Draws the dark modules of a matrix symbol, each `moduleW` x `moduleH` pixels, from (x, y). */
export function drawModules(canvas: GrayCanvas, raw: MatrixRaw, x: number, y: number, moduleW: number, moduleH: number): void {
  for (let r = 0; r < raw.pixy; r++) {
    for (let c = 0; c < raw.pixx; c++) if (raw.pixs[r * raw.pixx + c]) canvas.rect(x + c * moduleW, y + r * moduleH, moduleW, moduleH);
  }
}
