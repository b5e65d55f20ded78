import { describe, expect, it } from 'vitest';
import { encodeText, type CodePageSlots } from '../../../main/devices/escpos/encoding/vietnamese';
import {
  EscposEmulator,
  asbStatus,
  bytes,
  decodeCode128,
  dleEotStatus,
  imagePixel,
  renderPaperPng,
  type PrintedLine,
} from '../../support/emulators';

/** Epson TM-T20III numbers. */
const SLOTS: CodePageSlots = { tcvn3Lower: 30, tcvn3Upper: 31, cp1258: 52, ascii: 0 };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

const INIT = [ESC, 0x40];
const CUT = [GS, 0x56, 0x00];
const PARTIAL_CUT = [GS, 0x56, 0x01];

function qrStore(data: Uint8Array): Uint8Array {
  const len = data.length + 3;
  return bytes([GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30], data);
}
const QR_MODEL2 = [GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00];
const QR_SIZE6 = [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06];
const QR_EC_M = [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31];
const QR_PRINT = [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30];

function code128(data: string): Uint8Array {
  const payload = bytes('{B', data);
  return bytes([GS, 0x6b, 73, payload.length], payload);
}

/** A 24 x 10 raster: a frame one dot wide. */
function raster(): Uint8Array {
  const w = 3; // bytes per row
  const h = 10;
  const data: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y === 0 || y === h - 1) data.push(0xff);
      else data.push(x === 0 ? 0x80 : x === w - 1 ? 0x01 : 0x00);
    }
  }
  return bytes([GS, 0x76, 0x30, 0x00, w, 0, h, 0], data);
}

function run(stream: Uint8Array, chunks?: number[]): { emu: EscposEmulator; replies: number[][] } {
  const replies: number[][] = [];
  const emu = new EscposEmulator(SLOTS, { onReply: (b) => replies.push([...b]) });
  if (!chunks) {
    emu.feed(stream);
  } else {
    let at = 0;
    for (const size of chunks) {
      emu.feed(stream.subarray(at, at + size));
      at += size;
    }
    emu.feed(stream.subarray(at));
  }
  return { emu, replies };
}

/** Everything observable, as plain JSON. */
function snapshot(emu: EscposEmulator, replies: number[][]): string {
  return JSON.stringify({
    items: emu.items(),
    receipts: emu.receipts().map((r) => ({ lines: r.lines, cut: r.cut })),
    unknown: emu.unknown,
    replies,
    pending: emu.pendingBytes,
  }, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v));
}

const SAMPLE = bytes(
  INIT,
  [ESC, 0x74, 0], // PC437
  [ESC, 0x61, 1, ESC, 0x45, 1],
  encodeText('BƯU ĐIỆN PHƯỜNG PHÚ HÒA', 'tcvn3', SLOTS),
  LF,
  [ESC, 0x45, 0, ESC, 0x61, 0],
  encodeText('Người nộp: Đặng Thị Hồng Nhung', 'tcvn3', SLOTS),
  LF,
  [GS, 0x21, 0x11],
  'TONG: 50.000',
  [GS, 0x21, 0x00],
  LF,
  [ESC, 0x2d, 1],
  encodeText('Hẹn trả: 15/08', 'cp1258', SLOTS),
  [ESC, 0x2d, 0],
  LF,
  [GS, 0x48, 2, GS, 0x68, 80, GS, 0x77, 2],
  code128('BC123456789VN'),
  QR_MODEL2,
  QR_SIZE6,
  QR_EC_M,
  qrStore(Buffer.from('https://dichvucong.gov.vn/p/1.001193?hs=Đặng', 'utf8')),
  QR_PRINT,
  raster(),
  [DLE, 0x04, 1],
  [ESC, 0x64, 3],
  CUT,
  INIT,
  'second receipt',
  LF,
  [ESC, 0x69],
  'third, not cut yet',
  LF,
);

describe('EscposEmulator: text and styles', () => {
  it('decodes lines with align, bold, sizes and underline', () => {
    const { emu } = run(SAMPLE);
    const [first] = emu.receipts();
    expect(first.lines).toEqual([
      'BƯU ĐIỆN PHƯỜNG PHÚ HÒA',
      'Người nộp: Đặng Thị Hồng Nhung',
      'TONG: 50.000',
      'Hẹn trả: 15/08',
    ]);
    const [title, name, total, date] = first.textLines;
    expect(title.align).toBe('center');
    expect(title.style.bold).toBe(true);
    expect(name.align).toBe('left');
    expect(name.style.bold).toBe(false);
    expect(total.style).toMatchObject({ widthScale: 2, heightScale: 2, doubleWidth: true, doubleHeight: true });
    expect(date.style.underline).toBe(1);
    expect(emu.unknown).toEqual([]);
  });

  it('ESC ! sets font, emphasis, double size and underline at once; ESC @ resets', () => {
    const { emu } = run(bytes([ESC, 0x21, 0xb9], 'ALL', LF, INIT, 'plain', LF));
    const [all, plain] = emu.receipts()[0].textLines;
    expect(all.style).toMatchObject({ font: 'B', bold: true, doubleHeight: true, doubleWidth: true, underline: 1 });
    expect(plain.style).toMatchObject({ font: 'A', bold: false, doubleHeight: false, doubleWidth: false, underline: 0 });
  });

  it('keeps a style change inside a line as segments', () => {
    const { emu } = run(bytes([ESC, 0x45, 1], 'Tong: ', [ESC, 0x45, 0], '50.000', LF));
    const line = emu.receipts()[0].textLines[0];
    expect(line.text).toBe('Tong: 50.000');
    expect(line.segments.map((s) => [s.text, s.style.bold])).toEqual([
      ['Tong: ', true],
      ['50.000', false],
    ]);
  });

  it('switches TCVN-3 tables mid-line (ESC t 30 / 31)', () => {
    const text = 'ĐẶNG Thị HỒNG nhung ĐƯỜNG số 5';
    const encoded = encodeText(text, 'tcvn3', SLOTS);
    const tables = [...encoded].flatMap((b, i) => (b === ESC && encoded[i + 1] === 0x74 ? [encoded[i + 2]] : []));
    expect(tables.length).toBeGreaterThanOrEqual(4); // really switches back and forth
    expect(new Set(tables)).toEqual(new Set([30, 31]));
    const { emu } = run(bytes(encoded, LF));
    expect(emu.receipts()[0].lines).toEqual([text]);
  });

  it('reads CP1258 base letters followed by combining tone marks', () => {
    const text = 'Nguyễn Thị Ngọc Ánh, Quận Hoàn Kiếm, ậ ệ ộ ự ỹ';
    const encoded = encodeText(text, 'cp1258', SLOTS);
    // a combining mark byte is really sent (tilde 0xDE, dot below 0xF2 ...)
    expect([...encoded].some((b) => b === 0xde || b === 0xf2)).toBe(true);
    const { emu } = run(bytes(encoded, LF));
    expect(emu.receipts()[0].lines).toEqual([text]);
  });

  it('prints an upper-half byte through the table in force, not another one', () => {
    // 0xB8 is "á" in TCVN-3 lowercase (30) but "¸" (cedilla) in CP1258 (52)
    const { emu } = run(bytes([ESC, 0x74, 30, 0xb8, ESC, 0x74, 52, 0xb8, LF]));
    expect(emu.receipts()[0].lines).toEqual(['á¸']);
  });

  it('expands HT to the next tab stop and ignores CR', () => {
    const { emu } = run(bytes('ab\tc\r', LF, [ESC, 0x44, 4, 10, 0], 'x\ty\tz', LF));
    expect(emu.receipts()[0].lines).toEqual(['ab      c', 'x   y     z']);
  });

  it('ESC @ throws away text not yet printed, and says so', () => {
    const { emu } = run(bytes('lost', INIT, 'kept', LF));
    expect(emu.receipts()[0].lines).toEqual(['kept']);
    expect(emu.unknown).toHaveLength(1);
    expect(emu.unknown[0].reason).toContain('"lost"');
  });

  it('FS & reads high bytes as GBK pairs until FS .', () => {
    const hello = [0xc4, 0xe3, 0xba, 0xc3]; // 你好 in GBK
    const { emu } = run(bytes([FS, 0x26], hello, LF, [FS, 0x2e], encodeText('Hà Nội', 'tcvn3', SLOTS), LF));
    const lines = emu.receipts()[0].textLines;
    expect(lines.map((l) => l.text)).toEqual(['你好', 'Hà Nội']);
    expect(lines.map((l) => l.chineseMode)).toEqual([true, false]);
    expect(emu.items().filter((i) => i.kind === 'chinese-mode')).toEqual([
      { kind: 'chinese-mode', on: true },
      { kind: 'chinese-mode', on: false },
    ]);
  });

  it('a clone that starts in Chinese mode garbles Vietnamese until FS .', () => {
    const vn = encodeText('Hồ sơ', 'tcvn3', SLOTS);
    const emu = new EscposEmulator(SLOTS, { chineseModeAtStart: true });
    emu.feed(bytes(vn, LF, [FS, 0x2e], vn, LF));
    const [garbled, fine] = emu.receipts()[0].lines;
    expect(garbled).not.toBe('Hồ sơ');
    expect(fine).toBe('Hồ sơ');
  });
});

describe('EscposEmulator: barcodes, QR codes, images, cuts', () => {
  it('CODE128 data, HRI and settings', () => {
    const { emu } = run(SAMPLE);
    const [bc] = emu.receipts()[0].barcodes;
    expect(bc).toMatchObject({ symbology: 'CODE128', data: 'BC123456789VN', hri: 'below', hriText: 'BC123456789VN', height: 80, moduleWidth: 2 });
  });

  it('CODE128 code sets and escapes', () => {
    expect(decodeCode128(bytes('{C', [12, 34, 5], '{B', 'A{{B'))).toBe('123405A{B');
    expect(decodeCode128(bytes('{A', 'AB', '{1', '{B', 'x'))).toBe('ABx');
  });

  it('GS k function A (NUL-terminated) and B', () => {
    const { emu } = run(bytes([GS, 0x6b, 2], '8934567890128', 0, [GS, 0x6b, 69, 5], 'AB-12'));
    expect(emu.receipts()[0].barcodes.map((b) => [b.symbology, b.data])).toEqual([
      ['EAN13', '8934567890128'],
      ['CODE39', 'AB-12'],
    ]);
  });

  it('QR code: stored data (UTF-8), size, error correction', () => {
    const { emu } = run(SAMPLE);
    const [qr] = emu.receipts()[0].qrCodes;
    expect(qr).toMatchObject({ data: 'https://dichvucong.gov.vn/p/1.001193?hs=Đặng', moduleSize: 6, errorCorrection: 'M', model: 2 });
  });

  it('QR print without stored data prints nothing and is recorded', () => {
    const { emu } = run(bytes(QR_PRINT));
    expect(emu.items()).toEqual([]);
    expect(emu.unknown[0].reason).toMatch(/no data/);
  });

  it('raster image (GS v 0): size and bits', () => {
    const { emu } = run(SAMPLE);
    const [img] = emu.receipts()[0].images;
    expect(img).toMatchObject({ width: 24, height: 10, bytesPerRow: 3, scaleX: 1, scaleY: 1, command: 'GS v 0' });
    expect(imagePixel(img, 0, 0)).toBe(true);
    expect(imagePixel(img, 23, 5)).toBe(true);
    expect(imagePixel(img, 12, 5)).toBe(false);
  });

  it('ESC * column images become rows', () => {
    // 8-dot single density, 3 columns: 0x80 (top dot), 0x01 (bottom dot), 0xFF (full column)
    const { emu } = run(bytes([ESC, 0x2a, 0, 3, 0, 0x80, 0x01, 0xff]));
    const [img] = emu.receipts()[0].images;
    expect(img).toMatchObject({ width: 3, height: 8, command: 'ESC *', scaleX: 2 });
    expect(imagePixel(img, 0, 0)).toBe(true);
    expect(imagePixel(img, 0, 1)).toBe(false);
    expect(imagePixel(img, 1, 7)).toBe(true);
    expect([0, 1, 2, 3, 4, 5, 6, 7].every((y) => imagePixel(img, 2, y))).toBe(true);
  });

  it('GS ( L raster graphics: store then print', () => {
    const body = bytes([0x30, 112, 0x30, 1, 1, 0x31, 16, 0, 2, 0], [0xff, 0x00, 0x0f, 0xf0]);
    const { emu } = run(bytes([GS, 0x28, 0x4c, body.length, 0], body, [GS, 0x28, 0x4c, 2, 0, 0x30, 50]));
    const [img] = emu.receipts()[0].images;
    expect(img).toMatchObject({ width: 16, height: 2, command: 'GS ( L' });
    expect(imagePixel(img, 7, 0)).toBe(true);
    expect(imagePixel(img, 8, 0)).toBe(false);
    expect(imagePixel(img, 4, 1)).toBe(true);
  });

  it('every cut closes a receipt; the rest stays on the paper', () => {
    const { emu } = run(SAMPLE);
    const receipts = emu.receipts();
    expect(receipts.map((r) => [r.cut, r.partialCut])).toEqual([
      [true, false],
      [true, true],
      [false, false],
    ]);
    expect(receipts[1].lines).toEqual(['second receipt']);
    expect(receipts[2].text()).toBe('third, not cut yet');
    expect(emu.items().filter((i) => i.kind === 'feed')).toEqual([{ kind: 'feed', unit: 'lines', amount: 3, command: 'ESC d' }]);
  });

  it('GS V A n feeds then cuts; onReceipt sees each cut receipt', () => {
    const emu = new EscposEmulator(SLOTS);
    const seen: string[] = [];
    emu.onReceipt((r) => seen.push(r.text()));
    emu.feed(bytes('one', LF, [GS, 0x56, 65, 20], 'two', LF, PARTIAL_CUT));
    expect(seen).toEqual(['one', 'two']);
    expect(emu.items()).toContainEqual({ kind: 'feed', unit: 'dots', amount: 20, command: 'GS V' });
  });

  it('draws a receipt as a PNG', () => {
    const { emu } = run(SAMPLE);
    const png = renderPaperPng(emu.receipts()[0]);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(576 + 32);
    expect(height).toBeGreaterThan(300);
    expect(renderPaperPng(emu.receipts()[0], 384).readUInt32BE(16)).toBe(384 + 32);
  });
});

describe('EscposEmulator: streaming', () => {
  const whole = run(SAMPLE);
  const expected = snapshot(whole.emu, whole.replies);

  it('the sample is fully understood', () => {
    expect(whole.emu.unknown).toEqual([]);
    expect(whole.emu.pendingBytes).toBe(0);
  });

  it('a split at every byte position gives the same paper, replies and records', () => {
    for (let i = 1; i < SAMPLE.length; i++) {
      const split = run(SAMPLE, [i]);
      expect(snapshot(split.emu, split.replies), `split at ${i}`).toBe(expected);
    }
  });

  it('byte by byte and random chunks give the same result', () => {
    const single = run(SAMPLE, new Array<number>(SAMPLE.length).fill(1));
    expect(snapshot(single.emu, single.replies)).toBe(expected);
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let k = 0; k < 20; k++) {
      const chunks: number[] = [];
      let total = 0;
      while (total < SAMPLE.length) {
        const n = 1 + Math.floor(rand() * 40);
        chunks.push(n);
        total += n;
      }
      const r = run(SAMPLE, chunks);
      expect(snapshot(r.emu, r.replies)).toBe(expected);
    }
  });

  it('waits for the rest of a long command (a raster split in many chunks)', () => {
    const emu = new EscposEmulator(SLOTS);
    const img = bytes([GS, 0x76, 0x30, 0, 72, 0, 0xe8, 0x03], new Uint8Array(72 * 1000).fill(0xaa)); // 576 x 1000
    for (let at = 0; at < img.length; at += 61) emu.feed(img.subarray(at, at + 61));
    expect(emu.pendingBytes).toBe(0);
    expect(emu.receipts()[0].images[0]).toMatchObject({ width: 576, height: 1000 });
  });
});

describe('EscposEmulator: status', () => {
  const faultsOf = (emu: EscposEmulator): number[] => {
    const got: number[] = [];
    const off = emu.onReply((b) => got.push(...b));
    emu.feed(bytes([DLE, 4, 1, DLE, 4, 2, DLE, 4, 3, DLE, 4, 4]));
    off();
    return got;
  };

  it('DLE EOT 1-4 for each fault', () => {
    const emu = new EscposEmulator(SLOTS);
    expect(faultsOf(emu)).toEqual([0x12, 0x12, 0x12, 0x12]);
    emu.setPaperNearEnd(true);
    expect(faultsOf(emu)).toEqual([0x12, 0x12, 0x12, 0x1e]);
    emu.setPaperNearEnd(false);
    emu.setPaperOut(true);
    expect(faultsOf(emu)).toEqual([0x1a, 0x32, 0x12, 0x72]);
    emu.setPaperOut(false);
    emu.setCoverOpen(true);
    expect(faultsOf(emu)).toEqual([0x1a, 0x16, 0x12, 0x12]);
    emu.setCoverOpen(false);
    emu.setError(true);
    expect(faultsOf(emu)).toEqual([0x1a, 0x52, 0x1a, 0x12]);
    emu.setError(false);
    expect(faultsOf(emu)).toEqual([0x12, 0x12, 0x12, 0x12]);
    // bits 1 and 4 always on, 0 and 7 always off
    for (const n of [1, 2, 3, 4]) {
      const b = dleEotStatus(n, { paperOut: true, paperNearEnd: true, coverOpen: true, error: true });
      expect(b & 0x93).toBe(0x12);
    }
  });

  it('DLE EOT split across chunks is answered once', () => {
    const { replies } = run(bytes([DLE]), [1]);
    expect(replies).toEqual([]);
    const emu = new EscposEmulator(SLOTS);
    const got: number[] = [];
    emu.onReply((b) => got.push(...b));
    emu.feed(bytes([DLE]));
    emu.feed(bytes([4]));
    emu.feed(bytes([2]));
    expect(got).toEqual([0x12]);
  });

  it('answers DLE EOT while faulted and holding data', () => {
    const emu = new EscposEmulator(SLOTS);
    const got: number[] = [];
    emu.onReply((b) => got.push(...b));
    emu.setPaperOut(true);
    emu.feed(bytes('held line', LF, [DLE, 4, 4]));
    expect(got).toEqual([0x72]);
    expect(emu.receipts()).toEqual([]);
    expect(emu.pendingBytes).toBeGreaterThan(0);
    emu.setPaperOut(false);
    expect(emu.receipts()[0].lines).toEqual(['held line']);
    expect(emu.pendingBytes).toBe(0);
  });

  it('holds data while the cover is open; drops it with dropWhileFaulted', () => {
    const emu = new EscposEmulator(SLOTS, { dropWhileFaulted: true });
    emu.setCoverOpen(true);
    emu.feed(bytes('dropped', LF));
    emu.setCoverOpen(false);
    emu.feed(bytes('printed', LF));
    expect(emu.text()).toBe('printed');
    expect(emu.bytesDropped).toBe(8);
  });

  it('Automatic Status Back after GS a: first status at once, then on every change', () => {
    const emu = new EscposEmulator(SLOTS);
    const got: number[][] = [];
    emu.onReply((b) => got.push([...b]));
    emu.setPaperOut(true); // ASB off: nothing
    emu.setPaperOut(false);
    expect(got).toEqual([]);
    emu.feed(bytes([GS, 0x61, 0xff]));
    expect(got).toEqual([[0x10, 0x00, 0x00, 0x00]]);
    emu.setPaperNearEnd(true);
    emu.setPaperOut(true);
    emu.setCoverOpen(true);
    emu.setCoverOpen(false);
    emu.setPaperOut(false);
    expect(got.slice(1)).toEqual([
      [0x10, 0x00, 0x03, 0x00],
      [0x18, 0x00, 0x0f, 0x00],
      [0x38, 0x00, 0x0f, 0x00],
      [0x18, 0x00, 0x0f, 0x00],
      [0x10, 0x00, 0x03, 0x00],
    ]);
    expect([...asbStatus({ paperOut: false, paperNearEnd: false, coverOpen: false, error: true })]).toEqual([0x18, 0x08, 0x00, 0x00]);
    // GS a 0 turns it off
    emu.feed(bytes([GS, 0x61, 0]));
    emu.setPaperOut(true);
    expect(got).toHaveLength(6);
  });

  it('GS r 1 answers the paper sensors in stream order', () => {
    const { emu, replies } = run(bytes([GS, 0x72, 1]));
    expect(replies).toEqual([[0x00]]);
    emu.setPaperNearEnd(true);
    emu.feed(bytes([GS, 0x72, 49]));
    expect(replies[1]).toEqual([0x03]);
  });

  it('a mute printer answers nothing', () => {
    const emu = new EscposEmulator(SLOTS, { mute: true });
    const got: number[] = [];
    emu.onReply((b) => got.push(...b));
    emu.feed(bytes([DLE, 4, 1, GS, 0x61, 0xff, GS, 0x72, 1, GS, 0x49, 67]));
    emu.setPaperOut(true);
    emu.setPaperOut(false);
    expect(got).toEqual([]);
    emu.setMute(false);
    emu.feed(bytes([DLE, 4, 1]));
    expect(got).toEqual([0x12]);
  });
});

describe('EscposEmulator: garbage', () => {
  it('records unknown ESC / GS / FS sequences and control bytes instead of printing them', () => {
    const { emu } = run(bytes('a', [ESC, 0xff], 'b', [GS, 0xfe], 'c', [FS, 0xfd], 'd', [0x01, 0x07], LF));
    expect(emu.text()).toBe('abcd');
    expect(emu.unknown.map((u) => [u.offset, [...u.bytes]])).toEqual([
      [1, [ESC, 0xff]],
      [4, [GS, 0xfe]],
      [7, [FS, 0xfd]],
      [10, [0x01]],
      [11, [0x07]],
    ]);
    expect(emu.unknown[0].reason).toMatch(/unknown command ESC 0xff/);
  });

  it('known commands it does not print are consumed whole', () => {
    const { emu } = run(bytes([ESC, 0x70, 0, 25, 250], [ESC, 0x52, 0], [GS, 0x66, 1], [ESC, 0x4d, 1], [GS, 0x42, 1], 'ok', LF));
    expect(emu.text()).toBe('ok');
    expect(emu.unknown).toEqual([]);
    expect(emu.drawerPulses).toBe(1);
    expect(emu.receipts()[0].textLines[0].style).toMatchObject({ font: 'B', invert: true });
  });

  it('random bytes never throw', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 20; round++) {
      const emu = new EscposEmulator(SLOTS, { onReply: () => undefined });
      const junk = new Uint8Array(20000);
      for (let i = 0; i < junk.length; i++) {
        // biased towards command bytes so commands are really exercised
        const r = rand() % 16;
        junk[i] = r === 0 ? ESC : r === 1 ? GS : r === 2 ? DLE : r === 3 ? FS : r === 4 ? LF : rand() & 0xff;
      }
      for (let at = 0; at < junk.length; at += 997) expect(() => emu.feed(junk.subarray(at, at + 997))).not.toThrow();
      expect(() => emu.receipts()).not.toThrow();
      expect(() => emu.receipts().forEach((r) => r.text())).not.toThrow();
    }
  });

  it('understands a receipt built by node-thermal-printer', async () => {
    const { printer: ThermalPrinter, types: PrinterTypes } = (await import('node-thermal-printer')).default as unknown as {
      printer: new (o: object) => Record<string, (...a: unknown[]) => unknown>;
      types: Record<string, string>;
    };
    const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: 'tcp://127.0.0.1:9' });
    p.alignCenter();
    p.bold(true);
    p.println('BUU DIEN');
    p.bold(false);
    p.alignLeft();
    p.setTextDoubleHeight();
    p.println('Tong: 50.000');
    p.setTextNormal();
    p.code128('BC123456789VN');
    p.printQR('https://dichvucong.gov.vn');
    p.cut();
    const emu = new EscposEmulator(SLOTS);
    emu.feed(p.getBuffer() as Buffer);
    const [r] = emu.receipts();
    expect(r.cut).toBe(true);
    expect(r.lines).toEqual(['BUU DIEN', 'Tong: 50.000']);
    expect(r.textLines[0]).toMatchObject({ align: 'center', style: { bold: true } } as Partial<PrintedLine>);
    expect(r.textLines[1].style.doubleHeight).toBe(true);
    expect(r.barcodes[0].data).toBe('BC123456789VN');
    expect(r.qrCodes[0].data).toBe('https://dichvucong.gov.vn');
    expect(emu.unknown).toEqual([]);
  });
});
