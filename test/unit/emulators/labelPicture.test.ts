import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderTspl, renderZpl } from '../../../main/devices/printing/labels';
import { sampleEnvelopeLabel, SAMPLE_ITEM_NUMBER } from '../../../main/devices/printing/sampleLabel';
import { LabelEmulator, labelSizeDots, renderLabelPng, type LabelLanguage, type PrintedLabel } from '../../support/emulators';

/** An 8-bit greyscale PNG read back (the writer's form: one IDAT, unfiltered rows). */
function decodeGrayPng(png: Buffer): { width: number; height: number; at(x: number, y: number): number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 0]); // 8-bit greyscale
  const idat: Buffer[] = [];
  for (let off = 8; off < png.length; ) {
    const len = png.readUInt32BE(off);
    if (png.toString('latin1', off + 4, off + 8) === 'IDAT') idat.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width + 1) * height);
  for (let y = 0; y < height; y++) expect(raw[y * (width + 1)]).toBe(0); // filter: none
  return { width, height, at: (x, y) => raw[y * (width + 1) + 1 + x] };
}

type Picture = ReturnType<typeof decodeGrayPng>;

/** Dark pixels (< 128) in the rectangle [x0, x1) x [y0, y1). */
function dark(pic: Picture, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pic.at(x, y) < 128) n++;
  return n;
}

/** Pixels that are not pure white in the rectangle. */
function inked(pic: Picture, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pic.at(x, y) !== 255) n++;
  return n;
}

function sampleLabel(language: LabelLanguage): PrintedLabel {
  const doc = sampleEnvelopeLabel();
  const emu = new LabelEmulator({ language });
  emu.feed(language === 'zpl' ? new Uint8Array(Buffer.from(renderZpl(doc), 'utf8')) : renderTspl(doc));
  expect(emu.unknown).toEqual([]);
  const [label] = emu.labels();
  expect(label).toBeDefined();
  return label;
}

const dots = (mm: number): number => Math.round((mm * 203) / 25.4);

describe.each(['zpl', 'tspl'] as const)('renderLabelPng: the sample envelope label in %s', (language) => {
  const label = sampleLabel(language);
  const pic = decodeGrayPng(renderLabelPng(label));

  it('is the size of the label, one pixel per dot at 203 dpi', () => {
    expect(pic.width).toBe(dots(100));
    expect(pic.height).toBe(dots(70));
    expect(labelSizeDots(label)).toEqual({ width: pic.width, height: pic.height });
  });

  it('draws the Vietnamese text bitmaps dot for dot', () => {
    const bitmaps = label.bitmaps;
    expect(bitmaps.length).toBeGreaterThanOrEqual(4);
    for (const b of bitmaps) {
      let black = 0;
      for (let row = 0; row < b.height; row++) {
        for (let col = 0; col < b.width; col++) {
          if (b.bits[row * b.bytesPerRow + (col >> 3)] & (0x80 >> (col & 7))) {
            expect(pic.at(b.x + col, b.y + row)).toBe(0);
            black++;
          }
        }
      }
      expect(black).toBeGreaterThan(50);
    }
  });

  it('draws the item number barcode: bars across its height, its number below', () => {
    const [barcode] = label.barcodes;
    expect(barcode).toMatchObject({ symbology: 'CODE128', data: SAMPLE_ITEM_NUMBER, humanReadable: true });
    const height = barcode.height ?? 0;
    expect(height).toBeGreaterThan(40);
    const midY = barcode.y + Math.floor(height / 2);
    const row = [...Array(pic.width - barcode.x).keys()].map((i) => pic.at(barcode.x + i, midY) === 0);
    // the symbol ends where its quiet zone (10 modules or more of white) begins
    const columns = row.slice(0, row.findIndex((_black, i) => row.slice(i, i + 20).every((black) => !black)));
    const bars = columns.filter((black, i) => black && !columns[i - 1]).length;
    expect(bars).toBeGreaterThanOrEqual(3 * (SAMPLE_ITEM_NUMBER.length / 2 + 3)); // Code 128: 3 bars per symbol
    expect(columns[0]).toBe(true); // the start symbol begins with a bar
    // every bar runs the full height
    const end = columns.lastIndexOf(true);
    for (let i = 0; i <= end; i++) {
      if (columns[i]) expect(pic.at(barcode.x + i, barcode.y) + pic.at(barcode.x + i, barcode.y + height - 1)).toBe(0);
    }
    // white above the bars (quiet zone to the left), the number under them
    expect(inked(pic, barcode.x - 10, barcode.y, barcode.x, barcode.y + height)).toBe(0);
    expect(dark(pic, barcode.x, barcode.y + height + 1, barcode.x + end, barcode.y + height + 30)).toBeGreaterThan(100);
  });

  it('draws the QR code with its finder patterns', () => {
    const [qr] = label.qrCodes;
    const m = qr.magnification ?? 1;
    // top-left finder: 7 x 7 modules, dark ring, light ring, dark 3 x 3 core
    expect(pic.at(qr.x, qr.y)).toBe(0);
    expect(pic.at(qr.x + 6 * m, qr.y + 6 * m)).toBe(0);
    expect(pic.at(qr.x + m, qr.y + m)).toBe(255);
    expect(dark(pic, qr.x + 2 * m, qr.y + 2 * m, qr.x + 5 * m, qr.y + 5 * m)).toBe(9 * m * m);
  });

  it('draws the printer-font text and the frames', () => {
    expect(label.texts.length).toBeGreaterThan(0);
    for (const t of label.texts) {
      const h = language === 'zpl' ? (t.height ?? 0) : 20 * (t.height ?? 1); // TSPL font "2": 20-dot cell
      expect(dark(pic, t.x, t.y, t.x + h * 4, t.y + h)).toBeGreaterThan(h * 5);
    }
    for (const b of label.boxes) {
      expect(pic.at(b.x + Math.floor(b.width / 2), b.y)).toBe(0);
      expect(pic.at(b.x, b.y + Math.floor(b.height / 2))).toBe(0);
      expect(pic.at(b.x + b.width - 1, b.y + b.height - 1)).toBe(0);
      // inside the frame line, before any content
      expect(pic.at(b.x + b.thickness, b.y + b.thickness)).toBe(255);
    }
  });

  it('leaves the label white outside its content', () => {
    const { width, height } = pic;
    const [frame] = label.boxes; // the outer frame, inside the label's edge
    expect(frame.x).toBeGreaterThan(0);
    expect(inked(pic, 0, 0, width, frame.y)).toBe(0);
    expect(inked(pic, 0, frame.y + frame.height, width, height)).toBe(0);
    expect(inked(pic, 0, 0, frame.x, height)).toBe(0);
    expect(inked(pic, frame.x + frame.width, 0, width, height)).toBe(0);
    // and nothing anywhere but where the label's elements are (generous bounds for drawn ones)
    const allowed = new Uint8Array(width * height);
    const allow = (x0: number, y0: number, x1: number, y1: number): void => {
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++) {
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, Math.ceil(x1)); x++) allowed[y * width + x] = 1;
      }
    };
    for (const b of label.boxes) {
      allow(b.x, b.y, b.x + b.width, b.y + b.thickness);
      allow(b.x, b.y + b.height - b.thickness, b.x + b.width, b.y + b.height);
      allow(b.x, b.y, b.x + b.thickness, b.y + b.height);
      allow(b.x + b.width - b.thickness, b.y, b.x + b.width, b.y + b.height);
    }
    for (const b of label.bitmaps) allow(b.x, b.y, b.x + b.width, b.y + b.height);
    for (const t of label.texts) {
      const h = language === 'zpl' ? (t.height ?? 0) : 20 * (t.height ?? 1);
      allow(t.x, t.y - 0.4 * h, t.x + 0.8 * h * t.text.length, t.y + 1.3 * h);
    }
    for (const b of label.barcodes) {
      const module = b.moduleWidth ?? 2;
      allow(b.x, b.y, b.x + module * (11 * (b.data.length + 2) + 13), b.y + (b.height ?? 0) + 2 + 60);
    }
    for (const q of label.qrCodes) allow(q.x, q.y, q.x + 57 * (q.magnification ?? 1), q.y + 57 * (q.magnification ?? 1));
    let stray = 0;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (!allowed[y * width + x] && pic.at(x, y) !== 255) stray++;
    expect(stray).toBe(0);
    // which leaves some of the label white
    expect(allowed.reduce((n, a) => n + a, 0)).toBeLessThan(width * height * 0.75);
  });
});

describe('renderLabelPng: sizes and fallbacks', () => {
  it('a label without a size is 100 x 60 mm (800 x 480 dots at 203 dpi)', () => {
    const emu = new LabelEmulator();
    emu.feed(new Uint8Array(Buffer.from('^XA^FO10,10^A0N,30,30^FDno size^FS^XZ', 'latin1')));
    const pic = decodeGrayPng(renderLabelPng(emu.labels()[0]));
    expect([pic.width, pic.height]).toEqual([800, 480]);
    expect(dark(pic, 10, 10, 200, 40)).toBeGreaterThan(100);
    expect(inked(pic, 0, 60, 800, 480)).toBe(0);
  });

  it('TSPL SIZE in mm at another resolution', () => {
    const emu = new LabelEmulator();
    emu.feed(new Uint8Array(Buffer.from('SIZE 50 mm,30 mm\r\nCLS\r\nBAR 0,0,20,20\r\nPRINT 1\r\n', 'latin1')));
    const label = emu.labels()[0];
    const pic = decodeGrayPng(renderLabelPng(label, { dpi: 300 }));
    expect([pic.width, pic.height]).toEqual([591, 354]);
    expect(dark(pic, 0, 0, 20, 20)).toBe(400);
    expect(inked(pic, 20, 0, 591, 354)).toBe(0);
  });

  it('data bwip-js cannot encode is shown in a frame instead of bars', () => {
    const emu = new LabelEmulator();
    emu.feed(new Uint8Array(Buffer.from('^XA^PW400^LL200^FO10,10^BEN,50,Y,N^FDnot digits^FS^XZ', 'latin1')));
    const pic = decodeGrayPng(renderLabelPng(emu.labels()[0]));
    expect(pic.at(10, 10)).toBe(0);
    expect(dark(pic, 14, 14, 390, 40)).toBeGreaterThan(50);
  });

  it('turns ZPL fields inside their box', () => {
    const emu = new LabelEmulator();
    emu.feed(new Uint8Array(Buffer.from('^XA^PW400^LL400^FO100,100^A0R,40,40^FDTURNED^FS^XZ', 'latin1')));
    const pic = decodeGrayPng(renderLabelPng(emu.labels()[0]));
    expect(dark(pic, 100, 100, 140, 260)).toBeGreaterThan(500); // a column 40 dots wide, downwards
    expect(inked(pic, 150, 0, 400, 400)).toBe(0);
    expect(inked(pic, 0, 0, 90, 400)).toBe(0);
  });
});
