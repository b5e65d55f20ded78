/**
 * A streaming ZPL / TSPL label printer: bytes in (any chunking), printed labels out.
 *
 * ZPL: ^XA … ^XZ formats with ^FO/^FT positions, ^A / ^CF fonts, ^FD…^FS fields (^FH hex escapes,
 * ^CI28 UTF-8), ^BC Code 128 and the other common 1D symbols, ^BQ QR ("QA," / "MA," / "MM,B0012…"
 * data prefixes understood), ^BX Data Matrix, ^B7 PDF417, ^GB boxes, ^GFA graphics (ASCII hex with
 * Zebra's run-length compression, :Z64: and :B64:), ^GFB (binary), ^PQ copies, ^LH label home.
 * TSPL: SIZE, GAP, CLS, TEXT, BLOCK, BARCODE, QRCODE, DMATRIX, PDF417, BITMAP (binary data), BOX,
 * BAR, CODEPAGE, PRINT m[,n]; the image buffer survives PRINT until CLS, as on the printer.
 *
 * Bitmaps are stored normalised: 1 = black dot (TSPL sends 0 for black; it is inverted here).
 *
 * Status: TSPL `ESC ! ?` (one status byte) and ZPL `~HS` (three STX…ETX strings) are answered when
 * received, even while the printer is faulted. While the paper is out or the head is open, data is
 * held and printed when the fault clears. A mute printer answers nothing.
 */
import zlib from 'node:zlib';
import { ByteQueue } from './byteQueue';
import { Listeners } from '../listeners';

export type LabelLanguage = 'zpl' | 'tspl';

export interface LabelText {
  x: number;
  y: number;
  text: string;
  /** ZPL font name ('0', 'A', 'E:ARIAL.TTF', …) or TSPL font ("1"-"8", "0", "ROMAN.TTF", …) */
  font: string;
  /** ZPL: character height / width in dots; TSPL: x / y multiplication */
  height?: number;
  width?: number;
  rotation?: string;
}

export interface LabelBarcode {
  x: number;
  y: number;
  /** 'CODE128', 'CODE39', 'EAN13', 'EAN8', 'UPC-A', 'DATAMATRIX', 'PDF417', … (or the TSPL type as sent) */
  symbology: string;
  data: string;
  height?: number;
  humanReadable?: boolean;
  /** narrow bar / module width in dots (ZPL ^BY, TSPL narrow), when the command gives it */
  moduleWidth?: number;
}

export interface LabelQrCode {
  x: number;
  y: number;
  data: string;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
  /** ZPL magnification / TSPL cell width */
  magnification?: number;
}

export interface LabelBitmap {
  x: number;
  y: number;
  /** dots */
  width: number;
  height: number;
  bytesPerRow: number;
  /** row-major, MSB first, 1 = black */
  bits: Uint8Array;
}

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  thickness: number;
}

export interface PrintedLabel {
  index: number;
  language: LabelLanguage;
  texts: LabelText[];
  barcodes: LabelBarcode[];
  qrCodes: LabelQrCode[];
  bitmaps: LabelBitmap[];
  boxes: LabelBox[];
  copies: number;
  /** TSPL SIZE (mm; inches converted) */
  sizeMm?: { width: number; height: number };
  /** ZPL ^PW / ^LL (dots) */
  widthDots?: number;
  lengthDots?: number;
}

export interface LabelUnknown {
  offset: number;
  text: string;
  reason: string;
}

export interface LabelEmulatorOptions {
  /** 'auto' (default): a command starting with ^ or ~ is ZPL, anything else TSPL. */
  language?: LabelLanguage | 'auto';
  onReply?: (bytes: Uint8Array) => void;
  mute?: boolean;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function utf8FromLatin1(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

function int(s: string | undefined, fallback = 0): number {
  const n = Number.parseInt((s ?? '').trim(), 10);
  return Number.isFinite(n) ? n : fallback;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0d || b === 0x0a || b === 0x09 || b === 0x00;
}

function emptyLabel(index: number, language: LabelLanguage): PrintedLabel {
  return { index, language, texts: [], barcodes: [], qrCodes: [], bitmaps: [], boxes: [], copies: 1 };
}

function cloneLabel(l: PrintedLabel, index: number, copies: number): PrintedLabel {
  return {
    ...l,
    index,
    copies,
    texts: l.texts.map((t) => ({ ...t })),
    barcodes: l.barcodes.map((b) => ({ ...b })),
    qrCodes: l.qrCodes.map((q) => ({ ...q })),
    bitmaps: l.bitmaps.map((b) => ({ ...b })),
    boxes: l.boxes.map((b) => ({ ...b })),
    sizeMm: l.sizeMm ? { ...l.sizeMm } : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// ZPL graphics

const HEX = '0123456789ABCDEF';

/** ^GFA data: hex digits with Zebra compression (G-Y, g-z repeat counts, ',' '!' ':'). */
export function decodeZplHex(data: string, totalBytes: number, bytesPerRow: number): Uint8Array {
  const out = new Uint8Array(totalBytes);
  if (bytesPerRow <= 0) return out;
  const rowNibbles = bytesPerRow * 2;
  const rows = Math.ceil(totalBytes / bytesPerRow);
  let row: number[] = [];
  let prev: number[] = new Array<number>(rowNibbles).fill(0);
  let r = 0;
  const emit = (): void => {
    while (row.length < rowNibbles) row.push(0);
    for (let i = 0; i < bytesPerRow && r * bytesPerRow + i < totalBytes; i++) {
      out[r * bytesPerRow + i] = (row[2 * i] << 4) | row[2 * i + 1];
    }
    prev = row;
    row = [];
    r++;
  };
  let count = 0;
  for (let i = 0; i < data.length && r < rows; i++) {
    const ch = data[i];
    const code = ch.charCodeAt(0);
    if (code >= 0x47 && code <= 0x59) {
      count += code - 0x46; // G=1 … Y=19
      continue;
    }
    if (code >= 0x67 && code <= 0x7a) {
      count += (code - 0x66) * 20; // g=20 … z=400
      continue;
    }
    const nibble = HEX.indexOf(ch.toUpperCase());
    if (nibble >= 0) {
      const n = Math.max(1, count);
      count = 0;
      for (let k = 0; k < n; k++) {
        row.push(nibble);
        if (row.length === rowNibbles) emit();
        if (r >= rows) break;
      }
    } else if (ch === ',') {
      count = 0;
      emit(); // rest of the row: zeros
    } else if (ch === '!') {
      count = 0;
      while (row.length < rowNibbles) row.push(15);
      emit();
    } else if (ch === ':') {
      const n = Math.max(1, count);
      count = 0;
      for (let k = 0; k < n && r < rows; k++) {
        row = [...prev];
        emit();
      }
    }
    // anything else (CR, LF, spaces) is ignored
  }
  if (row.length > 0 && r < rows) emit();
  return out;
}

/** ^GF data in any of the ASCII forms: plain / compressed hex, :Z64: or :B64: (base64, optionally deflated). */
export function decodeZplGraphic(data: string, totalBytes: number, bytesPerRow: number): Uint8Array {
  const m = /^:(Z64|B64):([A-Za-z0-9+/=\s]*)(?::[0-9A-Fa-f]{4})?/.exec(data.trim());
  if (m) {
    let bytes: Uint8Array = Buffer.from(m[2].replace(/\s+/g, ''), 'base64');
    if (m[1] === 'Z64') bytes = zlib.inflateSync(bytes);
    const out = new Uint8Array(totalBytes);
    out.set(bytes.subarray(0, totalBytes));
    return out;
  }
  return decodeZplHex(data, totalBytes, bytesPerRow);
}

// ---------------------------------------------------------------------------------------------

/** Commands complete without parameters (processed as soon as their 3 characters arrive). */
const ZPL_NO_PARAMS = new Set(['XA', 'XZ', 'FS', 'HS', 'HI', 'HM', 'HH', 'JA', 'JR', 'JB', 'XB', 'FR']);
/** Known ZPL commands that change nothing the emulator shows. */
const ZPL_IGNORED = new Set([
  'MM', 'MN', 'MT', 'MD', 'MU', 'PR', 'PO', 'PM', 'PF', 'LS', 'LT', 'LR', 'JM', 'JU', 'JZ', 'FB', 'FW', 'SZ', 'CC', 'CT',
  'CD', 'FX', 'PA', 'SD', 'JS', 'TA', 'ID', 'IM', 'MF', 'KD', 'SS', 'SC', 'JJ', 'NC', 'FN', 'FC', 'DF', 'XF', 'BY',
]);
const ZPL_1D: Readonly<Record<string, string>> = {
  BC: 'CODE128', B3: 'CODE39', BE: 'EAN13', B8: 'EAN8', BU: 'UPC-A', B9: 'UPC-E', B2: 'ITF', BA: 'CODE93',
  BK: 'CODABAR', BX: 'DATAMATRIX', B7: 'PDF417', BO: 'AZTEC',
};
const TSPL_SYMBOLOGY: Readonly<Record<string, string>> = {
  '128': 'CODE128', '128M': 'CODE128', EAN128: 'GS1-128', '39': 'CODE39', '39S': 'CODE39', '93': 'CODE93',
  EAN13: 'EAN13', EAN8: 'EAN8', UPCA: 'UPC-A', UPCE: 'UPC-E', '25': 'ITF', '25C': 'ITF', CODA: 'CODABAR',
};

interface ZplField {
  x: number;
  y: number;
  font: string;
  height?: number;
  width?: number;
  rotation?: string;
  kind: 'text' | 'barcode' | 'qr';
  symbology?: string;
  barcodeHeight?: number;
  humanReadable?: boolean;
  qrMagnification?: number;
  hex: string | null;
  data: string | null;
}

/** TSPL parameters: commas outside double quotes; quoted values unquoted (\["] is a quote). */
function tsplParams(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (s.startsWith('\\["]', i)) {
        cur += '"';
        i += 3;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cur += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      out.push(wasQuoted ? cur : cur.trim());
      cur = '';
      wasQuoted = false;
    } else if (!wasQuoted) {
      cur += ch;
    }
  }
  out.push(wasQuoted ? cur : cur.trim());
  return out;
}

export class LabelEmulator {
  readonly unknown: LabelUnknown[] = [];
  private readonly printed: PrintedLabel[] = [];
  private readonly queue = new ByteQueue();
  private offset = 0;
  private processing = false;
  private readonly replyListeners = new Listeners<[Uint8Array]>();
  private readonly labelListeners = new Listeners<[PrintedLabel]>();
  private mute: boolean;
  private paperOut = false;
  private headOpen = false;
  private rtTail = ''; // last bytes seen, for real-time sequences split across chunks

  // ZPL state
  private zLabel: PrintedLabel | null = null;
  private zDefaultFont = { font: '0', height: 9, width: 5 };
  private zField: ZplField = this.newField();
  private zHome = { x: 0, y: 0 };
  private zUtf8 = false;
  private zModuleWidth = 2;
  private zBarHeight = 10;
  private zHexIndicator: string | null = null;

  // TSPL state
  private tLabel: PrintedLabel = emptyLabel(0, 'tspl');
  private tUtf8 = false;

  constructor(private readonly options: LabelEmulatorOptions = {}) {
    this.mute = options.mute ?? false;
    if (options.onReply) this.replyListeners.add(options.onReply);
  }

  get language(): LabelLanguage | 'auto' {
    return this.options.language ?? 'auto';
  }

  feed(bytes: Uint8Array): void {
    this.scanRealtime(bytes);
    this.queue.push(bytes);
    this.process();
  }

  labels(): PrintedLabel[] {
    return [...this.printed];
  }

  onReply(listener: (bytes: Uint8Array) => void): () => void {
    return this.replyListeners.add(listener);
  }

  onLabel(listener: (label: PrintedLabel) => void): () => void {
    return this.labelListeners.add(listener);
  }

  setPaperOut(on: boolean): void {
    this.paperOut = on;
    this.process();
  }

  /** Print head open (ZPL "head up", TSPL bit 0). */
  setHeadOpen(on: boolean): void {
    this.headOpen = on;
    this.process();
  }

  /** Same as setHeadOpen: the label printer's cover is its head. */
  setCoverOpen(on: boolean): void {
    this.setHeadOpen(on);
  }

  setMute(on: boolean): void {
    this.mute = on;
  }

  isFaulted(): boolean {
    return this.paperOut || this.headOpen;
  }

  get pendingBytes(): number {
    return this.queue.length;
  }

  clearLabels(): void {
    this.printed.length = 0;
    this.unknown.length = 0;
  }

  discardPending(): number {
    const n = this.queue.length;
    this.offset += n;
    this.queue.clear();
    return n;
  }

  // ------------------------------------------------------------------------------------------

  private reply(bytes: Uint8Array): void {
    if (this.mute) return;
    this.replyListeners.emit(bytes.slice());
  }

  /** TSPL status byte: bit 0 head open, bit 2 paper out. */
  tsplStatus(): number {
    return (this.headOpen ? 0x01 : 0) | (this.paperOut ? 0x04 : 0);
  }

  /** ZPL ~HS: three STX … ETX CR LF strings. */
  zplHostStatus(): Uint8Array {
    const pending = this.zLabel ? 1 : 0;
    const s1 = `030,${this.paperOut ? 1 : 0},${this.isFaulted() ? 1 : 0},0812,${String(pending).padStart(3, '0')},0,0,${pending},000,0,0,0`;
    const s2 = `001,0,${this.headOpen ? 1 : 0},0,0,2,6,0,00000000,1,000`;
    const s3 = '1234,0';
    const frame = (s: string): string => `\x02${s}\x03\r\n`;
    return Buffer.from(frame(s1) + frame(s2) + frame(s3), 'latin1');
  }

  private scanRealtime(bytes: Uint8Array): void {
    const tail = this.rtTail;
    const text = tail + latin1(bytes);
    const lang = this.options.language ?? 'auto';
    for (let i = 0; i + 3 <= text.length; i++) {
      if (i + 3 <= tail.length) continue; // seen in the previous chunk already
      const seq = text.slice(i, i + 3);
      if (seq === '\x1b!?' && lang !== 'zpl') this.reply(Uint8Array.of(this.tsplStatus()));
      else if (seq.toUpperCase() === '~HS' && lang !== 'tspl') this.reply(this.zplHostStatus());
    }
    this.rtTail = text.slice(-2);
  }

  private process(): void {
    if (this.processing) return;
    this.processing = true;
    try {
      while (!this.isFaulted() && this.queue.length > 0) {
        const d = this.queue.view();
        const n = this.step(d);
        if (n === 0) break;
        this.queue.consume(n);
        this.offset += n;
      }
    } finally {
      this.processing = false;
    }
  }

  private note(text: string, reason: string): void {
    this.unknown.push({ offset: this.offset, text, reason });
  }

  private step(d: Uint8Array): number {
    const lang = this.options.language ?? 'auto';
    if (lang === 'zpl') return this.zplStep(d);
    if (lang === 'tspl') return this.tsplStep(d);
    if (this.zLabel) return this.zplStep(d); // inside ^XA … ^XZ
    let i = 0;
    while (i < d.length && isSpace(d[i])) i++;
    if (i > 0) return i;
    return d[0] === 0x5e || d[0] === 0x7e ? this.zplStep(d) : this.tsplStep(d);
  }

  private emit(label: PrintedLabel): void {
    this.printed.push(label);
    this.labelListeners.emit(label);
  }

  // ------------------------------------------------------------------------------------------
  // ZPL

  private newField(): ZplField {
    return {
      x: 0,
      y: 0,
      font: this.zDefaultFont.font,
      height: this.zDefaultFont.height,
      width: this.zDefaultFont.width,
      kind: 'text',
      hex: null,
      data: null,
    };
  }

  private zplStep(d: Uint8Array): number {
    let i = 0;
    while (i < d.length && d[i] !== 0x5e && d[i] !== 0x7e) i++;
    if (i > 0) {
      const junk = latin1(d.subarray(0, i));
      if (junk.trim().length > 0) this.note(junk, 'text outside a ZPL command');
      return i;
    }
    if (d.length < 3) return 0;
    const prefix = String.fromCharCode(d[0]);
    let code = latin1(d.subarray(1, 3)).toUpperCase();
    let start = 3;
    if (code[0] === 'A' && prefix === '^') {
      code = 'A';
      start = 2;
    }
    if (ZPL_NO_PARAMS.has(code)) {
      this.zplCommand(prefix, code, '');
      return 3;
    }
    if (code === 'GF') return this.zplGraphicField(d);
    const fieldData = code === 'FD' || code === 'FV' || code === 'FX';
    let j = start;
    while (j < d.length && d[j] !== 0x5e && (fieldData || d[j] !== 0x7e)) j++;
    if (j >= d.length) return 0; // the command ends where the next one starts
    this.zplCommand(prefix, code, latin1(d.subarray(start, j)));
    return j;
  }

  /** ^GFa,b,c,d,data — binary (B) data is exactly b bytes; ASCII forms end at the next ^. */
  private zplGraphicField(d: Uint8Array): number {
    let commas = 0;
    let j = 3;
    while (j < d.length && commas < 4) {
      if (d[j] === 0x2c) commas++;
      j++;
    }
    if (commas < 4) return 0;
    const [format, bStr, cStr, dStr] = latin1(d.subarray(3, j - 1)).split(',');
    const binaryBytes = int(bStr);
    const total = int(cStr, binaryBytes);
    const perRow = int(dStr, 1);
    let end: number;
    let bits: Uint8Array;
    if (format.trim().toUpperCase() === 'B') {
      end = j + binaryBytes;
      if (d.length < end) return 0;
      bits = new Uint8Array(total);
      bits.set(d.subarray(j, j + Math.min(binaryBytes, total)));
    } else {
      end = j;
      while (end < d.length && d[end] !== 0x5e && d[end] !== 0x7e) end++;
      if (end >= d.length) return 0;
      try {
        bits = decodeZplGraphic(latin1(d.subarray(j, end)), total, perRow);
      } catch (e) {
        this.note(latin1(d.subarray(0, Math.min(end, 40))), `^GF data not readable: ${(e as Error).message}`);
        return end;
      }
    }
    if (!this.zLabel) {
      this.note('^GF', '^GF outside ^XA … ^XZ');
      return end;
    }
    this.zLabel.bitmaps.push({
      x: this.zField.x,
      y: this.zField.y,
      width: perRow * 8,
      height: perRow > 0 ? Math.floor(total / perRow) : 0,
      bytesPerRow: perRow,
      bits,
    });
    return end;
  }

  private zplCommand(prefix: string, code: string, params: string): void {
    const p = params.split(',');
    if (prefix === '~') {
      if (code === 'HS') return; // answered on reception
      if (code === 'JA') {
        this.zLabel = null; // cancel all
        return;
      }
      if (!['HI', 'HM', 'HH', 'JR', 'JB', 'SD', 'TA', 'JS', 'WC'].includes(code)) this.note(`~${code}${params}`, `unknown ZPL command ~${code}`);
      return;
    }
    if (code === 'XA') {
      this.zLabel = emptyLabel(this.printed.length, 'zpl');
      this.zField = this.newField();
      return;
    }
    const label = this.zLabel;
    if (!label) {
      if (code === 'CI') this.zUtf8 = int(p[0]) === 28;
      else this.note(`^${code}${params}`, `^${code} outside ^XA … ^XZ`);
      return;
    }
    const f = this.zField;
    switch (code) {
      case 'XZ': {
        this.zLabel = null;
        this.emit({ ...label, index: this.printed.length });
        return;
      }
      case 'FO':
      case 'FT':
        f.x = int(p[0]) + this.zHome.x;
        f.y = int(p[1]) + this.zHome.y;
        return;
      case 'LH':
        this.zHome = { x: int(p[0]), y: int(p[1]) };
        return;
      case 'A': {
        // ^Afo,h,w  or  ^A@o,h,w,d:name.ext
        const head = p[0] ?? '';
        f.font = head[0] ?? '0';
        f.rotation = head[1] ?? 'N';
        f.height = p[1] !== undefined ? int(p[1]) : undefined;
        f.width = p[2] !== undefined ? int(p[2]) : f.height;
        if (f.font === '@' && p[3]) f.font = p[3].trim();
        return;
      }
      case 'CF':
        this.zDefaultFont = { font: p[0]?.trim() || '0', height: int(p[1], 9), width: int(p[2], int(p[1], 5)) };
        f.font = this.zDefaultFont.font;
        f.height = this.zDefaultFont.height;
        f.width = this.zDefaultFont.width;
        return;
      case 'CI':
        this.zUtf8 = int(p[0]) === 28;
        return;
      case 'FH':
        this.zHexIndicator = params.length > 0 ? params[0] : '_';
        return;
      case 'FD':
      case 'FV':
        f.data = params;
        f.hex = this.zHexIndicator;
        return;
      case 'BY':
        this.zModuleWidth = int(p[0], this.zModuleWidth);
        if (p[2] !== undefined) this.zBarHeight = int(p[2], this.zBarHeight);
        return;
      case 'BQ':
        f.kind = 'qr';
        f.qrMagnification = int(p[2], 2);
        return;
      case 'GB':
        label.boxes.push({ x: f.x, y: f.y, width: int(p[0], 1), height: int(p[1], 1), thickness: int(p[2], 1) });
        return;
      case 'FS':
        this.zplField(label);
        this.zField = this.newField();
        return;
      case 'PQ':
        label.copies = Math.max(1, int(p[0], 1));
        return;
      case 'PW':
        label.widthDots = int(p[0]);
        return;
      case 'LL':
        label.lengthDots = int(p[0]);
        return;
      case 'XG':
      case 'IL':
        this.note(`^${code}${params}`, `stored graphics (^${code}) not modelled`);
        return;
      default:
        if (ZPL_1D[code]) {
          f.kind = 'barcode';
          f.symbology = ZPL_1D[code];
          f.barcodeHeight = int(p[1], this.zBarHeight);
          f.humanReadable = code === 'BC' || code === 'B3' || code === 'BE' || code === 'B8' || code === 'BU' ? (p[2] ?? 'Y').trim().toUpperCase() !== 'N' : false;
          return;
        }
        if (!ZPL_IGNORED.has(code)) this.note(`^${code}${params}`, `unknown ZPL command ^${code}`);
    }
  }

  private zplText(raw: string, hex: string | null): string {
    let s = raw;
    if (hex) {
      const esc = hex.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      s = s.replace(new RegExp(`${esc}([0-9A-Fa-f]{2})`, 'g'), (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    }
    return this.zUtf8 ? utf8FromLatin1(s) : s;
  }

  private zplField(label: PrintedLabel): void {
    const f = this.zField;
    if (f.data === null) return; // ^GB … ^FS, ^GF … ^FS
    const data = this.zplText(f.data, f.hex);
    this.zHexIndicator = null;
    if (f.kind === 'qr') {
      label.qrCodes.push({ x: f.x, y: f.y, magnification: f.qrMagnification, ...parseZplQrData(data) });
    } else if (f.kind === 'barcode') {
      label.barcodes.push({
        x: f.x,
        y: f.y,
        symbology: f.symbology ?? 'UNKNOWN',
        data: f.symbology === 'CODE128' ? stripZplCode128(data) : data,
        height: f.barcodeHeight,
        humanReadable: f.humanReadable,
        moduleWidth: this.zModuleWidth,
      });
    } else {
      label.texts.push({ x: f.x, y: f.y, text: data, font: f.font, height: f.height, width: f.width, rotation: f.rotation });
    }
  }

  // ------------------------------------------------------------------------------------------
  // TSPL

  private tsplStep(d: Uint8Array): number {
    let i = 0;
    while (i < d.length && isSpace(d[i])) i++;
    if (i > 0) return i;
    if (d[0] === 0x1b) {
      if (d.length < 3) return 0;
      if (d[1] === 0x21) return 3; // ESC ! x: real-time commands (? answered on reception)
      this.note(latin1(d.subarray(0, 1)), 'stray ESC');
      return 1;
    }
    const head = latin1(d.subarray(0, Math.min(d.length, 8))).toUpperCase();
    if (head.startsWith('BITMAP') || (d.length < 6 && 'BITMAP'.startsWith(head))) {
      if (d.length < 7) return 0;
      return this.tsplBitmap(d);
    }
    const lf = d.indexOf(0x0a);
    if (lf < 0) return 0;
    const line = latin1(d.subarray(0, lf)).replace(/\r$/, '').trim();
    if (line.length > 0) this.tsplLine(line);
    return lf + 1;
  }

  /** BITMAP x,y,widthBytes,height,mode,<widthBytes*height bytes> */
  private tsplBitmap(d: Uint8Array): number {
    let commas = 0;
    let j = 6;
    while (j < d.length && commas < 5) {
      if (d[j] === 0x2c) commas++;
      j++;
      if (j > 64) break;
    }
    if (commas < 5) {
      if (j > 64) {
        this.note(latin1(d.subarray(0, 16)), 'BITMAP header not understood');
        return 6;
      }
      return 0;
    }
    const [x, y, w, h] = latin1(d.subarray(6, j - 1)).split(',').map((s) => int(s));
    const size = w * h;
    if (d.length < j + size) return 0;
    const bits = d.slice(j, j + size).map((b) => ~b & 0xff); // TSPL: 0 = black
    this.tLabel.bitmaps.push({ x, y, width: w * 8, height: h, bytesPerRow: w, bits });
    return j + size;
  }

  private tsplText(s: string): string {
    return this.tUtf8 ? utf8FromLatin1(s) : s;
  }

  private tsplLine(line: string): void {
    const m = /^([A-Za-z]+)\s*(.*)$/s.exec(line);
    if (!m) {
      this.note(line, 'TSPL line not understood');
      return;
    }
    const cmd = m[1].toUpperCase();
    const p = tsplParams(m[2]);
    const label = this.tLabel;
    switch (cmd) {
      case 'SIZE': {
        const nums = m[2].split(',').map((s) => ({ v: Number.parseFloat(s), mm: /mm/i.test(s) }));
        if (nums.length >= 2) {
          const mm = (n: { v: number; mm: boolean }): number => (n.mm ? n.v : n.v * 25.4);
          label.sizeMm = { width: mm(nums[0]), height: mm(nums[1]) };
        }
        return;
      }
      case 'CLS':
        this.tLabel = { ...emptyLabel(0, 'tspl'), sizeMm: label.sizeMm };
        return;
      case 'CODEPAGE':
        this.tUtf8 = /UTF-?8/i.test(m[2]);
        return;
      case 'TEXT':
        // TEXT x,y,"font",rotation,x-mul,y-mul,[alignment,]"content"
        label.texts.push({
          x: int(p[0]),
          y: int(p[1]),
          font: p[2] ?? '',
          rotation: p[3],
          width: int(p[4], 1),
          height: int(p[5], 1),
          text: this.tsplText(p[p.length - 1] ?? ''),
        });
        return;
      case 'BLOCK':
        label.texts.push({
          x: int(p[0]),
          y: int(p[1]),
          font: p[4] ?? '',
          rotation: p[5],
          width: int(p[6], 1),
          height: int(p[7], 1),
          text: this.tsplText(p[p.length - 1] ?? ''),
        });
        return;
      case 'BARCODE': {
        // BARCODE x,y,"type",height,human readable,rotation,narrow,wide,[alignment,]"content"
        const type = (p[2] ?? '').toUpperCase();
        label.barcodes.push({
          x: int(p[0]),
          y: int(p[1]),
          symbology: TSPL_SYMBOLOGY[type] ?? type,
          data: this.tsplText(p[p.length - 1] ?? ''),
          height: int(p[3]),
          humanReadable: int(p[4]) !== 0,
          moduleWidth: Math.max(1, int(p[6], 2)),
        });
        return;
      }
      case 'QRCODE': {
        // QRCODE x,y,ECC level,cell width,mode,rotation,[model,mask,]"content"
        const ecc = (p[2] ?? 'M').trim().toUpperCase();
        label.qrCodes.push({
          x: int(p[0]),
          y: int(p[1]),
          errorCorrection: (['L', 'M', 'Q', 'H'].includes(ecc) ? ecc : 'M') as LabelQrCode['errorCorrection'],
          magnification: int(p[3], 1),
          data: this.tsplText(p[p.length - 1] ?? ''),
        });
        return;
      }
      case 'DMATRIX':
      case 'PDF417':
        label.barcodes.push({
          x: int(p[0]),
          y: int(p[1]),
          symbology: cmd === 'DMATRIX' ? 'DATAMATRIX' : 'PDF417',
          data: this.tsplText(p[p.length - 1] ?? ''),
        });
        return;
      case 'BOX':
        label.boxes.push({ x: int(p[0]), y: int(p[1]), width: int(p[2]) - int(p[0]), height: int(p[3]) - int(p[1]), thickness: int(p[4], 1) });
        return;
      case 'BAR':
        label.boxes.push({ x: int(p[0]), y: int(p[1]), width: int(p[2]), height: int(p[3]), thickness: Math.min(int(p[2]), int(p[3])) });
        return;
      case 'PRINT': {
        const sets = Math.max(1, int(p[0], 1));
        const copies = p[1] !== undefined && p[1] !== '' ? Math.max(1, int(p[1], 1)) : 1;
        this.emit(cloneLabel(label, this.printed.length, sets * copies));
        return;
      }
      case 'GAP':
      case 'GAPDETECT':
      case 'BLINE':
      case 'OFFSET':
      case 'SPEED':
      case 'DENSITY':
      case 'DIRECTION':
      case 'REFERENCE':
      case 'SHIFT':
      case 'SET':
      case 'HOME':
      case 'FORMFEED':
      case 'FEED':
      case 'BACKFEED':
      case 'CUT':
      case 'SOUND':
      case 'LIMITFEED':
      case 'EOP':
      case 'END':
      case 'ERASE':
      case 'REVERSE':
      case 'INITIALPRINTER':
        return;
      default:
        this.note(line.slice(0, 80), `unknown TSPL command ${cmd}`);
    }
  }
}

/** ^BQ field data: "QA,data", "MA,data", "HM,Bnnnn<data>", "LM,Adata", "MM,Ndata" … */
export function parseZplQrData(fd: string): { data: string; errorCorrection: 'L' | 'M' | 'Q' | 'H' } {
  const m = /^([HQML])([AM]),(.*)$/s.exec(fd);
  if (!m) return { data: fd, errorCorrection: 'Q' };
  const errorCorrection = m[1] as 'L' | 'M' | 'Q' | 'H';
  let data = m[3];
  if (m[2] === 'M') {
    if (data.startsWith('B') && /^B\d{4}/.test(data)) data = data.slice(5, 5 + Number.parseInt(data.slice(1, 5), 10));
    else if (/^[NAK]/.test(data)) data = data.slice(1);
  }
  return { data, errorCorrection };
}

/** ^BC data may start with invocation codes (>: >; >5 …) in mode N; they are not part of the data. */
function stripZplCode128(data: string): string {
  return data.replace(/>[0-9:;<=>]/g, (m) => (m === '><' ? '>' : ''));
}
