import { t } from '../../../shared/messages/vi';
import type { PrinterStatus } from '../types';

/**
 * ESC/POS status: the real-time `DLE EOT n` requests, Automatic Status Back (`GS a n`), and the
 * parsers of their replies. Bit meanings from the ESC/POS command reference. A reply byte must show
 * the fixed bits of its format, otherwise it is not status (stray data, a reply to something else,
 * a clone answering in its own way) and is refused rather than guessed at.
 */

export type DleEotRequest = 1 | 2 | 3 | 4;

/** What one reply tells; the rest of PrinterStatus is not known from it. */
export type StatusFacts = Partial<PrinterStatus>;

/** `DLE EOT n`: n = 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export function dleEot(n: DleEotRequest): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

const bit = (byte: number, n: number): boolean => (byte & (1 << n)) !== 0;

/** DLE EOT replies are 0xx1xx10: bits 1 and 4 set, bits 0 and 7 clear. */
export function isDleEotStatusByte(byte: number): boolean {
  return Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & 0x93) === 0x12;
}

/** The facts in the reply to `DLE EOT n`, or null when `byte` is not a status byte. */
export function parseDleEot(n: DleEotRequest, byte: number): StatusFacts | null {
  if (!isDleEotStatusByte(byte)) return null;
  switch (n) {
    case 1:
      return { online: !bit(byte, 3) };
    case 2:
      return { coverOpen: bit(byte, 2), feedButton: bit(byte, 3), paperOut: bit(byte, 5), error: bit(byte, 6) };
    case 3:
      // bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable (head too hot…)
      return { error: bit(byte, 3) || bit(byte, 5) || bit(byte, 6) };
    case 4:
      // each sensor is reported on two bits; some clones set only one of the pair
      return { paperNearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 };
  }
}

/**
 * One status from the facts of several replies (DLE EOT 1-4, in any order): a fault reported by
 * any reply counts; what no reply mentioned is taken as fine.
 */
export function combineStatus(facts: readonly StatusFacts[]): PrinterStatus {
  const status: PrinterStatus = { online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false };
  for (const f of facts) {
    if (f.online === false) status.online = false;
    if (f.coverOpen) status.coverOpen = true;
    if (f.paperOut) status.paperOut = true;
    if (f.paperNearEnd) status.paperNearEnd = true;
    if (f.error) status.error = true;
    if (f.feedButton !== undefined) status.feedButton = (status.feedButton ?? false) || f.feedButton;
  }
  return status;
}

/** `GS a n` bits: 0x02 online/offline (cover, feed button), 0x04 errors, 0x08 paper roll sensor. */
const ASB_REPORTS = 0x02 | 0x04 | 0x08;

/**
 * `GS a n`: Automatic Status Back on (the printer sends 4 bytes whenever its status changes) or
 * off. The drawer bit is left out: counters have no cash drawer on the printer.
 */
export function asbCommand(enable = true): Uint8Array {
  return Uint8Array.of(0x1d, 0x61, enable ? ASB_REPORTS : 0);
}

export const ASB_LENGTH = 4;

/** The first ASB byte is 0xx1xx00 (bit 4 set, bits 0, 1, 7 clear); the other three have bits 4 and 7 clear. */
export function isAsbHeader(byte: number): boolean {
  return (byte & 0x93) === 0x10;
}

/** A 4-byte Automatic Status Back message as a status, or null when the bytes are not one. */
export function parseAsb(bytes: ArrayLike<number>): PrinterStatus | null {
  if (bytes.length !== ASB_LENGTH || !isAsbHeader(bytes[0])) return null;
  for (let i = 1; i < ASB_LENGTH; i++) if ((bytes[i] & 0x90) !== 0) return null;
  const [first, errors, paper] = [bytes[0], bytes[1], bytes[2]];
  return {
    online: !bit(first, 3),
    coverOpen: bit(first, 5),
    feedButton: bit(first, 6),
    // byte 2: bit 2 mechanical, 3 autocutter, 5 unrecoverable, 6 auto-recoverable error
    error: (errors & 0x6c) !== 0,
    // byte 3: bits 0-1 roll near-end sensor, bits 2-3 roll end sensor
    paperNearEnd: (paper & 0x03) !== 0,
    paperOut: (paper & 0x0c) !== 0,
  };
}

/**
 * What is wrong, in the clerk's words, most urgent first; empty when the printer is ready.
 * "Offline" alone is said only when nothing else explains it (a printer goes offline when the
 * paper runs out or the cover opens, and the cause is what the clerk can fix).
 */
export function statusWords(status: PrinterStatus): string[] {
  const words: string[] = [];
  if (status.paperOut) words.push(t('printing.status.paperOut'));
  else if (status.paperNearEnd) words.push(t('printing.status.paperNearEnd'));
  if (status.coverOpen) words.push(t('printing.status.coverOpen'));
  if (status.error) words.push(t('printing.status.error'));
  if (!status.online && !status.paperOut && !status.coverOpen && !status.error) words.push(t('printing.status.offline'));
  return words;
}
