/**
 * A streaming ESC/POS printer: bytes in, "paper" out, status replies back.
 *
 * - `feed()` takes any chunking: a command split over two TCP packets or serial reads is held until
 *   it is complete (a byte queue, not a byte-by-byte state machine, so commands with long payloads
 *   such as raster images cost O(bytes)).
 * - Paper: text lines with the style in force (decoded through the current `ESC t` table with
 *   EscposTextDecoder, which shares no code with our encoder), barcodes (GS k), 2D symbols
 *   (GS ( k), raster and column images (GS v 0, ESC *, GS ( L / GS 8 L), feeds, cuts, FS . / FS &.
 *   Every cut closes a receipt.
 * - Anything it does not understand (unknown ESC / GS / FS sequences, stray control bytes, commands
 *   it knows but cannot show, such as page mode or NV images) is recorded in `unknown`, never
 *   printed as text.
 * - Status: `DLE EOT n` is a real-time command, answered when it is *received*, even while the
 *   printer is faulted and its buffer is held (as on a real printer; also like a real printer, the
 *   sequence 10 04 n inside image data is answered too: Epson's GS ( D exists for that reason).
 *   `GS a n` enables Automatic Status Back; `GS r n` and `GS I n` are answered in stream order.
 *   A mute printer (`setMute(true)`, like many cheap clones) never answers anything.
 * - Faults: while the paper is out, the cover is open or an error is set, received data is held
 *   (printed once the fault clears) or, with `dropWhileFaulted`, dropped.
 */
import { TextDecoder } from 'node:util';
import { EscposTextDecoder } from '../escpos/encoding/decode';
import type { CodePageSlots } from '../escpos/encoding/vietnamese';
import type { PrinterProfile, PrinterStatus } from '../types';
import { ByteQueue } from './byteQueue';
import { Listeners } from '../listeners';

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  readonly bold: boolean;
  /** 0 off, 1 one-dot, 2 two-dot underline */
  readonly underline: 0 | 1 | 2;
  /** character width / height magnification 1-8 (ESC ! double = 2, GS ! = 1-8) */
  readonly widthScale: number;
  readonly heightScale: number;
  readonly doubleWidth: boolean;
  readonly doubleHeight: boolean;
  readonly font: 'A' | 'B';
  /** white on black (GS B) */
  readonly invert: boolean;
  readonly upsideDown: boolean;
}

export interface TextSegment {
  readonly text: string;
  readonly style: TextStyle;
}

export interface PrintedLine {
  readonly kind: 'text';
  /** Decoded text (NFC); '' for a blank line. */
  readonly text: string;
  readonly align: Align;
  /** The style of the first printed character (the style in force for a blank line). */
  readonly style: TextStyle;
  /** Runs of one style; more than one when the style changed within the line. */
  readonly segments: readonly TextSegment[];
  /** GS L, in dots */
  readonly leftMargin: number;
  /** GS W, in dots; null = the whole printable width */
  readonly printAreaWidth: number | null;
  /** ESC 3 n, in dots; null = default (ESC 2) */
  readonly lineSpacing: number | null;
  /** Printed while FS & (Chinese double-byte mode) was on: high bytes were read as GBK pairs. */
  readonly chineseMode: boolean;
}

export type HriPosition = 'none' | 'above' | 'below' | 'both';

export interface PrintedBarcode {
  readonly kind: 'barcode';
  /** 'CODE128', 'EAN13', 'UPC-A', 'CODE39', 'ITF', 'CODABAR', 'CODE93', 'PDF417', 'DataMatrix', ... */
  readonly symbology: string;
  /** What the symbol encodes (CODE128 code-set selectors and FNC codes removed, code set C as digits). */
  readonly data: string;
  /** The data bytes as sent. */
  readonly bytes: Uint8Array;
  readonly hri: HriPosition;
  /** Human-readable text printed with the bars ('' when hri is 'none'). */
  readonly hriText: string;
  readonly hriFont: 'A' | 'B';
  /** GS h, dots */
  readonly height: number;
  /** GS w, dots per narrow module */
  readonly moduleWidth: number;
  readonly align: Align;
  /** The command that printed it: 'GS k' or 'GS ( k' (2D symbols other than QR). */
  readonly command: 'GS k' | 'GS ( k';
}

export interface PrintedQrCode {
  readonly kind: 'qr';
  /** The stored data read as UTF-8. */
  readonly data: string;
  readonly bytes: Uint8Array;
  readonly model: 1 | 2 | 'micro';
  /** GS ( k fn 67: dots per module */
  readonly moduleSize: number;
  readonly errorCorrection: 'L' | 'M' | 'Q' | 'H';
  readonly align: Align;
}

export interface PrintedImage {
  readonly kind: 'image';
  /** in dots, before scaling */
  readonly width: number;
  readonly height: number;
  /** Row-major, MSB = leftmost dot, 1 = black; `bytesPerRow` bytes per row. */
  readonly bits: Uint8Array;
  readonly bytesPerRow: number;
  readonly scaleX: 1 | 2;
  readonly scaleY: 1 | 2;
  readonly command: 'GS v 0' | 'ESC *' | 'GS ( L';
  readonly align: Align;
}

export interface PaperFeed {
  readonly kind: 'feed';
  readonly unit: 'lines' | 'dots';
  readonly amount: number;
  readonly command: string;
}

export interface PaperCut {
  readonly kind: 'cut';
  readonly partial: boolean;
  readonly command: string;
}

export interface ChineseModeChange {
  readonly kind: 'chinese-mode';
  /** true = FS & (double-byte mode on), false = FS . (off) */
  readonly on: boolean;
}

export type PaperItem = PrintedLine | PrintedBarcode | PrintedQrCode | PrintedImage | PaperFeed | PaperCut | ChineseModeChange;

export interface UnknownSequence {
  /** Offset of the first byte among the bytes that reached the parser (dropped bytes not counted). */
  readonly offset: number;
  readonly bytes: Uint8Array;
  readonly reason: string;
}

export interface PrintedReceipt {
  /** 0-based, in printing order */
  readonly index: number;
  /** Everything printed on this piece of paper, in order (the cut that closed it included). */
  readonly items: readonly PaperItem[];
  /** Decoded text lines (blank lines as ''). */
  readonly lines: string[];
  readonly textLines: PrintedLine[];
  readonly barcodes: PrintedBarcode[];
  readonly qrCodes: PrintedQrCode[];
  readonly images: PrintedImage[];
  /** false for the paper still in the printer (no cut yet). */
  readonly cut: boolean;
  readonly partialCut: boolean;
  /** All lines joined with "\n". */
  text(): string;
}

export interface EscposFaults {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  error: boolean;
}

export interface EscposEmulatorOptions {
  /** Called with every status reply (DLE EOT, ASB, GS r, GS I). More listeners: `onReply()`. */
  onReply?: (bytes: Uint8Array) => void;
  /** Drop (instead of hold) data received while faulted. */
  dropWhileFaulted?: boolean;
  /** Never answer status requests. */
  mute?: boolean;
  /** Start (and return on ESC @) in Chinese double-byte mode, like Chinese-market clones. */
  chineseModeAtStart?: boolean;
  /** ESC t table at power-on and after ESC @ (default 0). */
  initialTable?: number;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;
const CR = 0x0d;
const HT = 0x09;
const FF = 0x0c;
const CAN = 0x18;

const DEFAULT_STYLE: TextStyle = Object.freeze({
  bold: false,
  underline: 0,
  widthScale: 1,
  heightScale: 1,
  doubleWidth: false,
  doubleHeight: false,
  font: 'A',
  invert: false,
  upsideDown: false,
});

const GS_K_FORM_A: Readonly<Record<number, string>> = {
  0: 'UPC-A', 1: 'UPC-E', 2: 'EAN13', 3: 'EAN8', 4: 'CODE39', 5: 'ITF', 6: 'CODABAR',
};
const GS_K_FORM_B: Readonly<Record<number, string>> = {
  65: 'UPC-A', 66: 'UPC-E', 67: 'EAN13', 68: 'EAN8', 69: 'CODE39', 70: 'ITF', 71: 'CODABAR', 72: 'CODE93',
  73: 'CODE128', 74: 'GS1-128', 75: 'GS1 DataBar Omnidirectional', 76: 'GS1 DataBar Truncated',
  77: 'GS1 DataBar Limited', 78: 'GS1 DataBar Expanded', 79: 'CODE128',
};
/** GS ( k cn -> symbol name (49 = QR is handled apart). */
const SYMBOL_2D: Readonly<Record<number, string>> = {
  48: 'PDF417', 50: 'MaxiCode', 51: 'GS1 DataBar', 52: 'Composite', 53: 'Aztec', 54: 'DataMatrix',
};

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** CODE128 as sent with GS k 73: "{A" "{B" "{C" select the code set, "{{" is "{", "{1".."{4" FNC, "{S" shift. */
export function decodeCode128(bytes: Uint8Array): string {
  let set: 'A' | 'B' | 'C' = 'B';
  let out = '';
  let shift = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x7b && i + 1 < bytes.length) {
      const c = bytes[i + 1];
      if (c === 0x41 || c === 0x42 || c === 0x43) {
        set = c === 0x41 ? 'A' : c === 0x42 ? 'B' : 'C';
        i++;
        continue;
      }
      if (c === 0x7b) {
        out += '{';
        i++;
        continue;
      }
      if (c === 0x53) {
        shift = true;
        i++;
        continue;
      }
      if (c >= 0x31 && c <= 0x34) {
        i++; // FNC1-4: not part of the human-readable data
        continue;
      }
    }
    if (set === 'C' && !shift) {
      out += b < 100 ? String(b).padStart(2, '0') : '\uFFFD';
    } else {
      out += String.fromCharCode(b);
    }
    shift = false;
  }
  return out;
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

let gbkDecoder: TextDecoder | null | undefined;
function decodeGbk(bytes: Uint8Array): string {
  if (gbkDecoder === undefined) {
    try {
      gbkDecoder = new TextDecoder('gbk');
    } catch {
      gbkDecoder = null; // Node without full ICU
    }
  }
  return gbkDecoder ? gbkDecoder.decode(bytes) : '\uFFFD'.repeat(bytes.length);
}

/** Is bit (x, y) of an image black? */
export function imagePixel(image: PrintedImage, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return false;
  return ((image.bits[y * image.bytesPerRow + (x >> 3)] >> (7 - (x & 7))) & 1) === 1;
}

/** The status byte a printer in `faults` answers to DLE EOT n (n = 1..4). */
export function dleEotStatus(n: number, faults: EscposFaults): number {
  let b = 0x12; // bits 1 and 4 fixed on, 0 and 7 off
  switch (n) {
    case 1:
      if (faults.paperOut || faults.coverOpen || faults.error) b |= 0x08; // offline
      break;
    case 2:
      if (faults.coverOpen) b |= 0x04;
      if (faults.paperOut) b |= 0x20; // printing stopped at paper end
      if (faults.error) b |= 0x40;
      break;
    case 3:
      if (faults.error) b |= 0x08; // autocutter error
      break;
    case 4:
      if (faults.paperNearEnd) b |= 0x0c;
      if (faults.paperOut) b |= 0x60;
      break;
  }
  return b;
}

/** The 4 bytes of Automatic Status Back (Epson layout). */
export function asbStatus(faults: EscposFaults): Uint8Array {
  const offline = faults.paperOut || faults.coverOpen || faults.error;
  return Uint8Array.of(
    0x10 | (offline ? 0x08 : 0) | (faults.coverOpen ? 0x20 : 0),
    faults.error ? 0x08 : 0,
    (faults.paperNearEnd ? 0x03 : 0) | (faults.paperOut ? 0x0c : 0),
    0x00,
  );
}

/** What a host reading these replies would conclude (for tests and the app's emulated device). */
export function faultsToStatus(faults: EscposFaults): PrinterStatus {
  return {
    online: !(faults.paperOut || faults.coverOpen || faults.error),
    coverOpen: faults.coverOpen,
    paperOut: faults.paperOut,
    paperNearEnd: faults.paperNearEnd,
    error: faults.error,
  };
}

interface PendingSegment {
  bytes: number[];
  style: TextStyle;
  chinese: boolean;
}

interface PendingLine {
  segments: PendingSegment[];
  /** printable bytes so far (for HT) */
  columns: number;
  align: Align;
  leftMargin: number;
  printAreaWidth: number | null;
  lineSpacing: number | null;
}

interface SymbolStore {
  bytes: Uint8Array | null;
  model: 1 | 2 | 'micro';
  moduleSize: number;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
}


export class EscposEmulator {
  /** Sequences not interpreted (see the file comment). */
  readonly unknown: UnknownSequence[] = [];
  private readonly paper: PaperItem[] = [];
  private readonly closed: PrintedReceipt[] = [];
  private receiptStart = 0;

  private readonly queue = new ByteQueue();
  private offset = 0; // stream offset of queue.view()[0]
  private received = 0;
  private droppedBytes = 0;
  private processing = false;

  private readonly replyListeners = new Listeners<[Uint8Array]>();
  private readonly receiptListeners = new Listeners<[PrintedReceipt]>();
  private readonly faults: EscposFaults = { paperOut: false, paperNearEnd: false, coverOpen: false, error: false };
  private mute: boolean;
  private dropWhileFaulted: boolean;
  private rt = 0; // real-time scanner: 0 idle, 1 saw DLE, 2 saw DLE EOT
  private asbMask = 0;
  private drawer = 0;

  // printer modes (reset by ESC @)
  private decoder!: EscposTextDecoder;
  private style: TextStyle = DEFAULT_STYLE;
  private emphasized = false;
  private doubleStrike = false;
  private align: Align = 'left';
  private leftMargin = 0;
  private printAreaWidth: number | null = null;
  private lineSpacing: number | null = null;
  private chinese = false;
  private tabStops: number[] = [];
  private hri: HriPosition = 'none';
  private hriFont: 'A' | 'B' = 'A';
  private barcodeHeight = 162;
  private moduleWidth = 3;
  private symbols = new Map<number, SymbolStore>();
  private graphics: PrintedImage | null = null;
  private line: PendingLine | null = null;

  constructor(
    readonly slots: CodePageSlots,
    private readonly options: EscposEmulatorOptions = {},
  ) {
    this.mute = options.mute ?? false;
    this.dropWhileFaulted = options.dropWhileFaulted ?? false;
    if (options.onReply) this.replyListeners.add(options.onReply);
    this.resetModes();
  }

  /** An emulator behaving as the profile says: its code-page slots, mute if it has no status, Chinese mode. */
  static forProfile(profile: PrinterProfile, options: EscposEmulatorOptions = {}): EscposEmulator {
    return new EscposEmulator(profile.vietnamese.slots, {
      mute: profile.status === 'none',
      chineseModeAtStart: profile.vietnamese.leaveChineseMode ?? false,
      ...options,
    });
  }

  // ------------------------------------------------------------------------------------------
  // public API

  /** Bytes from the host, in any chunking. */
  feed(bytes: Uint8Array): void {
    this.received += bytes.length;
    this.scanRealtime(bytes);
    if (this.isFaulted() && this.dropWhileFaulted) {
      this.droppedBytes += bytes.length;
      return;
    }
    this.queue.push(bytes);
    this.process();
  }

  /** Adds a reply listener; returns its remover. */
  onReply(listener: (bytes: Uint8Array) => void): () => void {
    return this.replyListeners.add(listener);
  }

  /** Called whenever a cut closes a receipt. */
  onReceipt(listener: (receipt: PrintedReceipt) => void): () => void {
    return this.receiptListeners.add(listener);
  }

  setPaperOut(on: boolean): void {
    this.setFault('paperOut', on);
  }

  setPaperNearEnd(on: boolean): void {
    this.setFault('paperNearEnd', on);
  }

  setCoverOpen(on: boolean): void {
    this.setFault('coverOpen', on);
  }

  /** A mechanical / autocutter error: offline, DLE EOT 2 bit 6, DLE EOT 3 bit 3. */
  setError(on: boolean): void {
    this.setFault('error', on);
  }

  /** A mute printer never answers DLE EOT, ASB, GS r or GS I. */
  setMute(on: boolean): void {
    this.mute = on;
  }

  setDropWhileFaulted(on: boolean): void {
    this.dropWhileFaulted = on;
  }

  get isMute(): boolean {
    return this.mute;
  }

  /** Current faults (a copy). */
  get faultState(): EscposFaults {
    return { ...this.faults };
  }

  /** Paper out, cover open or error: data is not printed. */
  isFaulted(): boolean {
    return this.faults.paperOut || this.faults.coverOpen || this.faults.error;
  }

  /** Bytes received so far. */
  get bytesReceived(): number {
    return this.received;
  }

  /** Bytes received but not yet interpreted (held while faulted, or an incomplete command). */
  get pendingBytes(): number {
    return this.queue.length;
  }

  /** Bytes dropped because they arrived while faulted with dropWhileFaulted. */
  get bytesDropped(): number {
    return this.droppedBytes;
  }

  /** How many receipts were cut off so far. */
  get cuts(): number {
    return this.closed.length;
  }

  /** ESC p pulses sent to the cash drawer. */
  get drawerPulses(): number {
    return this.drawer;
  }

  /** Is Automatic Status Back enabled (GS a n, n != 0)? */
  get asbEnabled(): boolean {
    return this.asbMask !== 0;
  }

  /** Everything printed so far, in order. */
  items(): readonly PaperItem[] {
    return this.paper;
  }

  /** Cut receipts, then the paper still in the printer (cut: false) if anything is printed on it. */
  receipts(): PrintedReceipt[] {
    const out = [...this.closed];
    if (this.paper.length > this.receiptStart) {
      out.push(makeReceipt(this.closed.length, this.paper.slice(this.receiptStart), null));
    }
    return out;
  }

  /** All printed text lines of all receipts, joined with "\n". */
  text(): string {
    return this.receipts()
      .map((r) => r.text())
      .join('\n');
  }

  /** Forgets the printed paper and the unknown list (printer modes, faults and buffered bytes stay). */
  clearPaper(): void {
    this.paper.length = 0;
    this.closed.length = 0;
    this.receiptStart = 0;
    this.unknown.length = 0;
  }

  /**
   * Throws away buffered bytes, including a command waiting for the rest of its data (what a
   * printer does on DLE DC4 8 or a power cycle). Returns how many bytes were discarded.
   */
  discardPending(): number {
    const n = this.queue.length;
    this.offset += n;
    this.queue.clear();
    return n;
  }

  /** Power cycle: buffers discarded, modes reset, ASB off. Paper and faults stay. */
  powerCycle(): void {
    this.discardPending();
    this.rt = 0;
    this.asbMask = 0;
    this.line = null;
    this.resetModes();
  }

  // ------------------------------------------------------------------------------------------
  // status

  private reply(bytes: Uint8Array): void {
    if (this.mute) return;
    this.replyListeners.emit(bytes.slice());
  }

  private setFault(key: keyof EscposFaults, on: boolean): void {
    if (this.faults[key] === on) return;
    const before = asbStatus(this.faults);
    this.faults[key] = on;
    const after = asbStatus(this.faults);
    if (this.asbMask !== 0) {
      const relevant =
        ((this.asbMask & 0x02) !== 0 && before[0] !== after[0]) ||
        ((this.asbMask & 0x04) !== 0 && before[1] !== after[1]) ||
        ((this.asbMask & 0x08) !== 0 && before[2] !== after[2]);
      if (relevant) this.reply(after);
    }
    if (!this.isFaulted()) this.process();
  }

  /** DLE EOT n is answered on reception, whatever the state of the buffer. */
  private scanRealtime(bytes: Uint8Array): void {
    for (const b of bytes) {
      if (this.rt === 2) {
        this.rt = 0;
        if (b >= 1 && b <= 4) this.reply(Uint8Array.of(dleEotStatus(b, this.faults)));
      } else if (this.rt === 1) {
        this.rt = b === 0x04 ? 2 : b === DLE ? 1 : 0;
      } else if (b === DLE) {
        this.rt = 1;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // the parser

  private process(): void {
    if (this.processing) return; // re-entered from a listener
    this.processing = true;
    try {
      while (!this.isFaulted() && this.queue.length > 0) {
        const data = this.queue.view();
        const n = this.step(data);
        if (n === 0) break; // incomplete: wait for more bytes
        this.queue.consume(n);
        this.offset += n;
      }
    } finally {
      this.processing = false;
    }
  }

  private note(bytes: Uint8Array, reason: string): void {
    this.unknown.push({ offset: this.offset, bytes: bytes.slice(), reason });
  }

  /** Interprets one command (or text run) at d[0]. Returns bytes consumed, 0 = need more bytes. */
  private step(d: Uint8Array): number {
    const b = d[0];
    if (b >= 0x20) {
      let i = 1;
      while (i < d.length && d[i] >= 0x20) i++;
      this.addText(d, i);
      return i;
    }
    switch (b) {
      case LF:
        this.printLine(true);
        return 1;
      case CR:
        return 1; // ignored when auto line feed is off (the default)
      case HT:
        this.tab();
        return 1;
      case FF:
        this.printLine(false);
        return 1;
      case CAN:
        return 1; // page mode: cancel print data
      case ESC:
        return this.esc(d);
      case GS:
        return this.gs(d);
      case FS:
        return this.fs(d);
      case DLE:
        return this.dle(d);
      default:
        this.note(d.subarray(0, 1), `control byte 0x${hex(b)}`);
        return 1;
    }
  }

  private esc(d: Uint8Array): number {
    if (d.length < 2) return 0;
    const c = d[1];
    const n = d.length > 2 ? d[2] : -1;
    const need3 = (): boolean => d.length >= 3;
    switch (c) {
      case 0x40: // ESC @
        this.initialize(d.subarray(0, 2));
        return 2;
      case 0x61: // ESC a n
        if (!need3()) return 0;
        this.align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
        return 3;
      case 0x45: // ESC E n
        if (!need3()) return 0;
        this.emphasized = (n & 1) === 1;
        this.updateStyle({});
        return 3;
      case 0x47: // ESC G n (double-strike: prints like bold)
        if (!need3()) return 0;
        this.doubleStrike = (n & 1) === 1;
        this.updateStyle({});
        return 3;
      case 0x21: {
        // ESC ! n
        if (!need3()) return 0;
        this.emphasized = (n & 0x08) !== 0;
        this.updateStyle({
          font: (n & 0x01) !== 0 ? 'B' : 'A',
          heightScale: (n & 0x10) !== 0 ? 2 : 1,
          widthScale: (n & 0x20) !== 0 ? 2 : 1,
          underline: (n & 0x80) !== 0 ? 1 : 0,
        });
        return 3;
      }
      case 0x2d: // ESC - n
        if (!need3()) return 0;
        this.updateStyle({ underline: n % 48 === 2 ? 2 : n % 48 === 1 ? 1 : 0 });
        return 3;
      case 0x74: // ESC t n: goes to the decoder with the text, in order
        if (!need3()) return 0;
        this.pushToLine(d.subarray(0, 3), false);
        return 3;
      case 0x32: // ESC 2
        this.lineSpacing = null;
        return 2;
      case 0x33: // ESC 3 n
        if (!need3()) return 0;
        this.lineSpacing = n;
        return 3;
      case 0x4a: // ESC J n: print and feed n dots
        if (!need3()) return 0;
        this.printLine(false);
        this.paper.push({ kind: 'feed', unit: 'dots', amount: n, command: 'ESC J' });
        return 3;
      case 0x64: // ESC d n: print and feed n lines
        if (!need3()) return 0;
        this.printLine(false);
        this.paper.push({ kind: 'feed', unit: 'lines', amount: n, command: 'ESC d' });
        return 3;
      case 0x65: // ESC e n: reverse feed
      case 0x4b: // ESC K n: reverse feed (dots)
        if (!need3()) return 0;
        this.note(d.subarray(0, 3), 'reverse feed not modelled');
        return 3;
      case 0x69: // ESC i
      case 0x6d: // ESC m
        this.cut(true, c === 0x69 ? 'ESC i' : 'ESC m');
        return 2;
      case 0x4d: // ESC M n
        if (!need3()) return 0;
        this.updateStyle({ font: n % 48 === 0 ? 'A' : 'B' });
        return 3;
      case 0x7b: // ESC { n
        if (!need3()) return 0;
        this.updateStyle({ upsideDown: (n & 1) === 1 });
        return 3;
      case 0x70: // ESC p m t1 t2
        if (d.length < 5) return 0;
        this.drawer++;
        return 5;
      case 0x42: // ESC B n t (buzzer, Xprinter & co)
        if (d.length < 4) return 0;
        return 4;
      case 0x56: // ESC V n: 90° rotation
      case 0x52: // ESC R n: international character set
      case 0x72: // ESC r n: colour
      case 0x20: // ESC SP n: character right spacing
      case 0x3d: // ESC = n: peripheral device
      case 0x25: // ESC % n: user-defined characters on/off
      case 0x3f: // ESC ? n: cancel user-defined character
      case 0x55: // ESC U n: unidirectional printing
      case 0x75: // ESC u n
      case 0x54: // ESC T n (page mode direction)
        if (!need3()) return 0;
        return 3;
      case 0x24: // ESC $ nL nH: absolute position
      case 0x5c: // ESC \ nL nH: relative position
        if (d.length < 4) return 0;
        return 4;
      case 0x63: // ESC c 3/4/5 n
        if (d.length < 4) return 0;
        return 4;
      case 0x76: // ESC v (paper sensor, old models): answered like GS r 1
        this.reply(Uint8Array.of(this.paperSensorByte()));
        return 2;
      case 0x44: {
        // ESC D n1 ... nk NUL: tab positions
        let i = 2;
        while (i < d.length && d[i] !== 0 && i < 2 + 32) i++;
        if (i >= d.length) return 0;
        this.tabStops = [...d.subarray(2, i)];
        return d[i] === 0 ? i + 1 : i;
      }
      case 0x2a: {
        // ESC * m nL nH d1..dk: column bit image
        if (d.length < 5) return 0;
        const m = d[2];
        const width = d[3] + d[4] * 256;
        const rows = m === 32 || m === 33 ? 3 : 1;
        const total = 5 + width * rows;
        if (d.length < total) return 0;
        if (m === 0 || m === 1 || m === 32 || m === 33) {
          this.columnImage(d.subarray(5, total), width, rows, m === 0 || m === 32 ? 2 : 1);
        } else {
          this.note(d.subarray(0, total), `ESC * with unknown mode ${m}`);
        }
        return total;
      }
      case 0x26: {
        // ESC & y c1 c2 [x d1..d(y*x)]...: define user-defined characters
        if (d.length < 5) return 0;
        const y = d[2];
        const count = Math.max(0, d[4] - d[3] + 1);
        let i = 5;
        for (let k = 0; k < count; k++) {
          if (i >= d.length) return 0;
          i += 1 + y * d[i];
        }
        if (i > d.length) return 0;
        return i;
      }
      case 0x28: {
        // ESC ( X pL pH ...
        if (d.length < 5) return 0;
        const total = 5 + d[3] + d[4] * 256;
        if (d.length < total) return 0;
        return total;
      }
      case 0x4c: // ESC L: page mode
        this.note(d.subarray(0, 2), 'page mode not modelled');
        return 2;
      case 0x53: // ESC S: standard mode
        return 2;
      case 0x57: // ESC W xL xH yL yH dxL dxH dyL dyH: page-mode area
        if (d.length < 10) return 0;
        return 10;
      default:
        this.note(d.subarray(0, 2), `unknown command ESC 0x${hex(c)}`);
        return 2;
    }
  }

  private gs(d: Uint8Array): number {
    if (d.length < 2) return 0;
    const c = d[1];
    const n = d.length > 2 ? d[2] : -1;
    const need3 = (): boolean => d.length >= 3;
    switch (c) {
      case 0x21: // GS ! n
        if (!need3()) return 0;
        this.updateStyle({ widthScale: ((n >> 4) & 0x07) + 1, heightScale: (n & 0x07) + 1 });
        return 3;
      case 0x42: // GS B n
        if (!need3()) return 0;
        this.updateStyle({ invert: (n & 1) === 1 });
        return 3;
      case 0x4c: // GS L nL nH
        if (d.length < 4) return 0;
        this.leftMargin = d[2] + d[3] * 256;
        return 4;
      case 0x57: // GS W nL nH
        if (d.length < 4) return 0;
        this.printAreaWidth = d[2] + d[3] * 256;
        return 4;
      case 0x48: // GS H n
        if (!need3()) return 0;
        this.hri = (['none', 'above', 'below', 'both'] as const)[n % 48 & 3];
        return 3;
      case 0x66: // GS f n
        if (!need3()) return 0;
        this.hriFont = n % 48 === 0 ? 'A' : 'B';
        return 3;
      case 0x68: // GS h n
        if (!need3()) return 0;
        this.barcodeHeight = n;
        return 3;
      case 0x77: // GS w n
        if (!need3()) return 0;
        this.moduleWidth = n;
        return 3;
      case 0x6b:
        return this.barcode(d);
      case 0x56: {
        // GS V m [n]
        if (!need3()) return 0;
        if (n === 0 || n === 48 || n === 1 || n === 49) {
          this.cut(n === 1 || n === 49, 'GS V');
          return 3;
        }
        if (n === 65 || n === 66 || n === 97 || n === 98 || n === 103 || n === 104) {
          if (d.length < 4) return 0;
          if (n === 65 || n === 66) {
            this.printLine(false);
            if (d[3] > 0) this.paper.push({ kind: 'feed', unit: 'dots', amount: d[3], command: 'GS V' });
          }
          this.cut(n % 2 === 0, 'GS V');
          return 4;
        }
        this.note(d.subarray(0, 3), `GS V with unknown mode ${n}`);
        return 3;
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d1..dk
        if (!need3()) return 0;
        if (n !== 0x30) {
          this.note(d.subarray(0, 3), `unknown command GS v 0x${hex(n)}`);
          return 3;
        }
        if (d.length < 8) return 0;
        const m = d[3] % 48;
        const bytesPerRow = d[4] + d[5] * 256;
        const height = d[6] + d[7] * 256;
        const total = 8 + bytesPerRow * height;
        if (d.length < total) return 0;
        this.printLine(false);
        this.pushImage({
          kind: 'image',
          width: bytesPerRow * 8,
          height,
          bytesPerRow,
          bits: d.slice(8, total),
          scaleX: m === 1 || m === 3 ? 2 : 1,
          scaleY: m === 2 || m === 3 ? 2 : 1,
          command: 'GS v 0',
          align: this.align,
        });
        return total;
      }
      case 0x28: {
        // GS ( X pL pH ...
        if (d.length < 5) return 0;
        const total = 5 + d[3] + d[4] * 256;
        if (d.length < total) return 0;
        const payload = d.subarray(5, total);
        if (n === 0x6b) this.symbol(payload, d.subarray(0, total));
        else if (n === 0x4c) this.graphicsCommand(payload, d.subarray(0, total));
        return total;
      }
      case 0x38: {
        // GS 8 L p1 p2 p3 p4 m fn ...
        if (!need3()) return 0;
        if (n !== 0x4c) {
          this.note(d.subarray(0, 3), `unknown command GS 8 0x${hex(n)}`);
          return 3;
        }
        if (d.length < 7) return 0;
        const length = d[3] + d[4] * 0x100 + d[5] * 0x10000 + d[6] * 0x1000000;
        const total = 7 + length;
        if (d.length < total) return 0;
        this.graphicsCommand(d.subarray(7, total), d.subarray(0, total));
        return total;
      }
      case 0x61: // GS a n: Automatic Status Back
        if (!need3()) return 0;
        this.asbMask = n;
        if (n !== 0) this.reply(asbStatus(this.faults));
        return 3;
      case 0x72: // GS r n: transmit status
        if (!need3()) return 0;
        if (n === 1 || n === 49) this.reply(Uint8Array.of(this.paperSensorByte()));
        else if (n === 2 || n === 50) this.reply(Uint8Array.of(0x00));
        return 3;
      case 0x49: // GS I n: printer ID
        if (!need3()) return 0;
        this.printerId(n);
        return 3;
      case 0x50: // GS P x y
      case 0x24: // GS $ nL nH
      case 0x5c: // GS \ nL nH
        if (d.length < 4) return 0;
        return 4;
      case 0x62: // GS b n: smoothing
      case 0x7c: // GS | n: density
      case 0x6a: // GS j n: ink ASB
      case 0x5a: // GS Z n: 2D symbol type (old clones)
      case 0x45: // GS E n: print speed/density on some
        if (!need3()) return 0;
        return 3;
      case 0x3a: // GS : macro definition start/end
        return 2;
      case 0x5e: // GS ^ r t m: execute macro
        if (d.length < 5) return 0;
        this.note(d.subarray(0, 5), 'macro execution not modelled');
        return 5;
      case 0x67: // GS g 0 m nL nH / GS g 2 m nL nH: maintenance counters
        if (d.length < 6) return 0;
        return 6;
      case 0x2a: {
        // GS * x y d1..d(x*y*8): define downloaded bit image
        if (d.length < 4) return 0;
        const total = 4 + d[2] * d[3] * 8;
        if (d.length < total) return 0;
        return total;
      }
      case 0x2f: // GS / m: print downloaded bit image
        if (!need3()) return 0;
        this.note(d.subarray(0, 3), 'downloaded bit image not modelled');
        return 3;
      default:
        this.note(d.subarray(0, 2), `unknown command GS 0x${hex(c)}`);
        return 2;
    }
  }

  private fs(d: Uint8Array): number {
    if (d.length < 2) return 0;
    const c = d[1];
    switch (c) {
      case 0x2e: // FS .
        this.setChinese(false);
        return 2;
      case 0x26: // FS &
        this.setChinese(true);
        return 2;
      case 0x21: // FS ! n
      case 0x2d: // FS - n
      case 0x43: // FS C n
      case 0x57: // FS W n
        if (d.length < 3) return 0;
        return 3;
      case 0x53: // FS S n1 n2
        if (d.length < 4) return 0;
        return 4;
      case 0x32: // FS 2 c1 c2 d1..d72
        if (d.length < 76) return 0;
        return 76;
      case 0x70: // FS p n m
        if (d.length < 4) return 0;
        this.note(d.subarray(0, 4), 'NV bit image not modelled');
        return 4;
      case 0x71: {
        // FS q n [xL xH yL yH d1..dk]1..n
        if (d.length < 3) return 0;
        let i = 3;
        for (let k = 0; k < d[2]; k++) {
          if (d.length < i + 4) return 0;
          i += 4 + (d[i] + d[i + 1] * 256) * (d[i + 2] + d[i + 3] * 256) * 8;
        }
        if (d.length < i) return 0;
        return i;
      }
      case 0x28: {
        if (d.length < 5) return 0;
        const total = 5 + d[3] + d[4] * 256;
        if (d.length < total) return 0;
        return total;
      }
      default:
        this.note(d.subarray(0, 2), `unknown command FS 0x${hex(c)}`);
        return 2;
    }
  }

  private dle(d: Uint8Array): number {
    if (d.length < 2) return 0;
    switch (d[1]) {
      case 0x04: // DLE EOT n (answered on reception by scanRealtime)
        if (d.length < 3) return 0;
        if (d[2] === 7 || d[2] === 8) return d.length < 4 ? 0 : 4;
        return 3;
      case 0x05: // DLE ENQ n
        return d.length < 3 ? 0 : 3;
      case 0x14: {
        // DLE DC4 fn ...
        if (d.length < 3) return 0;
        const fn = d[2];
        const total = fn === 3 ? 8 : fn === 7 ? 4 : fn === 8 ? 10 : 5;
        if (d.length < total) return 0;
        if (fn === 1) this.drawer++;
        return total;
      }
      default:
        this.note(d.subarray(0, 1), 'control byte 0x10');
        return 1;
    }
  }

  // ------------------------------------------------------------------------------------------
  // modes

  private resetModes(): void {
    this.decoder = new EscposTextDecoder(this.slots, this.options.initialTable ?? 0);
    this.style = DEFAULT_STYLE;
    this.emphasized = false;
    this.doubleStrike = false;
    this.align = 'left';
    this.leftMargin = 0;
    this.printAreaWidth = null;
    this.lineSpacing = null;
    this.chinese = this.options.chineseModeAtStart ?? false;
    this.tabStops = [];
    this.hri = 'none';
    this.hriFont = 'A';
    this.barcodeHeight = 162;
    this.moduleWidth = 3;
    this.symbols = new Map();
    this.graphics = null;
  }

  /** ESC @: the print buffer is cleared (unprinted text is lost) and modes reset. ASB stays. */
  private initialize(bytes: Uint8Array): void {
    if (this.line && this.line.columns > 0) {
      const lost = this.decodeSegments(this.line.segments).text;
      this.note(bytes, `ESC @ discarded unprinted text ${JSON.stringify(lost)}`);
    }
    this.line = null;
    this.resetModes();
  }

  private updateStyle(change: Partial<TextStyle>): void {
    const merged = { ...this.style, ...change };
    this.style = Object.freeze({
      ...merged,
      bold: this.emphasized || this.doubleStrike,
      doubleWidth: merged.widthScale >= 2,
      doubleHeight: merged.heightScale >= 2,
    });
  }

  private setChinese(on: boolean): void {
    this.chinese = on;
    this.paper.push({ kind: 'chinese-mode', on });
  }

  private paperSensorByte(): number {
    return (this.faults.paperNearEnd ? 0x03 : 0) | (this.faults.paperOut ? 0x0c : 0);
  }

  private printerId(n: number): void {
    const text = (s: string): Uint8Array => Uint8Array.from([0x5f, ...Buffer.from(s, 'latin1'), 0x00]);
    switch (n) {
      case 1:
      case 49:
        this.reply(Uint8Array.of(0x20));
        break;
      case 2:
      case 50:
        this.reply(Uint8Array.of(0x02)); // autocutter installed
        break;
      case 3:
      case 51:
        this.reply(Uint8Array.of(0x00));
        break;
      case 65:
        this.reply(text('1.00 EMU'));
        break;
      case 66:
        this.reply(text('BCCI'));
        break;
      case 67:
        this.reply(text('BCCI ESC/POS Emulator'));
        break;
      case 68:
        this.reply(text('EMU0000001'));
        break;
      default:
        break;
    }
  }

  // ------------------------------------------------------------------------------------------
  // text

  private currentLine(): PendingLine {
    if (!this.line) {
      this.line = {
        segments: [],
        columns: 0,
        align: this.align,
        leftMargin: this.leftMargin,
        printAreaWidth: this.printAreaWidth,
        lineSpacing: this.lineSpacing,
      };
    }
    return this.line;
  }

  private pushToLine(bytes: Uint8Array, printable: boolean, count = bytes.length): void {
    const line = this.currentLine();
    if (printable && line.columns === 0) {
      // ESC a, GS L, GS W take effect at the beginning of a line
      line.align = this.align;
      line.leftMargin = this.leftMargin;
      line.printAreaWidth = this.printAreaWidth;
      line.lineSpacing = this.lineSpacing;
    }
    let seg = line.segments[line.segments.length - 1];
    if (!seg || seg.style !== this.style || seg.chinese !== this.chinese) {
      seg = { bytes: [], style: this.style, chinese: this.chinese };
      line.segments.push(seg);
    }
    for (let i = 0; i < count; i++) seg.bytes.push(bytes[i]);
    if (printable) line.columns += count;
  }

  private addText(d: Uint8Array, count: number): void {
    this.pushToLine(d, true, count);
  }

  private tab(): void {
    const col = this.line?.columns ?? 0;
    // default stops every 8 characters; past the last ESC D stop, HT is ignored
    const next = this.tabStops.length > 0 ? this.tabStops.find((t) => t > col) : (Math.floor(col / 8) + 1) * 8;
    if (next === undefined) return;
    this.pushToLine(new Uint8Array(next - col).fill(0x20), true);
  }

  private decodeSegments(segments: PendingSegment[]): { text: string; parts: TextSegment[] } {
    const parts: TextSegment[] = [];
    for (const seg of segments) {
      const bytes = Uint8Array.from(seg.bytes);
      const text = seg.chinese ? this.decodeChineseMode(bytes) : this.decoder.decode(bytes);
      if (text.length > 0) parts.push({ text, style: seg.style });
    }
    const text = parts
      .map((p) => p.text)
      .join('')
      .normalize('NFC');
    return { text, parts };
  }

  /** FS & mode: high bytes pair up as GBK characters; ESC t still switches the table for later. */
  private decodeChineseMode(bytes: Uint8Array): string {
    let out = '';
    let run: number[] = [];
    const flush = (): void => {
      if (run.length > 0) out += decodeGbk(Uint8Array.from(run));
      run = [];
    };
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === ESC && bytes[i + 1] === 0x74 && i + 2 < bytes.length) {
        flush();
        this.decoder.decode(bytes.subarray(i, i + 3));
        i += 2;
        continue;
      }
      run.push(bytes[i]);
    }
    flush();
    return out;
  }

  /**
   * Prints the line buffer. `blank`: print an empty line when there is nothing (LF); otherwise
   * (ESC J, ESC d, before a barcode / image / cut) nothing is printed for an empty buffer.
   */
  private printLine(blank: boolean): void {
    const line = this.line;
    this.line = null;
    const hasText = line !== null && line.columns > 0;
    const { text, parts } = line ? this.decodeSegments(line.segments) : { text: '', parts: [] };
    if (!hasText && !blank) return;
    this.paper.push({
      kind: 'text',
      text,
      align: hasText && line ? line.align : this.align,
      style: parts[0]?.style ?? this.style,
      segments: parts,
      leftMargin: hasText && line ? line.leftMargin : this.leftMargin,
      printAreaWidth: hasText && line ? line.printAreaWidth : this.printAreaWidth,
      lineSpacing: this.lineSpacing,
      chineseMode: line?.segments.some((s) => s.chinese) ?? this.chinese,
    });
  }

  // ------------------------------------------------------------------------------------------
  // barcodes, symbols, images, cuts

  private barcode(d: Uint8Array): number {
    if (d.length < 3) return 0;
    const m = d[2];
    let data: Uint8Array;
    let total: number;
    let symbology: string | undefined;
    if (m <= 6) {
      const end = d.indexOf(0, 3);
      if (end < 0) {
        if (d.length - 3 > 255) {
          this.note(d.subarray(0, 3), 'GS k data without NUL terminator');
          return 3;
        }
        return 0;
      }
      data = d.subarray(3, end);
      total = end + 1;
      symbology = GS_K_FORM_A[m];
    } else if (m >= 65 && m <= 79) {
      if (d.length < 4) return 0;
      total = 4 + d[3];
      if (d.length < total) return 0;
      data = d.subarray(4, total);
      symbology = GS_K_FORM_B[m];
    } else {
      this.note(d.subarray(0, 3), `GS k with unknown barcode system ${m}`);
      return 3;
    }
    this.printLine(false);
    const text = m === 73 ? decodeCode128(data) : latin1(data);
    this.pushImage({
      kind: 'barcode',
      symbology: symbology ?? `GS k ${m}`,
      data: text,
      bytes: data.slice(),
      hri: this.hri,
      hriText: this.hri === 'none' ? '' : text,
      hriFont: this.hriFont,
      height: this.barcodeHeight,
      moduleWidth: this.moduleWidth,
      align: this.align,
      command: 'GS k',
    });
    return total;
  }

  private store(cn: number): SymbolStore {
    let s = this.symbols.get(cn);
    if (!s) {
      s = { bytes: null, model: 2, moduleSize: 3, errorCorrection: 'L' };
      this.symbols.set(cn, s);
    }
    return s;
  }

  /** GS ( k payload: cn fn [parameters]. */
  private symbol(p: Uint8Array, whole: Uint8Array): void {
    if (p.length < 2) {
      this.note(whole, 'GS ( k too short');
      return;
    }
    const [cn, fn] = p;
    const s = this.store(cn);
    if (cn === 49) {
      switch (fn) {
        case 65: // model
          s.model = p[2] === 49 ? 1 : p[2] === 51 ? 'micro' : 2;
          return;
        case 67: // module size
          s.moduleSize = p[2] ?? s.moduleSize;
          return;
        case 69: // error correction
          s.errorCorrection = (['L', 'M', 'Q', 'H'] as const)[(p[2] ?? 48) % 48 & 3];
          return;
        case 80: // store: m=48, data
          s.bytes = p.slice(3);
          return;
        case 81: // print
          this.printLine(false);
          if (!s.bytes) {
            this.note(whole, 'QR print with no data stored');
            return;
          }
          this.pushImage({
            kind: 'qr',
            data: utf8(s.bytes),
            bytes: s.bytes.slice(),
            model: s.model,
            moduleSize: s.moduleSize,
            errorCorrection: s.errorCorrection,
            align: this.align,
          });
          return;
        default:
          return; // 82: transmit size information (not answered)
      }
    }
    const name = SYMBOL_2D[cn];
    if (name === undefined) {
      this.note(whole, `GS ( k with unknown symbol ${cn}`);
      return;
    }
    if (fn === 67) {
      s.moduleSize = p[2] ?? s.moduleSize; // module width / size
    } else if (fn === 80) {
      s.bytes = p.slice(3);
    } else if (fn === 81) {
      this.printLine(false);
      if (!s.bytes) {
        this.note(whole, `${name} print with no data stored`);
        return;
      }
      const text = utf8(s.bytes);
      this.pushImage({
        kind: 'barcode',
        symbology: name,
        data: text,
        bytes: s.bytes.slice(),
        hri: 'none',
        hriText: '',
        hriFont: 'A',
        height: 0,
        moduleWidth: s.moduleSize,
        align: this.align,
        command: 'GS ( k',
      });
    }
  }

  /** GS ( L / GS 8 L payload: m fn ... (fn 112 store raster in the print buffer, fn 50 print it). */
  private graphicsCommand(p: Uint8Array, whole: Uint8Array): void {
    if (p.length < 2) {
      this.note(whole, 'graphics command too short');
      return;
    }
    const fn = p[1];
    if (fn === 112 || fn === 0x70) {
      // m fn a bx by c xL xH yL yH d1..dk
      if (p.length < 10) {
        this.note(whole, 'GS ( L fn 112 too short');
        return;
      }
      const width = p[6] + p[7] * 256;
      const height = p[8] + p[9] * 256;
      const bytesPerRow = Math.ceil(width / 8);
      const bits = new Uint8Array(bytesPerRow * height);
      bits.set(p.subarray(10, 10 + bits.length));
      this.graphics = {
        kind: 'image',
        width,
        height,
        bytesPerRow,
        bits,
        scaleX: p[3] === 2 ? 2 : 1,
        scaleY: p[4] === 2 ? 2 : 1,
        command: 'GS ( L',
        align: this.align,
      };
    } else if (fn === 50 || fn === 2) {
      if (this.graphics) {
        this.printLine(false);
        this.pushImage({ ...this.graphics, align: this.align });
        this.graphics = null;
      }
    } else if (fn === 69 || fn === 85) {
      this.note(whole, `graphics function ${fn} (NV / download graphics) not modelled`);
    }
  }

  /** ESC * stripes: columns of 8 (or 24) dots, MSB on top; converted to rows. */
  private columnImage(data: Uint8Array, width: number, bytesPerColumn: number, scaleX: 1 | 2): void {
    this.printLine(false);
    const height = bytesPerColumn * 8;
    const bytesPerRow = Math.ceil(width / 8);
    const bits = new Uint8Array(bytesPerRow * height);
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < bytesPerColumn; k++) {
        const byte = data[x * bytesPerColumn + k];
        for (let bit = 0; bit < 8; bit++) {
          if ((byte >> (7 - bit)) & 1) {
            const y = k * 8 + bit;
            bits[y * bytesPerRow + (x >> 3)] |= 0x80 >> (x & 7);
          }
        }
      }
    }
    this.pushImage({ kind: 'image', width, height, bytesPerRow, bits, scaleX, scaleY: 1, command: 'ESC *', align: this.align });
  }

  private pushImage(item: PrintedImage | PrintedBarcode | PrintedQrCode): void {
    this.paper.push(item);
  }

  private cut(partial: boolean, command: string): void {
    this.printLine(false);
    const cut: PaperCut = { kind: 'cut', partial, command };
    this.paper.push(cut);
    const receipt = makeReceipt(this.closed.length, this.paper.slice(this.receiptStart), cut);
    this.closed.push(receipt);
    this.receiptStart = this.paper.length;
    this.receiptListeners.emit(receipt);
  }
}

function makeReceipt(index: number, items: PaperItem[], cut: PaperCut | null): PrintedReceipt {
  const textLines = items.filter((i): i is PrintedLine => i.kind === 'text');
  const lines = textLines.map((l) => l.text);
  return {
    index,
    items,
    lines,
    textLines,
    barcodes: items.filter((i): i is PrintedBarcode => i.kind === 'barcode'),
    qrCodes: items.filter((i): i is PrintedQrCode => i.kind === 'qr'),
    images: items.filter((i): i is PrintedImage => i.kind === 'image'),
    cut: cut !== null,
    partialCut: cut?.partial ?? false,
    text: () => lines.join('\n'),
  };
}
