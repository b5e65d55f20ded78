import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LabelEmulator, bytes, decodeZplGraphic, decodeZplHex, parseZplQrData, type LabelLanguage } from '../../support/emulators';

/** UTF-8 bytes of a string (ZPL ^CI28 / TSPL CODEPAGE UTF-8 send text this way). */
function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

/** ^FH escapes for every non-ASCII UTF-8 byte. */
function fh(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (b < 0x80 ? String.fromCharCode(b) : `_${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const Z64 = `:Z64:${zlib.deflateSync(Buffer.from([0xf0, 0x0f, 0xaa, 0x55])).toString('base64')}:1A2B`;

const ZPL = bytes(
  '^XA\r\n^CI28\r\n^PW800^LL600\r\n',
  '^FO50,50^A0N,40,40^FD',
  utf8('Bưu điện Phú Hòa'),
  '^FS\r\n',
  '^FO50,100^A@N,30,30,E:ARIAL.TTF^FH^FD',
  fh('Người nhận: Đặng Thị Hồng'),
  '^FS\r\n',
  '^BY3\r\n^FO50,150^BCN,100,Y,N,N^FDBC123456789VN^FS\r\n',
  '^FO400,150^BQN,2,5^FDMA,https://dichvucong.gov.vn/?ma=1.001193^FS\r\n',
  '^FO50,300^GB700,3,3^FS\r\n',
  '^FO50,320^GFA,8,8,2,FFFF8001\r\n80018001^FS\r\n',
  '^FO60,320^GFA,8,8,2,FFFF:,!^FS\r\n',
  '^FO70,320^GFA,4,4,2,IF0GF,^FS\r\n',
  `^FO80,320^GFA,4,4,2,${Z64}^FS\r\n`,
  '^PQ2\r\n^XZ\r\n',
  '^XA^FO10,10^A0N,20,20^FDsecond^FS^XZ',
);

function tsplBitmapData(): Uint8Array {
  // 2 bytes x 3 rows; TSPL sends 0 for a black dot. Includes LF / CR / quote / comma bytes on purpose.
  return Uint8Array.from([0x0a, 0x0d, 0x22, 0x2c, 0x00, 0xff]);
}

const TSPL = bytes(
  'SIZE 60 mm, 40 mm\r\n',
  'GAP 2 mm, 0 mm\r\n',
  'DIRECTION 1\r\n',
  'CODEPAGE UTF-8\r\n',
  'CLS\r\n',
  'TEXT 20,20,"0",0,12,12,"',
  utf8('Phường Phú Hòa, "Q.1"'.replace(/"/g, '\\["]')),
  '"\r\n',
  'BARCODE 20,80,"128",60,1,0,2,2,"BC123456789VN"\r\n',
  'QRCODE 300,80,M,4,A,0,"https://dichvucong.gov.vn"\r\n',
  'BITMAP 20,200,2,3,0,',
  tsplBitmapData(),
  '\r\n',
  'BOX 10,10,470,310,2\r\n',
  'PRINT 2,3\r\n',
  'PRINT 1\r\n',
  'CLS\r\n',
  'TEXT 10,10,"3",0,1,1,"after CLS"\r\n',
  'PRINT 1\r\n',
);

function feedAll(stream: Uint8Array, language: LabelLanguage | 'auto', split?: number): LabelEmulator {
  const emu = new LabelEmulator({ language });
  if (split === undefined) {
    emu.feed(stream);
  } else {
    emu.feed(stream.subarray(0, split));
    emu.feed(stream.subarray(split));
  }
  return emu;
}

function snapshot(emu: LabelEmulator): string {
  return JSON.stringify({ labels: emu.labels(), unknown: emu.unknown, pending: emu.pendingBytes }, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v));
}

describe('LabelEmulator: ZPL', () => {
  const emu = feedAll(ZPL, 'zpl');
  const [label, second] = emu.labels();

  it('prints one label per ^XA … ^XZ with ^PQ copies', () => {
    expect(emu.labels()).toHaveLength(2);
    expect(label).toMatchObject({ language: 'zpl', copies: 2, widthDots: 800, lengthDots: 600 });
    expect(second.copies).toBe(1);
    expect(second.texts.map((t) => t.text)).toEqual(['second']);
    expect(emu.unknown).toEqual([]);
  });

  it('texts: ^FO position, ^A0 / ^A@ font, ^CI28 UTF-8, ^FH hex escapes', () => {
    expect(label.texts).toEqual([
      { x: 50, y: 50, text: 'Bưu điện Phú Hòa', font: '0', rotation: 'N', height: 40, width: 40 },
      { x: 50, y: 100, text: 'Người nhận: Đặng Thị Hồng', font: 'E:ARIAL.TTF', rotation: 'N', height: 30, width: 30 },
    ]);
  });

  it('^BC Code 128 and ^BQ QR (the "MA," prefix is not data)', () => {
    expect(label.barcodes).toEqual([{ x: 50, y: 150, symbology: 'CODE128', data: 'BC123456789VN', height: 100, humanReadable: true, moduleWidth: 3 }]);
    expect(label.qrCodes).toEqual([{ x: 400, y: 150, data: 'https://dichvucong.gov.vn/?ma=1.001193', errorCorrection: 'M', magnification: 5 }]);
    expect(parseZplQrData('QA,abc')).toEqual({ data: 'abc', errorCorrection: 'Q' });
    expect(parseZplQrData('HM,B0005hello world')).toEqual({ data: 'hello', errorCorrection: 'H' });
    expect(parseZplQrData('LM,N0123')).toEqual({ data: '0123', errorCorrection: 'L' });
  });

  it('^GB boxes and ^GFA graphics (plain, compressed, Z64)', () => {
    expect(label.boxes).toEqual([{ x: 50, y: 300, width: 700, height: 3, thickness: 3 }]);
    expect(label.bitmaps.map((b) => [b.x, b.y, b.width, b.height, [...b.bits]])).toEqual([
      [50, 320, 16, 4, [0xff, 0xff, 0x80, 0x01, 0x80, 0x01, 0x80, 0x01]],
      [60, 320, 16, 4, [0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0xff, 0xff]],
      [70, 320, 16, 2, [0xff, 0xf0, 0xf0, 0x00]],
      [80, 320, 16, 2, [0xf0, 0x0f, 0xaa, 0x55]],
    ]);
  });

  it('decodes Zebra hex compression', () => {
    expect([...decodeZplHex('gA', 10, 10)]).toEqual(new Array<number>(10).fill(0xaa));
    expect([...decodeZplHex('hF,', 40, 40)].slice(0, 21)).toEqual([...new Array<number>(20).fill(0xff), 0x00]);
    expect([...decodeZplGraphic(':B64:AQID:0000', 3, 3)]).toEqual([1, 2, 3]);
  });

  it('gives the same labels whatever the chunking', () => {
    const expected = snapshot(emu);
    for (let i = 1; i < ZPL.length; i++) expect(snapshot(feedAll(ZPL, 'zpl', i)), `split at ${i}`).toBe(expected);
  });

  it('auto-detects ZPL', () => {
    expect(snapshot(feedAll(ZPL, 'auto'))).toBe(snapshot(emu));
  });

  it('^GFB binary data may contain ^', () => {
    const e = feedAll(bytes('^XA^FO1,2^GFB,2,2,1,', [0x5e, 0x7e], '^FS^XZ'), 'zpl');
    expect([...e.labels()[0].bitmaps[0].bits]).toEqual([0x5e, 0x7e]);
  });

  it('records unknown commands', () => {
    const e = feedAll(bytes('^XA^ZZ1,2^FO1,1^FDok^FS^XZ'), 'zpl');
    expect(e.labels()[0].texts[0].text).toBe('ok');
    expect(e.unknown.map((u) => u.reason)).toEqual(['unknown ZPL command ^ZZ']);
  });

  it('answers ~HS, also while the head is open', () => {
    const replies: string[] = [];
    const e = new LabelEmulator({ language: 'zpl', onReply: (b) => replies.push(Buffer.from(b).toString('latin1')) });
    e.feed(bytes('~H'));
    e.feed(bytes('S'));
    e.setHeadOpen(true);
    e.setPaperOut(true);
    e.feed(bytes('^XA^FO1,1^FDheld^FS^XZ~HS'));
    expect(replies).toHaveLength(2);
    const STX = String.fromCharCode(2);
    const ETX_CRLF = `${String.fromCharCode(3)}\r\n`;
    const fields = (r: string): string[][] =>
      r
        .split(ETX_CRLF)
        .filter((f) => f.startsWith(STX))
        .map((f) => f.slice(1).split(','));
    expect(fields(replies[0])).toHaveLength(3);
    expect(fields(replies[0])[0][1]).toBe('0'); // paper out flag
    expect(fields(replies[1])[0][1]).toBe('1');
    expect(fields(replies[1])[1][2]).toBe('1'); // head up
    expect(e.labels()).toEqual([]);
    e.setHeadOpen(false);
    e.setPaperOut(false);
    expect(e.labels()[0].texts[0].text).toBe('held');
  });
});

describe('LabelEmulator: TSPL', () => {
  const emu = feedAll(TSPL, 'tspl');
  const [first, again, cleared] = emu.labels();

  it('PRINT m,n prints the buffer m x n times; the buffer lasts until CLS', () => {
    expect(emu.labels()).toHaveLength(3);
    expect(first.copies).toBe(6);
    expect(again.copies).toBe(1);
    expect(again.texts).toEqual(first.texts);
    expect(cleared.texts.map((t) => t.text)).toEqual(['after CLS']);
    expect(cleared.barcodes).toEqual([]);
    expect(first.sizeMm).toEqual({ width: 60, height: 40 });
    expect(emu.unknown).toEqual([]);
  });

  it('TEXT, BARCODE "128", QRCODE, BOX', () => {
    expect(first.texts).toEqual([{ x: 20, y: 20, font: '0', rotation: '0', width: 12, height: 12, text: 'Phường Phú Hòa, "Q.1"' }]);
    expect(first.barcodes).toEqual([{ x: 20, y: 80, symbology: 'CODE128', data: 'BC123456789VN', height: 60, humanReadable: true, moduleWidth: 2 }]);
    expect(first.qrCodes).toEqual([{ x: 300, y: 80, errorCorrection: 'M', magnification: 4, data: 'https://dichvucong.gov.vn' }]);
    expect(first.boxes).toEqual([{ x: 10, y: 10, width: 460, height: 300, thickness: 2 }]);
  });

  it('BITMAP binary data (with LF, CR, quote and comma bytes) is read by count, 0 = black', () => {
    expect(first.bitmaps).toHaveLength(1);
    const bm = first.bitmaps[0];
    expect([bm.x, bm.y, bm.width, bm.height, bm.bytesPerRow]).toEqual([20, 200, 16, 3, 2]);
    expect([...bm.bits]).toEqual([...tsplBitmapData()].map((b) => ~b & 0xff));
  });

  it('gives the same labels whatever the chunking, and auto-detects TSPL', () => {
    const expected = snapshot(emu);
    for (let i = 1; i < TSPL.length; i++) expect(snapshot(feedAll(TSPL, 'tspl', i)), `split at ${i}`).toBe(expected);
    expect(snapshot(feedAll(TSPL, 'auto'))).toBe(expected);
  });

  it('answers ESC ! ? with the status byte; mute answers nothing', () => {
    const got: number[] = [];
    const e = new LabelEmulator({ language: 'tspl', onReply: (b) => got.push(...b) });
    e.feed(bytes([0x1b, 0x21, 0x3f]));
    e.setPaperOut(true);
    e.feed(bytes([0x1b, 0x21]));
    e.feed(bytes([0x3f]));
    e.setHeadOpen(true);
    e.feed(bytes([0x1b, 0x21, 0x3f]));
    expect(got).toEqual([0x00, 0x04, 0x05]);
    e.setMute(true);
    e.feed(bytes([0x1b, 0x21, 0x3f]));
    expect(got).toHaveLength(3);
  });

  it('records unknown commands and survives garbage', () => {
    const e = feedAll(bytes('FOO 1,2\r\nCLS\r\nTEXT 1,1,"1",0,1,1,"x"\r\nPRINT 1\r\n'), 'tspl');
    expect(e.labels()).toHaveLength(1);
    expect(e.unknown.map((u) => u.reason)).toEqual(['unknown TSPL command FOO']);
    let seed = 3;
    const junk = new Uint8Array(30000).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const r = seed % 10;
      return r === 0 ? 0x5e : r === 1 ? 0x0a : r === 2 ? 0x2c : seed & 0xff;
    });
    for (const language of ['zpl', 'tspl', 'auto'] as const) {
      const g = new LabelEmulator({ language });
      expect(() => {
        for (let at = 0; at < junk.length; at += 501) g.feed(junk.subarray(at, at + 501));
      }).not.toThrow();
    }
  });
});
