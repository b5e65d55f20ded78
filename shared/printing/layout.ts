import type { Align, PrintBlock, ReceiptDocument } from './document';

/**
 * A receipt laid out in fixed character cells, once, for a paper of `columns` characters. The
 * ESC/POS text renderer, the raster (image mode) renderer and the on-screen preview all draw these
 * lines, so all three break lines at the same places.
 *
 * A character is a grapheme as the printer sees it: a base letter with its combining marks ("ặ"
 * in NFC or NFD is one cell). Double-size text takes two columns per character.
 */

/** Text placed in a box of character cells of its line (cells of double width on a size-2 line). */
export interface LineCell {
  /** The first cell of the box, 0-based. */
  start: number;
  /** The box width in cells; `text` never has more characters than this. */
  width: number;
  text: string;
  align: Align;
  bold: boolean;
}

export interface LayoutLine {
  type: 'line';
  /** 2 = double width and height: the line has floor(columns / 2) cells. */
  size: 1 | 2;
  underline: boolean;
  /** Set on a rule: its dashes are text for a character printer, a drawn line for a raster. */
  rule?: '-' | '=';
  /** Non-empty pieces of text, left to right, never overlapping. */
  cells: LineCell[];
}

/** Barcodes, QR codes, feeds and cuts pass through the layout unchanged, in order. */
export type PassThroughBlock = Extract<PrintBlock, { type: 'barcode' | 'qr' | 'feed' | 'cut' }>;

export type LayoutItem = LayoutLine | PassThroughBlock;

export interface ReceiptLayout {
  columns: number;
  items: LayoutItem[];
}

export interface LayoutOptions {
  /**
   * What the printer will really print for a piece of text, when it differs from the text (an
   * ESC/POS code page prints "…" as "..."): applied before measuring, so a line never overflows.
   */
  printable?: (text: string) => string;
}

/** Narrower than this, a row of six cells with gaps between them cannot be laid out. */
export const MIN_COLUMNS = 12;

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
/** Control and zero-width format characters: no printer prints them, so they take no cell. */
const INVISIBLE = /^[\p{Cc}\p{Cf}]/u;
const ASCII_LINE = /^[\x20-\x7e]*$/;

/** The characters of one line of text, as printed cells (tabs are spaces, controls are dropped). */
export function characters(text: string): string[] {
  if (ASCII_LINE.test(text)) return text.split('');
  const out: string[] = [];
  for (const c of text.normalize('NFC').match(CLUSTER) ?? []) {
    if (c === '\t') out.push(' ');
    else if (!INVISIBLE.test(c)) out.push(c);
  }
  return out;
}

/** Printed width of a line of text, in cells. */
export function textWidth(text: string): number {
  return characters(text).length;
}

/**
 * Word wrap to `width` cells. Lines break at spaces (runs of spaces between words become one); a
 * word is split only when it alone is longer than a line. "\n" always breaks. Leading spaces of a
 * paragraph are kept as its indentation. An empty text is one empty line.
 */
export function wrapText(text: string, width: number): string[] {
  if (width < 1) throw new RangeError(`cannot wrap text into ${width} cells`);
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r/g, '').split('\n')) {
    const chars = characters(paragraph);
    let indent = 0;
    while (indent < chars.length && chars[indent] === ' ') indent++;
    const words = chars.slice(indent).join('').split(/ +/).filter((w) => w.length > 0).map(characters);
    let line: string[] = chars.slice(0, Math.min(indent, width - 1));
    let lineHasWord = false;
    for (let word of words) {
      if (lineHasWord && line.length + 1 + word.length <= width) {
        line.push(' ', ...word);
        continue;
      }
      if (lineHasWord) {
        lines.push(line.join(''));
        line = [];
      }
      while (line.length + word.length > width) {
        const room = width - line.length;
        lines.push([...line, ...word.slice(0, room)].join(''));
        line = [];
        word = word.slice(room);
      }
      line.push(...word);
      lineHasWord = true;
    }
    lines.push(line.join(''));
  }
  return lines;
}

/**
 * Character widths of the cells of a `columns` row from relative weights: proportional, rounded by
 * largest remainder so they sum to exactly `columns`. Every cell but the last keeps its last column
 * empty as the gap to its neighbour, so it gets at least 2.
 */
export function columnWidths(weights: readonly number[], columns: number): number[] {
  if (weights.length === 0) return [];
  const minimum = (i: number): number => (i === weights.length - 1 ? 1 : 2);
  const needed = weights.reduce((sum, _, i) => sum + minimum(i), 0);
  if (columns < needed) throw new RangeError(`${weights.length} cells need at least ${needed} columns, got ${columns}`);
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * columns);
  const widths = exact.map((e, i) => Math.max(minimum(i), Math.floor(e)));
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  let sum = widths.reduce((a, b) => a + b, 0);
  for (let k = 0; sum < columns; k = (k + 1) % widths.length, sum++) widths[byRemainder[k].i]++;
  while (sum > columns) {
    // the minimums pushed the sum over: take back from the widest cell that can spare a column
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > minimum(i) && (widest < 0 || w > widths[widest])) widest = i;
    });
    widths[widest]--;
    sum--;
  }
  return widths;
}

function textLines(block: Extract<PrintBlock, { type: 'text' }>, columns: number, printable: (s: string) => string): LayoutLine[] {
  const size = block.size ?? 1;
  const width = Math.floor(columns / size);
  return wrapText(printable(block.text), width).map((text) => ({
    type: 'line',
    size,
    underline: block.underline ?? false,
    cells: text.length === 0 ? [] : [{ start: 0, width, text, align: block.align ?? 'left', bold: block.bold ?? false }],
  }));
}

function columnLines(block: Extract<PrintBlock, { type: 'columns' }>, columns: number, printable: (s: string) => string): LayoutLine[] {
  const widths = columnWidths(
    block.cells.map((c) => c.width),
    columns,
  );
  let start = 0;
  const wrapped = block.cells.map((cell, i) => {
    const box = { start, width: i === block.cells.length - 1 ? widths[i] : widths[i] - 1 };
    start += widths[i];
    return { ...box, align: cell.align ?? 'left', bold: cell.bold ?? false, lines: wrapText(printable(cell.text), box.width) };
  });
  const height = Math.max(...wrapped.map((c) => c.lines.length));
  const lines: LayoutLine[] = [];
  for (let row = 0; row < height; row++) {
    const cells = wrapped
      .filter((c) => (c.lines[row] ?? '').trim().length > 0)
      .map((c) => ({ start: c.start, width: c.width, text: c.lines[row], align: c.align, bold: c.bold }));
    lines.push({ type: 'line', size: 1, underline: false, cells });
  }
  return lines;
}

/** Lays out every block for a paper `columns` characters wide (font A: 48 on 80 mm, 32 on 58 mm). */
export function layoutReceipt(doc: ReceiptDocument, columns: number, options: LayoutOptions = {}): ReceiptLayout {
  if (!Number.isInteger(columns) || columns < MIN_COLUMNS) throw new RangeError(`a receipt needs at least ${MIN_COLUMNS} columns, got ${columns}`);
  const printable = options.printable ?? ((s: string) => s);
  const items: LayoutItem[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'text':
        items.push(...textLines(block, columns, printable));
        break;
      case 'columns':
        items.push(...columnLines(block, columns, printable));
        break;
      case 'rule':
        items.push({
          type: 'line',
          size: 1,
          underline: false,
          rule: block.char ?? '-',
          cells: [{ start: 0, width: columns, text: (block.char ?? '-').repeat(columns), align: 'left', bold: false }],
        });
        break;
      default:
        items.push(block);
    }
  }
  return { columns, items };
}

/** Where the text of a cell starts, in cells from the start of its box. */
export function alignedOffset(cell: LineCell): number {
  const free = cell.width - textWidth(cell.text);
  if (cell.align === 'right') return free;
  if (cell.align === 'center') return Math.floor(free / 2);
  return 0;
}

/** A run of a line with one weight: what a monospace renderer prints left to right. */
export interface LineSegment {
  text: string;
  bold: boolean;
}

/**
 * The line as runs of text from its first column to its last printed character, spaces included
 * (trailing spaces dropped): the exact characters a printer in left alignment prints.
 */
export function lineSegments(line: LayoutLine): LineSegment[] {
  const segments: LineSegment[] = [];
  let column = 0;
  const push = (text: string, bold: boolean): void => {
    const last = segments[segments.length - 1];
    if (last && last.bold === bold) last.text += text;
    else if (text.length > 0) segments.push({ text, bold });
  };
  for (const cell of [...line.cells].sort((a, b) => a.start - b.start)) {
    const chars = characters(cell.text);
    while (chars.length > 0 && chars[chars.length - 1] === ' ') chars.pop();
    const at = cell.start + alignedOffset(cell);
    if (at > column) push(' '.repeat(at - column), false);
    push(chars.join(''), cell.bold);
    column = at + chars.length;
  }
  return segments;
}

/** The line as plain text (no trailing spaces), as a monospace screen or a log shows it. */
export function lineText(line: LayoutLine): string {
  return lineSegments(line)
    .map((s) => s.text)
    .join('');
}
