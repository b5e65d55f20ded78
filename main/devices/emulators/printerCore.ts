/**
 * The part of an emulated printer a transport needs: bytes in, replies out. Both EscposEmulator and
 * LabelEmulator are one; the TCP and serial transports (and the app's in-process "emulated" device)
 * feed the same core.
 */
import type { CodePageSlots } from '../escpos/encoding/vietnamese';
import type { PrinterLanguage } from '../types';
import { EscposEmulator, type EscposEmulatorOptions } from './escposEmulator';
import { LabelEmulator } from './labelEmulator';

export interface PrinterEmulatorCore {
  feed(bytes: Uint8Array): void;
  onReply(listener: (bytes: Uint8Array) => void): () => void;
}

/** The emulator type for a printer language. */
export type EmulatorFor<L extends PrinterLanguage> = L extends 'escpos' ? EscposEmulator : LabelEmulator;

export interface CoreOptions<L extends PrinterLanguage = 'escpos'> {
  /** default 'escpos' */
  language?: L;
  /** ESC t table numbers of the emulated model (ESC/POS only; default: PC437 at 0). */
  slots?: CodePageSlots;
  /** More EscposEmulator options (mute, dropWhileFaulted, chineseModeAtStart, …). */
  escpos?: EscposEmulatorOptions;
  /** Use this core instead of creating one (e.g. the app's emulated printer). */
  emulator?: EmulatorFor<L>;
}

export function createPrinterCore<L extends PrinterLanguage = 'escpos'>(options: CoreOptions<L>): EmulatorFor<L> {
  if (options.emulator) return options.emulator;
  const language: PrinterLanguage = options.language ?? 'escpos';
  const core =
    language === 'escpos'
      ? new EscposEmulator(options.slots ?? { ascii: 0 }, options.escpos)
      : new LabelEmulator({ language });
  return core as EmulatorFor<L>;
}
