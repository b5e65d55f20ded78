import type { TextMode } from './printing/modes';

/**
 * Device interfaces. Every device is a protocol (ESC/POS, ZPL, TSPL, scanner
 * framing) over a byte transport (serial, TCP, USB printer file, Windows share,
 * emulated). Protocols are tested on bytes; transports on real channels.
 */

export type TransportConfig =
  | {
      kind: 'serial';
      path: string;
      baudRate: number;
      dataBits: 7 | 8;
      parity: 'none' | 'even' | 'odd';
      stopBits: 1 | 2;
      flowControl: 'none' | 'rtscts' | 'xonxoff';
    }
  | { kind: 'tcp'; host: string; port: number }
  /** Linux USB printer class device, e.g. /dev/usb/lp0. */
  | { kind: 'usb-file'; path: string }
  /** Windows: a shared printer written raw through the spooler, e.g. \\localhost\XP80. */
  | { kind: 'windows-share'; path: string }
  | { kind: 'emulated' };

/** A duplex byte channel to one device. Implementations never throw from callbacks. */
export interface ByteTransport {
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  /** Resolves when the bytes have left this process (drained to the OS / socket). */
  write(data: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** What `DLE EOT 1..4` (or Automatic Status Back) said about a receipt printer. */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  /** Mechanical / cutter / unrecoverable error. */
  error: boolean;
  feedButton?: boolean;
}

export type PrinterLanguage = 'escpos' | 'zpl' | 'tspl';

export interface PrinterProfile {
  id: string;
  name: string;
  /** Which printers it fits, for the setup screen. */
  models: string;
  language: PrinterLanguage;
  paperWidthMm: number;
  /** Printable dots per line (203 dpi: 384 for 58 mm, 576 for 80 mm). */
  dotsPerLine: number;
  /** Characters per line in font A. */
  columns: number;
  vietnamese: {
    /** Candidate modes, best first; the self-test prints each. */
    modes: TextMode[];
    /** ESC t table numbers where this model keeps each code page. */
    slots: { tcvn3Lower?: number; tcvn3Upper?: number; cp1258?: number; viscii?: number; ascii?: number };
    /** Chinese-market clones start in a double-byte mode: FS . leaves it. */
    leaveChineseMode?: boolean;
  };
  cutter: 'full' | 'partial' | 'none';
  /** Whether the model answers DLE EOT (cheap clones often do not). */
  status: 'dle-eot' | 'none';
  note?: string;
}
