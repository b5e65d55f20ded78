import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from '../../../shared/printing/document';
import { columnWidths, layoutReceipt, lineText, type LayoutLine } from '../../../shared/printing/layout';
import { withReprintMark } from '../../../shared/printing/reprint';
import { decodeText } from '../../../main/devices/escpos/encoding/decode';
import type { VietnameseMode } from '../../../main/devices/escpos/encoding/vietnamese';
import { renderReceipt } from '../../../main/devices/printing/escpos';
import { getProfile, listProfiles } from '../../../main/devices/printing/profiles';
import { STANDARD_RECEIPT_DATA, standardReceipt } from '../../../main/devices/printing/sampleReceipt';
import type { PrinterProfile } from '../../../main/devices/types';
import { walkEscpos } from './escposStream';

const profile = (id: string): PrinterProfile => {
  const p = getProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};
const EPSON = profile('epson-tm-80');
const D = STANDARD_RECEIPT_DATA;

/** Each text mode on a profile that has it. */
const TEXT_MODES: { mode: VietnameseMode; profile: PrinterProfile }[] = [
  { mode: 'tcvn3', profile: EPSON },
  { mode: 'cp1258', profile: EPSON },
  { mode: 'viscii', profile: profile('zywell-zy-q821') },
];

/** What a printer would print: text bytes through the project's decoder, commands skipped. */
function printedText(bytes: Uint8Array, p: PrinterProfile): string {
  return decodeText(walkEscpos(bytes).text, p.vietnamese.slots);
}

/** The ESC t tables selected, in order. */
function tablesSelected(bytes: Uint8Array): number[] {
  const text = walkEscpos(bytes).text;
  const found: number[] = [];
  for (let i = 0; i + 2 < text.length; i++) if (text[i] === 0x1b && text[i + 1] === 0x74) found.push(text[i + 2]);
  return found;
}

function expectedLines(doc: ReceiptDocument, columns: number): string[] {
  return layoutReceipt(doc, columns)
    .items.filter((i): i is LayoutLine => i.type === 'line')
    .map((l) => lineText(l).trimStart());
}

/** The document names from the table's first box, its wrapped lines joined again. */
function documentColumn(printed: string, columns: number): string {
  const box = columnWidths([5, 1.4, 1.4], columns)[0] - 1;
  const lines = printed.split('\n');
  const first = lines.findIndex((l) => l.startsWith('1. '));
  const last = lines.findIndex((l) => l.startsWith('Số bộ hồ sơ'));
  return lines
    .slice(first, last)
    .map((l) => l.slice(0, box).trim())
    .join(' ');
}

describe('renderReceipt in text modes', () => {
  for (const { mode, profile: p } of TEXT_MODES) {
    describe(`${mode} on ${p.id}`, () => {
      const bytes = renderReceipt(standardReceipt(), p, mode);
      const printed = printedText(bytes, p);

      it('prints the applicant with every mark, the dossier code, every document and the total', () => {
        expect(printed).toContain(D.applicant);
        expect(printed).toContain(D.dossierCode);
        const documents = documentColumn(printed, p.columns);
        D.documents.forEach((doc, i) => expect(documents).toContain(`${i + 1}. ${doc.name}`));
        expect(printed).toMatch(/TỔNG CỘNG +250\.000 đ/);
      });

      it('prints exactly the laid-out lines: nothing replaced by "?", nothing undecodable', () => {
        expect(printed).not.toContain('\uFFFD');
        expect(walkEscpos(bytes).text).not.toContain(0x3f);
        // centred lines are centred by the printer (ESC a), padded lines carry their spaces: compare from the first letter
        const printedLines = printed
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => l.trimStart());
        expect(printedLines).toEqual(expectedLines(standardReceipt(), p.columns).filter((l) => l.trim() !== ''));
      });

      it('starts with ESC @ and selects its starting table explicitly', () => {
        const { commands } = walkEscpos(bytes);
        const start = commands.filter((c) => c !== 'FS .').slice(0, 2);
        expect(start).toEqual(['ESC @', 'ESC t']);
      });

      it('carries the dossier code as CODE128 and as a QR code', () => {
        const { commands } = walkEscpos(bytes);
        expect(commands).toContain('GS k');
        expect(commands).toContain('GS ( k 50');
        expect(commands).toContain('GS ( k 51');
      });
    });
  }

  it('never sends ESC t 52 in TCVN-3 mode, only the two TCVN-3 tables', () => {
    const tables = tablesSelected(renderReceipt(standardReceipt(), EPSON, 'tcvn3'));
    expect(tables).not.toContain(52);
    expect(new Set(tables)).toEqual(new Set([30, 31]));
  });

  it('keeps the standard receipt within 2 KB in TCVN-3 and CP1258', () => {
    for (const p of [EPSON, profile('epson-tm-t88v'), profile('rongta-rp3xx'), profile('xprinter-80')]) {
      for (const mode of p.vietnamese.modes.filter((m) => m === 'tcvn3' || m === 'cp1258')) {
        expect(renderReceipt(standardReceipt(), p, mode).length, `${p.id} ${mode}`).toBeLessThanOrEqual(2048);
      }
    }
  });

  it('prints capitals as lowercase letters, marks kept, on a clone with only the lowercase TCVN-3 table', () => {
    const xprinter = profile('xprinter-80');
    const printed = printedText(renderReceipt(standardReceipt(), xprinter, 'tcvn3'), xprinter);
    expect(printed).toContain('Người nộp: đặng Thị Hồng Nhung');
    expect(printed).toContain('GIấY TIếP NHậN Hồ Sơ');
    expect(printed).not.toContain('?');
  });

  it('leaves Chinese mode first and again after ESC @ on clones that need it', () => {
    const bytes = renderReceipt(standardReceipt(), profile('xprinter-80'), 'tcvn3');
    expect([...bytes.slice(0, 6)]).toEqual([0x1c, 0x2e, 0x1b, 0x40, 0x1c, 0x2e]);
    expect([...renderReceipt(standardReceipt(), EPSON, 'tcvn3').slice(0, 2)]).toEqual([0x1b, 0x40]);
  });

  it('cuts as the profile says and feeds a cutterless printer to the tear bar', () => {
    expect(walkEscpos(renderReceipt(standardReceipt(), EPSON, 'tcvn3')).commands).toContain('GS V');
    const cutterless = walkEscpos(renderReceipt(standardReceipt(), profile('xprinter-58'), 'tcvn3')).commands;
    expect(cutterless).not.toContain('GS V');
    expect(cutterless).toContain('ESC d');
  });
});

describe('reprint', () => {
  it('puts "BẢN IN LẠI" at the top, double size and bold, in every text mode', () => {
    for (const { mode, profile: p } of TEXT_MODES) {
      const printed = printedText(renderReceipt(standardReceipt(), p, mode, { reprint: true }), p);
      expect(printed.split('\n')[0]).toBe('BẢN IN LẠI');
      expect(printed.indexOf('BẢN IN LẠI')).toBeLessThan(printed.indexOf(D.office));
    }
    expect(printedText(renderReceipt(standardReceipt(), EPSON, 'tcvn3'), EPSON)).not.toContain('BẢN IN LẠI');
    expect(withReprintMark(standardReceipt()).blocks[0]).toMatchObject({ size: 2, bold: true, align: 'center' });
  });
});

describe('renderReceipt in image mode', () => {
  const bytes = renderReceipt(standardReceipt(), EPSON, 'image', { reprint: true });
  const stream = walkEscpos(bytes);

  it('sends the text as GS v 0 rasters and no text bytes at all', () => {
    expect(stream.commands).toContain('GS v 0');
    // what is left of the text stream: line feeds and the explicit ESC t of the start
    expect([...stream.text].filter((b) => b !== 0x0a)).toEqual([0x1b, 0x74, 0x00]);
    expect(Buffer.from(bytes).includes(Buffer.from('Nhung'))).toBe(false);
  });

  it('keeps the barcode and QR code as printer commands, bands small and paper-wide at most', () => {
    expect(stream.commands).toContain('GS k');
    expect(stream.commands).toContain('GS ( k 51');
    for (let i = 0; i + 8 < bytes.length; i++) {
      if (bytes[i] === 0x1d && bytes[i + 1] === 0x76 && bytes[i + 2] === 0x30) {
        expect(bytes[i + 4] + bytes[i + 5] * 256).toBeLessThanOrEqual(EPSON.dotsPerLine / 8);
        expect(bytes[i + 6] + bytes[i + 7] * 256).toBeLessThanOrEqual(255);
        i += 7 + (bytes[i + 4] + bytes[i + 5] * 256) * (bytes[i + 6] + bytes[i + 7] * 256);
      }
    }
  });

  it('costs many times the bytes of a text mode', () => {
    expect(bytes.length).toBeGreaterThan(10 * renderReceipt(standardReceipt(), EPSON, 'tcvn3').length);
  });
});

describe('barcodes and QR codes', () => {
  it('draws a Code 128 too long for 58 mm at 2 dots a module as a raster', () => {
    const narrow = profile('xprinter-58');
    const { commands } = walkEscpos(renderReceipt(standardReceipt(), narrow, 'tcvn3'));
    expect(commands).not.toContain('GS k');
    expect(commands).toContain('GS v 0');
  });

  it('doubles "{" in CODE128 data and refuses what Code 128 cannot carry', () => {
    const doc = (data: string): ReceiptDocument => ({ kind: 'receipt', title: 't', blocks: [{ type: 'barcode', symbology: 'code128', data }] });
    const bytes = renderReceipt(doc('A{B'), EPSON, 'tcvn3');
    expect(Buffer.from(bytes).includes(Buffer.from('{BA{{B'))).toBe(true);
    expect(() => renderReceipt(doc('Đặng'), EPSON, 'tcvn3')).toThrow(RangeError);
  });

  it('stores non-ASCII QR data with its UTF-8 length', () => {
    const data = 'Đặng Thị Hồng Nhung';
    const doc: ReceiptDocument = { kind: 'receipt', title: 't', blocks: [{ type: 'qr', data }] };
    const bytes = Buffer.from(renderReceipt(doc, EPSON, 'cp1258'));
    const utf8 = Buffer.from(data, 'utf8');
    const store = bytes.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(bytes[store - 2] + bytes[store - 1] * 256).toBe(utf8.length + 3);
    expect(bytes.subarray(store + 3, store + 3 + utf8.length).equals(utf8)).toBe(true);
    expect(walkEscpos(bytes).commands).toContain('GS ( k 51');
  });
});

describe('every built-in receipt profile', () => {
  it('renders the standard receipt in each of its modes', () => {
    for (const p of listProfiles().filter((x) => x.language === 'escpos')) {
      for (const mode of p.vietnamese.modes) {
        const bytes = renderReceipt(standardReceipt(), p, mode);
        expect(() => walkEscpos(bytes), `${p.id} ${mode}`).not.toThrow();
        if (mode !== 'image') expect(printedText(bytes, p), `${p.id} ${mode}`).toContain('Nhung');
      }
    }
  });

  it('refuses a label printer profile', () => {
    expect(() => renderReceipt(standardReceipt(), profile('zpl-203'), 'image')).toThrow(/label printer/);
  });
});
