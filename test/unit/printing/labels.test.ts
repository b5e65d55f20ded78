import { describe, expect, it } from 'vitest';
import type { LabelDocument } from '../../../shared/printing/document';
import { renderTspl, renderZpl } from '../../../main/devices/printing/labels';
import { SAMPLE_ITEM_NUMBER, sampleEnvelopeLabel } from '../../../main/devices/printing/sampleLabel';
import { STANDARD_RECEIPT_DATA } from '../../../main/devices/printing/sampleReceipt';

const label = sampleEnvelopeLabel();

/** The TSPL commands as text lines, bitmap data cut out. */
function tsplCommands(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let i = 0;
  const text = Buffer.from(bytes).toString('latin1');
  while (i < text.length) {
    const end = text.indexOf('\r\n', i);
    const line = text.slice(i, end);
    const bitmap = /^BITMAP \d+,\d+,(\d+),(\d+),0,/.exec(line);
    if (bitmap) {
      const header = bitmap[0];
      const size = Number(bitmap[1]) * Number(bitmap[2]);
      lines.push(header);
      i += header.length + size + 2;
      continue;
    }
    lines.push(line);
    i = end + 2;
  }
  return lines;
}

describe('renderZpl', () => {
  const zpl = renderZpl(label);

  it('is one label in UTF-8: ^XA, ^CI28 … ^XZ', () => {
    expect(zpl.startsWith('^XA\n^CI28\n')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl).toContain('^PW799');
  });

  it('prints the item number with ^BC and the dossier code with ^BQ', () => {
    expect(zpl).toMatch(new RegExp(`\\^BY2\\^BCN,112,Y,N,N\\^FD${SAMPLE_ITEM_NUMBER}\\^FS`));
    expect(zpl).toContain(`^BQN,2,6^FDMA,${STANDARD_RECEIPT_DATA.dossierCode}^FS`);
  });

  it('sends Vietnamese text as ^GFA bitmaps and plain ASCII in the printer font', () => {
    const graphics = [...zpl.matchAll(/\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS/g)];
    expect(graphics.length).toBe(5);
    for (const [, total, again, perRow, hex] of graphics) {
      expect(total).toBe(again);
      expect(hex.length).toBe(2 * Number(total));
      expect(Number(total) % Number(perRow)).toBe(0);
      expect(hex).toMatch(/[1-9A-F]/); // something is black
    }
    expect(zpl).toContain(`^A0N,40,40^FD${STANDARD_RECEIPT_DATA.dossierCode}^FS`);
    expect(zpl).not.toContain(STANDARD_RECEIPT_DATA.applicant);
    expect(zpl).not.toContain('NIÊM PHONG');
  });

  it('draws boxes with ^GB and scales millimetres by the dpi', () => {
    expect(zpl).toContain('^FO8,8^GB783,543,4^FS');
    const at300 = renderZpl(label, 300);
    expect(at300).toContain('^PW1181');
    expect(at300).toMatch(/\^BY3\^BCN,165,Y/);
  });

  it('refuses barcode data ZPL would read as commands', () => {
    const bad: LabelDocument = { ...label, elements: [{ type: 'barcode', x: 0, y: 0, symbology: 'code128', data: 'A^XZ', heightMm: 10 }] };
    expect(() => renderZpl(bad)).toThrow(RangeError);
  });
});

describe('renderTspl', () => {
  const bytes = renderTspl(label);
  const commands = tsplCommands(bytes);

  it('sets up the label, clears, draws and prints once', () => {
    expect(commands.slice(0, 5)).toEqual(['SIZE 100 mm,70 mm', 'GAP 2 mm,0 mm', 'DIRECTION 1', 'REFERENCE 0,0', 'CLS']);
    expect(commands[commands.length - 1]).toBe('PRINT 1');
  });

  it('has BARCODE, QRCODE, BOX, printer-font TEXT and BITMAP for Vietnamese', () => {
    expect(commands).toContain(`BARCODE 32,72,"128",112,1,0,2,2,"${SAMPLE_ITEM_NUMBER}"`);
    expect(commands).toContain(`QRCODE 591,64,M,6,A,0,"${STANDARD_RECEIPT_DATA.dossierCode}"`);
    expect(commands).toContain('BOX 8,8,791,551,4');
    expect(commands.some((c) => c.startsWith('TEXT ') && c.endsWith(`"${STANDARD_RECEIPT_DATA.dossierCode}"`))).toBe(true);
    expect(commands.filter((c) => c.startsWith('BITMAP '))).toHaveLength(5);
  });

  it('sends bitmaps inverted: a 0 bit prints black, so blank margins are 0xFF', () => {
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.indexOf('BITMAP ');
    const header = /^BITMAP \d+,\d+,(\d+),(\d+),0,/.exec(text.slice(at))!;
    const data = bytes.subarray(at + header[0].length, at + header[0].length + Number(header[1]) * Number(header[2]));
    expect(data[0]).toBe(0xff);
    expect(data.some((b) => b !== 0xff)).toBe(true);
  });
});
