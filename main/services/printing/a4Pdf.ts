import path from 'node:path';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import { A4_MARGINS_MM, type A4Block, type A4Chart, type A4Document } from '../../../shared/printing/a4';
import { a4ChartBox, chartGeometry, type ChartText } from '../../../shared/printing/chartMath';
import { t } from '../../../shared/messages/vi';

export interface A4PdfFonts {
  regular: string;
  bold: string;
  /** No italic face ships with the app; without one, italics are the regular face slanted. */
  italic?: string;
}

/** The A4 faces shipped in resources/fonts: DejaVu Sans covers every Vietnamese letter. */
export function a4Fonts(fontsDir: string): A4PdfFonts {
  return { regular: path.join(fontsDir, 'DejaVuSans.ttf'), bold: path.join(fontsDir, 'DejaVuSans-Bold.ttf') };
}

export interface A4PdfOptions {
  fonts: A4PdfFonts;
  /** false writes the content streams uncompressed (tests read the text back). */
  compress?: boolean;
}

const MM = 72 / 25.4;
const MARGINS = {
  top: A4_MARGINS_MM.top * MM,
  bottom: A4_MARGINS_MM.bottom * MM,
  left: A4_MARGINS_MM.left * MM,
  right: A4_MARGINS_MM.right * MM,
};
const BODY_SIZE = 11;
const TABLE_SIZE = 9;
const FOOTER_SIZE = 8;
const LINE = 1.3; // line height in em: DejaVu Sans is tall, 1.3 keeps diacritics of stacked lines apart
const CELL_PAD_X = 3;
const CELL_PAD_Y = 2.5;
const SIGNATURE_SPACE = 25 * MM;

type Pdf = PDFKit.PDFDocument;
type FontName = 'regular' | 'bold' | 'italic';
interface Style {
  font: FontName;
  size: number;
}
type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * An A4 document (see shared/printing/a4.ts) as a PDF, laid out like a Vietnamese administrative
 * document: issuing body and national motto side by side, place and date, title, then the blocks.
 * Lines are broken here rather than by pdfkit, so every page break (table rows split across pages,
 * repeated table headers, signatures kept together) is decided in one place.
 */
export async function a4ToPdf(doc: A4Document, o: A4PdfOptions): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: doc.orientation ?? 'portrait',
    margins: MARGINS,
    bufferPages: true, // the footer's "page n/m" needs m, known only at the end
    compress: o.compress ?? true,
    info: { Title: doc.title, Producer: 'BCCI Counter' },
  });
  pdf.registerFont('regular', o.fonts.regular);
  pdf.registerFont('bold', o.fonts.bold);
  // Registering the regular file a second time under "italic" would make pdfkit re-read the
  // whole TTF on every switch between the two names (it caches a face under one name only).
  if (o.fonts.italic) pdf.registerFont('italic', o.fonts.italic);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const w = new Writer(pdf, !o.fonts.italic);
  w.header(doc);
  for (const block of doc.blocks) await w.block(block);
  w.footers(doc.footer);
  pdf.end();
  return done;
}

/** Greedy word wrap with the real font metrics; words wider than the line are cut by letters. */
class Writer {
  private y: number;
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly pdf: Pdf,
    private readonly slantItalic: boolean,
  ) {
    this.y = MARGINS.top;
  }

  private get left(): number {
    return MARGINS.left;
  }
  private get contentWidth(): number {
    return this.pdf.page.width - MARGINS.left - MARGINS.right;
  }
  private get bottom(): number {
    return this.pdf.page.height - MARGINS.bottom;
  }
  private get pageBody(): number {
    return this.bottom - MARGINS.top;
  }

  private newPage(): void {
    this.pdf.addPage();
    this.y = MARGINS.top;
  }

  /** Starts a new page unless `height` still fits (or the page is still empty: nothing gained). */
  private ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGINS.top + 0.5) this.newPage();
  }

  private use(s: Style): void {
    this.pdf.font(s.font === 'italic' && this.slantItalic ? 'regular' : s.font).fontSize(s.size);
  }

  /** Width cache: table columns repeat the same words thousands of times. */
  private width(text: string, s: Style): number {
    const key = `${s.font}\u0000${s.size}\u0000${text}`;
    let v = this.widths.get(key);
    if (v === undefined) {
      this.use(s);
      v = this.pdf.widthOfString(text);
      this.widths.set(key, v);
    }
    return v;
  }

  /** `text` broken into lines no wider than `width` (the first line `firstWidth`, for a label before it). */
  wrap(text: string, s: Style, width: number, firstWidth = width): string[] {
    const out: string[] = [];
    const space = this.width(' ', s);
    for (const hard of text.normalize('NFC').split(/\r?\n/)) {
      const words = hard.split(/[ \t]+/).filter((x) => x !== '');
      let line = '';
      let lineW = 0;
      const limit = (): number => (out.length === 0 ? firstWidth : width);
      const push = (): void => {
        out.push(line);
        line = '';
        lineW = 0;
      };
      for (const word of words) {
        let ww = this.width(word, s);
        if (line && lineW + space + ww <= limit() + 0.01) {
          line += ` ${word}`;
          lineW += space + ww;
          continue;
        }
        if (line) push();
        if (ww <= limit() + 0.01) {
          line = word;
          lineW = ww;
          continue;
        }
        // a word longer than the line (a code, an URL): cut it by letters
        let rest = [...word];
        while (rest.length) {
          let n = rest.length;
          while (n > 1 && this.width(rest.slice(0, n).join(''), s) > limit()) n--;
          line = rest.slice(0, n).join('');
          rest = rest.slice(n);
          if (rest.length) push();
        }
        ww = this.width(line, s);
        lineW = ww;
      }
      out.push(line);
    }
    return out.length ? out : [''];
  }

  /** One line of text whose top is at `y`, placed by `align` inside [x, x + width]. */
  private line(text: string, s: Style, x: number, y: number, width: number, align: Align, o: { last?: boolean; underline?: boolean } = {}): void {
    if (!text) return;
    this.use(s);
    const tw = this.pdf.widthOfString(text);
    const dx = align === 'center' ? (width - tw) / 2 : align === 'right' ? width - tw : 0;
    const gaps = text.split(' ').length - 1;
    const justify = align === 'justify' && !o.last && gaps > 0 && tw < width;
    this.pdf.text(text, x + Math.max(0, dx), y, {
      lineBreak: false,
      oblique: s.font === 'italic' && this.slantItalic ? 12 : false,
      // pdfkit adds this to every space: spreading the slack makes the line reach the right edge
      wordSpacing: justify ? (width - tw) / gaps : 0,
      underline: o.underline ?? false,
    });
  }

  /** Lines that flow down the page, breaking to a new page where the page ends. */
  private flow(lines: string[], s: Style, x: number, width: number, align: Align): void {
    const lh = s.size * LINE;
    lines.forEach((l, i) => {
      this.ensure(lh);
      this.line(l, s, x, this.y, width, align, { last: i === lines.length - 1 });
      this.y += lh;
    });
  }

  header(doc: A4Document): void {
    const W = this.contentWidth;
    const leftW = W * 0.42;
    const rightW = W - leftW;
    let yl = this.y;
    const bold = (size: number): Style => ({ font: 'bold', size });
    for (const text of doc.header.left) {
      const s = bold(BODY_SIZE);
      for (const l of this.wrap(text, s, leftW)) {
        this.line(l, s, this.left, yl, leftW, 'center');
        yl += s.size * LINE;
      }
    }
    if (doc.header.left.length) {
      // the short rule under the issuing body, as official documents have (⅓ of the column)
      this.rule(this.left + leftW / 3, yl + 2, this.left + (leftW * 2) / 3, yl + 2);
      yl += 5;
    }
    let yr = this.y;
    doc.header.right.forEach((text, i) => {
      // the motto stays on one line: shrink a little rather than wrap it
      const base: Style = { font: i <= 1 ? 'bold' : 'regular', size: i === 1 ? BODY_SIZE + 1 : BODY_SIZE };
      const size = Math.max(7, Math.min(base.size, (base.size * (rightW - 4)) / this.width(text, base)));
      const s = { ...base, size };
      const x = this.left + leftW;
      this.line(text, s, x, yr, rightW, 'center');
      yr += size * LINE;
      if (i === 1) {
        // "Độc lập - Tự do - Hạnh phúc" is underlined exactly as long as the line
        const tw = this.width(text, s);
        this.rule(x + (rightW - tw) / 2, yr - 1, x + (rightW + tw) / 2, yr - 1);
        yr += 3;
      }
    });
    this.y = Math.max(yl, yr) + 8;

    if (doc.placeDate) {
      const s: Style = { font: 'italic', size: BODY_SIZE };
      this.flow(this.wrap(doc.placeDate, s, W), s, this.left, W, 'right');
      this.y += 10;
    }
    if (doc.title) {
      const s: Style = { font: 'bold', size: 14 };
      this.flow(this.wrap(doc.title, s, W * 0.9), s, this.left, W, 'center');
    }
    if (doc.number) {
      const s: Style = { font: 'regular', size: BODY_SIZE };
      this.flow(this.wrap(doc.number, s, W), s, this.left, W, 'center');
    }
    this.y += 10;
  }

  async block(b: A4Block): Promise<void> {
    switch (b.type) {
      case 'heading': {
        const s: Style = { font: 'bold', size: 12 };
        const lines = this.wrap(b.text, s, this.contentWidth);
        this.y += 4;
        // keep the heading with the first lines under it
        this.ensure(lines.length * s.size * LINE + 3 * BODY_SIZE * LINE);
        this.flow(lines, s, this.left, this.contentWidth, 'left');
        this.y += 2;
        return;
      }
      case 'paragraph': {
        const s: Style = { font: b.bold ? 'bold' : b.italic ? 'italic' : 'regular', size: BODY_SIZE };
        this.flow(this.wrap(b.text, s, this.contentWidth), s, this.left, this.contentWidth, b.align ?? 'left');
        this.y += 4;
        return;
      }
      case 'fields':
        this.fields(b.rows);
        this.y += 4;
        return;
      case 'table':
        this.table(b);
        this.y += 6;
        return;
      case 'signatures':
        this.signatures(b.blocks);
        return;
      case 'chart':
        this.chart(b);
        this.y += 6;
        return;
      case 'barcode':
        await this.barcode(b.data);
        this.y += 4;
        return;
      case 'pageBreak':
        if (this.y > MARGINS.top + 0.5) this.newPage();
        return;
    }
  }

  private fields(rows: { label: string; value: string }[]): void {
    const W = this.contentWidth;
    const label: Style = { font: 'bold', size: BODY_SIZE };
    const value: Style = { font: 'regular', size: BODY_SIZE };
    const lh = BODY_SIZE * LINE;
    for (const row of rows) {
      const prefix = `${row.label}: `;
      const pw = this.width(prefix, label);
      // the value starts after the label on the first line and wraps back to the margin
      const lines = pw < W * 0.6 ? this.wrap(row.value, value, W, W - pw) : ['', ...this.wrap(row.value, value, W)];
      lines.forEach((l, i) => {
        this.ensure(lh);
        if (i === 0) this.line(prefix.trimEnd(), label, this.left, this.y, W, 'left');
        this.line(l, value, i === 0 ? this.left + pw : this.left, this.y, i === 0 ? W - pw : W, 'left');
        this.y += lh;
      });
    }
  }

  private table(b: Extract<A4Block, { type: 'table' }>): void {
    const W = this.contentWidth;
    const total = b.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = b.columns.map((c) => (c.width / total) * W);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, v) => a + v, 0));
    const regular: Style = { font: 'regular', size: TABLE_SIZE };
    const bold: Style = { font: 'bold', size: TABLE_SIZE };
    const lh = TABLE_SIZE * LINE;
    const cellLines = (cells: readonly string[], s: Style): string[][] =>
      b.columns.map((_, i) => this.wrap(cells[i] ?? '', s, Math.max(4, widths[i]! - 2 * CELL_PAD_X)));
    const header = cellLines(
      b.columns.map((c) => c.title),
      bold,
    );
    const headerH = Math.max(...header.map((c) => c.length)) * lh + 2 * CELL_PAD_Y;

    const drawRow = (cells: string[][], from: number, count: number, s: Style, isHeader: boolean): void => {
      const h = count * lh + 2 * CELL_PAD_Y;
      if (isHeader) this.pdf.save().rect(this.left, this.y, W, h).fill('#e8e8e8').restore();
      cells.forEach((lines, i) => {
        const align = isHeader ? 'center' : (b.columns[i]!.align ?? 'left');
        for (let k = 0; k < count && from + k < lines.length; k++) {
          this.line(lines[from + k]!, s, xs[i]! + CELL_PAD_X, this.y + CELL_PAD_Y + k * lh, widths[i]! - 2 * CELL_PAD_X, align);
        }
      });
      this.pdf.save().lineWidth(0.5).strokeColor('#000');
      for (let i = 0; i < widths.length; i++) this.pdf.rect(xs[i]!, this.y, widths[i]!, h);
      this.pdf.stroke().restore();
      this.y += h;
    };
    const drawHeader = (): void => drawRow(header, 0, Math.max(...header.map((c) => c.length)), bold, true);

    // a header alone at the foot of a page helps no one: it starts where a first row fits under it
    this.ensure(headerH + lh + 2 * CELL_PAD_Y);
    drawHeader();

    const body = (cells: readonly string[], s: Style): void => {
      const lines = cellLines(cells, s);
      const n = Math.max(...lines.map((c) => c.length));
      let from = 0;
      let fresh = false;
      while (from < n) {
        const room = Math.floor((this.bottom - this.y - 2 * CELL_PAD_Y) / lh + 1e-6);
        const rest = n - from;
        // a row moves whole to the next page when it fits there; only a row taller than a page is split
        const fitsFresh = rest * lh + 2 * CELL_PAD_Y <= this.pageBody - headerH;
        let count = 0;
        if (room >= rest) count = rest;
        else if (room >= 1 && !fitsFresh) count = room;
        else if (fresh) count = Math.max(1, Math.min(room, rest)); // another page would not have more room
        if (count) {
          drawRow(lines, from, count, s, false);
          from += count;
        }
        if (from < n) {
          this.newPage();
          drawHeader();
          fresh = true;
        }
      }
    };
    for (const row of b.rows) body(row, regular);
    if (b.footer) body(b.footer, bold);
  }

  private signatures(blocks: { title: string; subtitle?: string; name?: string }[]): void {
    const colW = this.contentWidth / blocks.length;
    const title: Style = { font: 'bold', size: BODY_SIZE };
    const subtitle: Style = { font: 'italic', size: BODY_SIZE - 1 };
    const lh = (s: Style): number => s.size * LINE;
    const laid = blocks.map((b) => ({
      title: this.wrap(b.title, title, colW - 8),
      subtitle: b.subtitle ? this.wrap(b.subtitle, subtitle, colW - 8) : [],
      name: b.name ? this.wrap(b.name, title, colW - 8) : [],
    }));
    // names line up across the columns even when one block has no subtitle or a longer title
    const nameTop = Math.max(...laid.map((l) => l.title.length * lh(title) + l.subtitle.length * lh(subtitle))) + SIGNATURE_SPACE;
    const height = nameTop + Math.max(...laid.map((l) => l.name.length * lh(title)));
    this.y += 8;
    // the signatures stay together, and on the page of the text they sign where they fit
    this.ensure(height);
    const top = this.y;
    laid.forEach((l, i) => {
      const x = this.left + i * colW + 4;
      let y = top;
      for (const t of l.title) {
        this.line(t, title, x, y, colW - 8, 'center');
        y += lh(title);
      }
      for (const t of l.subtitle) {
        this.line(t, subtitle, x, y, colW - 8, 'center');
        y += lh(subtitle);
      }
      y = top + nameTop;
      for (const t of l.name) {
        this.line(t, title, x, y, colW - 8, 'center');
        y += lh(title);
      }
    });
    this.y = top + height + 6;
  }

  private chart(chart: A4Chart): void {
    const box = a4ChartBox(this.pdf.page.width > this.pdf.page.height ? 'landscape' : 'portrait');
    const height = Math.min(box.height, this.pageBody);
    this.ensure(height);
    const g = chartGeometry(chart, { ...box, width: this.contentWidth, height });
    const ox = this.left;
    const oy = this.y;
    const pdf = this.pdf;
    const text = (c: ChartText, s: Style): void => {
      const tw = this.width(c.text, s);
      const dx = c.anchor === 'middle' ? -tw / 2 : c.anchor === 'end' ? -tw : 0;
      this.use(s);
      if (c.rotate) {
        pdf.save().rotate(c.rotate, { origin: [ox + c.x, oy + c.y] });
        pdf.text(c.text, ox + c.x + dx, oy + c.y, { lineBreak: false });
        pdf.restore();
      } else {
        pdf.text(c.text, ox + c.x + dx, oy + c.y, { lineBreak: false });
      }
    };
    const small: Style = { font: 'regular', size: g.fontSize };
    pdf.save();
    pdf.fillColor('#000');
    if (g.title.text) text(g.title, { font: 'bold', size: g.title.fontSize });
    for (const item of g.legend) {
      pdf.rect(ox + item.swatch.x, oy + item.swatch.y, item.swatch.size, item.swatch.size).fill(item.color);
      pdf.fillColor('#000');
      text(item.label, small);
    }
    // grid and ticks, then the data over them, then the axes over the data's edges
    pdf.lineWidth(0.4).strokeColor('#c8c8c8');
    for (const tick of g.yTicks) pdf.moveTo(ox + g.plot.x, oy + tick.y).lineTo(ox + g.plot.x + g.plot.width, oy + tick.y);
    pdf.stroke();
    pdf.fillColor('#000');
    for (const tick of g.yTicks) text(tick.label, small);
    for (const bar of g.bars) if (bar.height > 0) pdf.rect(ox + bar.x, oy + bar.y, bar.width, bar.height).fill(bar.color);
    for (const line of g.lines) {
      pdf.lineWidth(1.5).strokeColor(line.color);
      for (const seg of line.segments) {
        if (seg.length < 2) continue;
        pdf.moveTo(ox + seg[0]!.x, oy + seg[0]!.y);
        for (const p of seg.slice(1)) pdf.lineTo(ox + p.x, oy + p.y);
        pdf.stroke();
      }
      for (const p of line.points) pdf.circle(ox + p.x, oy + p.y, 2.2).fill(line.color);
    }
    pdf.lineWidth(0.8).strokeColor('#000');
    pdf.moveTo(ox + g.plot.x, oy + g.plot.y).lineTo(ox + g.plot.x, oy + g.plot.y + g.plot.height).stroke();
    pdf.moveTo(ox + g.plot.x, oy + g.baseline).lineTo(ox + g.plot.x + g.plot.width, oy + g.baseline).stroke();
    pdf.fillColor('#000');
    for (const label of g.xLabels) text(label, small);
    pdf.restore();
    this.y = oy + height;
  }

  private async barcode(data: string): Promise<void> {
    const h = 18 * MM;
    this.ensure(h);
    try {
      // bwip-js would encode letters with diacritics as bytes no scanner reads back as typed
      if (!/^[\x20-\x7e]+$/.test(data)) throw new Error('not Code 128 text');
      const png = await bwipjs.toBuffer({ bcid: 'code128', text: data, scale: 2, height: 12, includetext: true, textxalign: 'center' });
      this.pdf.image(png, this.left, this.y, { fit: [Math.min(90 * MM, this.contentWidth), h] });
    } catch {
      // Code 128 cannot carry it (letters with diacritics): print the code so it can still be typed in
      const s: Style = { font: 'regular', size: 12 };
      this.pdf.save().lineWidth(0.5).rect(this.left, this.y, Math.min(90 * MM, this.contentWidth), 8 * MM).stroke().restore();
      this.line(data, s, this.left + 4, this.y + 4 * MM - 6, Math.min(90 * MM, this.contentWidth) - 8, 'center');
    }
    this.y += h;
  }

  footers(footer: string | undefined): void {
    const range = this.pdf.bufferedPageRange();
    const s: Style = { font: 'regular', size: FOOTER_SIZE };
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      // inside the bottom margin: the body never reaches it, so nothing is covered
      const y = this.pdf.page.height - MARGINS.bottom + 4 * MM;
      const page = t('a4.page', { n: i - range.start + 1, m: range.count });
      const pw = this.width(page, s);
      this.rule(this.left, y - 2, this.left + this.contentWidth, y - 2, 0.3);
      if (footer) {
        const [first = ''] = this.wrap(footer, s, this.contentWidth - pw - 12);
        this.line(first, s, this.left, y, this.contentWidth - pw - 12, 'left');
      }
      this.line(page, s, this.left, y, this.contentWidth, 'right');
    }
  }

  private rule(x1: number, y1: number, x2: number, y2: number, width = 0.6): void {
    this.pdf.save().lineWidth(width).strokeColor('#000').moveTo(x1, y1).lineTo(x2, y2).stroke().restore();
  }
}
