import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { Align, PrintBlock, ReceiptDocument } from '../../../shared/printing/document';
import { layoutReceipt, lineSegments, type LayoutLine } from '../../../shared/printing/layout';
import { withReprintMark } from '../../../shared/printing/reprint';
import { DEFAULT_BARCODE_HEIGHT_DOTS, nativeCode128ModuleDots, qrModuleDots } from '../../../shared/printing/symbolSize';
import {
  EscposTextEncoder,
  asciiFold,
  canEncode,
  selectTableCommand,
  type CodePageSlots,
  type VietnameseMode,
} from '../escpos/encoding/vietnamese';
import type { PrinterProfile } from '../types';
import { code128Bitmap, code128Modules } from './barcodeRaster';
import { rasterCommands } from './escposRaster';
import { isEncodedMode, type TextMode } from './modes';
import { rasterizeLine } from './receiptRaster';

/**
 * A ReceiptDocument -> ESC/POS bytes for one printer profile and Vietnamese mode.
 *
 * node-thermal-printer builds the commands (alignment, bold, sizes, CODE128, QR, feed, cut), but
 * never the text: its Vietnamese handling sends ESC t 52 for TCVN-3 and hops between code pages
 * mid-line, so every character goes through the project's EscposTextEncoder and is appended as
 * bytes. In image mode the laid-out lines are drawn with DejaVu Sans and sent as GS v 0 rasters.
 * Barcodes and QR codes stay native commands in every mode. Nothing is sent from here: the bytes
 * go to a transport.
 */

export interface RenderReceiptOptions {
  /** Print "BẢN IN LẠI" big at the top. */
  reprint?: boolean;
}

const ESC_AT = [0x1b, 0x40];
/** FS . : cancel Chinese (double-byte) character mode. */
const FS_DOT = [0x1c, 0x2e];
/** GS k m: node-thermal-printer's "CODE128 with a length byte" barcode type. */
const CODE128 = 73;

interface Style {
  align: Align;
  bold: boolean;
  size: 1 | 2;
  underline: boolean;
}

/** What ESC @ leaves: the state every receipt starts from. */
const INITIAL_STYLE: Style = { align: 'left', bold: false, size: 1, underline: false };

function startTable(mode: TextMode, slots: CodePageSlots): number {
  if (mode === 'tcvn3') return slots.tcvn3Lower ?? slots.tcvn3Upper ?? 0;
  if (mode === 'cp1258' || mode === 'viscii') return slots[mode] ?? 0;
  return slots.ascii ?? 0;
}

/**
 * What the encoder will really print for a text, so the layout measures that: a character outside
 * the code page whose ASCII fold is longer ("…" -> "...") is replaced by the fold. Anything else
 * stays as it is and prints one character wide (a capital printed as its lowercase letter, "₫" as
 * "đ", a CJK character as "?").
 */
function printableIn(mode: VietnameseMode, slots: CodePageSlots): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    if (/^[\x20-\x7e\n]*$/.test(text)) return text;
    let out = '';
    for (const ch of text.normalize('NFC').match(/\P{M}\p{M}*|\p{M}+/gsu) ?? []) {
      let printed = cache.get(ch);
      if (printed === undefined) {
        const fold = asciiFold(ch);
        printed = fold.length <= 1 || canEncode(ch, mode, slots) ? ch : fold;
        cache.set(ch, printed);
      }
      out += printed;
    }
    return out;
  };
}

class ReceiptWriter {
  // No interface: the library only builds bytes here; sending is the transport's job.
  private readonly printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  private readonly encoder: EscposTextEncoder | undefined;
  private style: Style = { ...INITIAL_STYLE };
  /** Set after a cut (node-thermal-printer follows it with ESC @, which puts a clone back in Chinese mode). */
  private chineseModePending = false;

  constructor(
    private readonly profile: PrinterProfile,
    private readonly mode: TextMode,
  ) {
    this.encoder = isEncodedMode(mode) ? new EscposTextEncoder(mode, profile.vietnamese.slots) : undefined;
  }

  begin(): void {
    const leave = this.profile.vietnamese.leaveChineseMode === true;
    // FS . first (a clone in Chinese mode may take the next bytes as halves of a GBK character),
    // and again after ESC @, which restores the power-on mode: Chinese on these clones.
    if (leave) this.bytes(FS_DOT);
    this.bytes(ESC_AT);
    if (leave) this.bytes(FS_DOT);
    const table = startTable(this.mode, this.profile.vietnamese.slots);
    this.bytes(selectTableCommand(table));
    this.encoder?.assumeTable(table);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.printer.getBuffer() ?? []);
  }

  line(line: LayoutLine): void {
    this.resumeAfterCut();
    if (!this.encoder) {
      this.setAlign('left');
      this.bytes(rasterCommands(rasterizeLine(line, this.profile)));
      return;
    }
    this.setSize(line.size);
    this.setUnderline(line.underline);
    const [only] = line.cells;
    if (line.cells.length === 1 && only.start === 0 && only.width === Math.floor(this.profile.columns / line.size)) {
      // one box across the paper: the printer aligns it (ESC a), cheaper than padding with spaces
      this.setAlign(only.align);
      this.setBold(only.bold);
      this.text(only.text.trimEnd());
    } else {
      this.setAlign('left');
      for (const segment of lineSegments(line)) {
        // spaces print the same bold or not: no ESC E for them
        if (segment.text.trim() !== '') this.setBold(segment.bold);
        this.text(segment.text);
      }
    }
    this.printer.newLine();
  }

  barcode(block: Extract<PrintBlock, { type: 'barcode' }>): void {
    this.resumeAfterCut();
    const { data } = block;
    if (!/^[\x20-\x7e]+$/.test(data)) throw new RangeError(`Code 128 cannot carry "${data}": printable ASCII only`);
    const height = block.height ?? DEFAULT_BARCODE_HEIGHT_DOTS;
    const dots = this.profile.dotsPerLine;
    // Printers take module widths 2-6; the widest that fits scans best.
    const width = nativeCode128ModuleDots(data, dots);
    const align = block.align ?? 'center';
    if (width !== undefined) {
      this.setAlign(align);
      // "{" starts a code-set switch in the ESC/POS CODE128 format: a literal one is "{{"
      this.printer.printBarcode(data.replace(/\{/g, '{{'), CODE128, { hriPos: block.showText ? 2 : 0, hriFont: 0, width, height });
      return;
    }
    // Too long for this paper at 2 dots a module (a dossier code on 58 mm): draw it with the
    // densest code sets and the widest module that fits; if even 1 dot is too wide, the text alone.
    const moduleDots = Math.min(3, Math.floor(dots / code128Modules(data)));
    if (moduleDots >= 1) {
      this.setAlign(align);
      this.bytes(rasterCommands(code128Bitmap(data, moduleDots, height)));
    }
    if (block.showText || moduleDots < 1) this.plainLine(data, align);
  }

  qr(block: Extract<PrintBlock, { type: 'qr' }>): void {
    this.resumeAfterCut();
    const bytes = new TextEncoder().encode(block.data);
    const cellSize = qrModuleDots(block.data, block.size, this.profile.dotsPerLine);
    this.setAlign(block.align ?? 'center');
    if (bytes.length === block.data.length) {
      this.printer.printQR(block.data, { cellSize, correction: 'M', model: 2 });
      return;
    }
    // node-thermal-printer sizes the data by string length, wrong past ASCII: same commands, UTF-8 length.
    const store = [0x1d, 0x28, 0x6b, (bytes.length + 3) & 0xff, (bytes.length + 3) >> 8, 0x31, 0x50, 0x30];
    this.bytes([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]); // model 2
    this.bytes([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, cellSize]);
    this.bytes([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31]); // error correction M
    this.bytes([...store, ...bytes]);
    this.bytes([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]); // print
  }

  feed(lines: number): void {
    for (let i = 0; i < lines; i++) this.printer.newLine();
  }

  cut(): void {
    // One ESC d 4 brings the last line past the cutter (node-thermal-printer's default is two).
    if (this.profile.cutter === 'none') {
      this.printer.printVerticalTab();
      return;
    }
    if (this.profile.cutter === 'full') this.printer.cut({ verticalTabAmount: 1 });
    else this.printer.partialCut({ verticalTabAmount: 1 });
    // the library ends a cut with ESC @: styles, code table and (on clones) Chinese mode reset
    this.style = { ...INITIAL_STYLE };
    this.encoder?.forgetTable();
    this.chineseModePending = this.profile.vietnamese.leaveChineseMode === true;
  }

  private resumeAfterCut(): void {
    if (!this.chineseModePending) return;
    this.bytes(FS_DOT);
    this.chineseModePending = false;
  }

  /** ASCII text outside the layout (a barcode's digits): the same in every table and in image mode. */
  private plainLine(text: string, align: Align): void {
    this.setSize(1);
    this.setUnderline(false);
    this.setBold(false);
    this.setAlign(align);
    this.bytes(new TextEncoder().encode(text));
    this.printer.newLine();
  }

  private text(text: string): void {
    if (this.encoder && text.length > 0) this.bytes(this.encoder.encode(text));
  }

  private bytes(bytes: Uint8Array | readonly number[]): void {
    this.printer.add(Buffer.from(bytes));
  }

  private setAlign(align: Align): void {
    if (this.style.align === align) return;
    if (align === 'center') this.printer.alignCenter();
    else if (align === 'right') this.printer.alignRight();
    else this.printer.alignLeft();
    this.style.align = align;
  }

  private setSize(size: 1 | 2): void {
    if (this.style.size === size) return;
    if (size === 2) this.printer.setTextQuadArea();
    else this.printer.setTextNormal();
    // ESC ! also sets emphasis and underline (its bits 3 and 7) to off
    this.style = { ...this.style, size, bold: false, underline: false };
  }

  private setBold(bold: boolean): void {
    if (this.style.bold === bold) return;
    this.printer.bold(bold);
    this.style.bold = bold;
  }

  private setUnderline(underline: boolean): void {
    if (this.style.underline === underline) return;
    this.printer.underline(underline);
    this.style.underline = underline;
  }
}

/**
 * ESC/POS bytes for `doc` on a printer of `profile`, in `mode`: a Vietnamese code page (text) or
 * 'image' (raster). The same layout as the preview, so lines break at the same places.
 */
export function renderReceipt(doc: ReceiptDocument, profile: PrinterProfile, mode: TextMode, options: RenderReceiptOptions = {}): Uint8Array {
  if (profile.language !== 'escpos') throw new Error(`profile "${profile.id}" is a ${profile.language} label printer, not a receipt printer`);
  const source = options.reprint ? withReprintMark(doc) : doc;
  const printable = isEncodedMode(mode) ? printableIn(mode, profile.vietnamese.slots) : undefined;
  const layout = layoutReceipt(source, profile.columns, { printable });
  const writer = new ReceiptWriter(profile, mode);
  writer.begin();
  for (const item of layout.items) {
    switch (item.type) {
      case 'line':
        writer.line(item);
        break;
      case 'barcode':
        writer.barcode(item);
        break;
      case 'qr':
        writer.qr(item);
        break;
      case 'feed':
        writer.feed(item.lines);
        break;
      case 'cut':
        writer.cut();
        break;
    }
  }
  return writer.finish();
}
