import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from '../../../shared/printing/document';
import {
  columnWidths,
  layoutReceipt,
  lineSegments,
  lineText,
  textWidth,
  wrapText,
  type LayoutLine,
} from '../../../shared/printing/layout';
import { withReprintMark } from '../../../shared/printing/reprint';
import { standardReceipt } from '../../../main/devices/printing/sampleReceipt';

const PROCEDURE = 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam';
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

const lines = (doc: ReceiptDocument, columns: number): LayoutLine[] =>
  layoutReceipt(doc, columns).items.filter((i): i is LayoutLine => i.type === 'line');

describe('wrapText', () => {
  it('breaks Vietnamese text at word boundaries, never inside a word', () => {
    for (const width of [12, 20, 32, 42, 48]) {
      const wrapped = wrapText(PROCEDURE, width);
      for (const line of wrapped) expect(textWidth(line)).toBeLessThanOrEqual(width);
      // every line is made of whole words of the text, in order
      expect(wrapped.flatMap(words)).toEqual(words(PROCEDURE));
    }
    expect(wrapText(PROCEDURE, 32)).toEqual(['Cấp Phiếu lý lịch tư pháp cho', 'công dân Việt Nam, người nước', 'ngoài đang cư trú tại Việt Nam']);
  });

  it('counts a letter with its marks as one cell, whether the text is NFC or NFD', () => {
    const nfd = 'Đặng Thị Hồng Nhung'.normalize('NFD');
    expect(textWidth(nfd)).toBe(19);
    expect(wrapText(nfd, 10)).toEqual(['Đặng Thị', 'Hồng Nhung']);
  });

  it('splits only a word longer than the line', () => {
    expect(wrapText('Mã BC560100-261121-0007 xong', 12)).toEqual(['Mã', 'BC560100-261', '121-0007', 'xong']);
  });

  it('keeps hard line breaks, paragraph indentation and empty lines', () => {
    expect(wrapText('a\n\n  b c', 10)).toEqual(['a', '', '  b c']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('drops control characters and reads tabs as spaces', () => {
    expect(wrapText('Đặng\tThị\u001b\u200b', 20)).toEqual(['Đặng Thị']);
  });
});

describe('columnWidths', () => {
  it('turns relative weights into widths that sum to the paper width', () => {
    for (const columns of [12, 32, 42, 48, 64]) {
      for (const weights of [[1], [1, 1], [3, 1], [5, 1.4, 1.4], [2, 1], [1, 2, 3, 4, 5, 6], [100, 1]]) {
        const widths = columnWidths(weights, columns);
        expect(widths.reduce((a, b) => a + b, 0)).toBe(columns);
        widths.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(i === widths.length - 1 ? 1 : 2));
      }
    }
    expect(columnWidths([3, 1], 48)).toEqual([36, 12]);
    expect(columnWidths([1, 1], 32)).toEqual([16, 16]);
  });

  it('refuses a row that cannot fit', () => {
    expect(() => columnWidths([1, 1, 1, 1, 1, 1], 10)).toThrow(RangeError);
  });
});

describe('layoutReceipt', () => {
  it('wraps each cell of a columns block in its own box, a gap between boxes, boxes covering the paper', () => {
    const doc: ReceiptDocument = {
      kind: 'receipt',
      title: 't',
      blocks: [
        {
          type: 'columns',
          cells: [
            { text: '1. Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', width: 5 },
            { text: '1', width: 1.4, align: 'center' },
            { text: '0', width: 1.4, align: 'right' },
          ],
        },
      ],
    };
    for (const columns of [32, 48]) {
      const laid = lines(doc, columns);
      const widths = columnWidths([5, 1.4, 1.4], columns);
      expect(laid.length).toBeGreaterThan(1);
      for (const line of laid) {
        for (const cell of line.cells) expect(textWidth(cell.text)).toBeLessThanOrEqual(cell.width);
        expect(textWidth(lineText(line))).toBeLessThanOrEqual(columns);
      }
      // the name continues in the first box only; counts stay on the first line
      expect(laid.map((l) => l.cells.find((c) => c.start === 0)?.text ?? '').join(' ')).toBe('1. Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp');
      expect(laid[0].cells.map((c) => c.start)).toEqual([0, widths[0], widths[0] + widths[1]]);
      expect(lineText(laid[0]).endsWith(' 0')).toBe(true);
      expect(textWidth(lineText(laid[0]))).toBe(columns);
    }
  });

  it('gives double-size text two columns per character', () => {
    const doc: ReceiptDocument = { kind: 'receipt', title: 't', blocks: [{ type: 'text', text: 'GIẤY TIẾP NHẬN HỒ SƠ', size: 2, align: 'center' }] };
    const at48 = lines(doc, 48);
    expect(at48).toHaveLength(1);
    expect(at48[0].size).toBe(2);
    expect(lineText(at48[0])).toBe('  GIẤY TIẾP NHẬN HỒ SƠ');
    expect(lines(doc, 32).map(lineText)).toEqual([' GIẤY TIẾP NHẬN', '     HỒ SƠ']);
  });

  it('aligns text in its box and marks rules', () => {
    const doc: ReceiptDocument = {
      kind: 'receipt',
      title: 't',
      blocks: [
        { type: 'text', text: 'Đắk Lắk', align: 'right' },
        { type: 'text', text: 'Đắk Lắk', align: 'center' },
        { type: 'rule', char: '=' },
      ],
    };
    const [right, center, rule] = lines(doc, 20);
    expect(lineText(right)).toBe(' '.repeat(13) + 'Đắk Lắk');
    expect(lineText(center)).toBe(' '.repeat(6) + 'Đắk Lắk');
    expect(rule.rule).toBe('=');
    expect(lineText(rule)).toBe('='.repeat(20));
  });

  it('keeps bold runs apart from their padding', () => {
    const doc: ReceiptDocument = {
      kind: 'receipt',
      title: 't',
      blocks: [{ type: 'columns', cells: [{ text: 'TỔNG CỘNG', width: 2, bold: true }, { text: '250.000 đ', width: 1, align: 'right', bold: true }] }],
    };
    expect(lineSegments(lines(doc, 30)[0])).toEqual([
      { text: 'TỔNG CỘNG', bold: true },
      { text: ' '.repeat(12), bold: false },
      { text: '250.000 đ', bold: true },
    ]);
  });

  it('lays out the standard receipt within the paper on 80 and 58 mm, barcodes and QR in order', () => {
    for (const columns of [48, 42, 32]) {
      const layout = layoutReceipt(withReprintMark(standardReceipt()), columns);
      for (const item of layout.items) {
        if (item.type === 'line') expect(textWidth(lineText(item))).toBeLessThanOrEqual(Math.floor(columns / item.size));
      }
      expect(layout.items.filter((i) => i.type !== 'line').map((i) => i.type)).toEqual(['barcode', 'qr', 'feed', 'cut']);
    }
  });

  it('measures what the printer will print when told', () => {
    const doc: ReceiptDocument = { kind: 'receipt', title: 't', blocks: [{ type: 'text', text: 'Chờ… xong' }] };
    const laid = layoutReceipt(doc, 12, { printable: (s) => s.replace('…', '...') }).items as LayoutLine[];
    expect(laid.map(lineText)).toEqual(['Chờ... xong']);
  });

  it('refuses papers narrower than a row of cells needs', () => {
    expect(() => layoutReceipt(standardReceipt(), 8)).toThrow(RangeError);
  });
});
