/**
 * ESC/POS text bytes -> Unicode: what the printer would print. Used by the printer emulator and by
 * tests. Deliberately shares no code with the encoder (vietnamese.ts): it reads the generated tables
 * directly, byte -> character, so an encoder bug cannot be mirrored here and cancel itself out.
 *
 * Understood: printable ASCII 0x20-0x7E (the same in every table), LF 0x0A, `ESC t n` (select code
 * table n), and upper-half bytes looked up in the table currently selected. Anything else (other
 * control bytes or ESC sequences, bytes with nothing defined in the current table, a table number the
 * slots do not name) decodes as U+FFFD, so a stray command byte in text is visible, never silent.
 * The result is NFC: CP1258's base letter + combining tone mark comes back as one precomposed letter.
 */
import { CP437, CP1258, TCVN3_1, TCVN3_2, VISCII, type UpperHalf } from './tables';
import type { CodePageSlots } from './vietnamese';

const REPLACEMENT = '\uFFFD';

/** ESC t number -> upper half, from a printer's slots (PC437 at slots.ascii, default 0). */
function tablesBySlot(slots: CodePageSlots): Map<number, UpperHalf> {
  const map = new Map<number, UpperHalf>();
  const put = (n: number | undefined, table: UpperHalf, name: string): void => {
    if (n === undefined) return;
    const existing = map.get(n);
    if (existing !== undefined && existing !== table) {
      throw new Error(`ESC t ${n} is given to two code pages (${name} and another)`);
    }
    map.set(n, table);
  };
  put(slots.tcvn3Lower, TCVN3_1, 'TCVN-3-1');
  put(slots.tcvn3Upper, TCVN3_2, 'TCVN-3-2');
  put(slots.cp1258, CP1258, 'CP1258');
  put(slots.viscii, VISCII, 'VISCII');
  put(slots.ascii, CP437, 'CP437');
  const pc437 = slots.ascii ?? 0;
  if (!map.has(pc437)) map.set(pc437, CP437);
  return map;
}

/** A decoder that keeps the selected table across chunks, as the printer does. */
export class EscposTextDecoder {
  private readonly tables: Map<number, UpperHalf>;
  private table: number;
  private pendingEsc = 0; // 0 = none, 1 = saw ESC, 2 = saw ESC t

  constructor(slots: CodePageSlots, initialTable = 0) {
    this.tables = tablesBySlot(slots);
    this.table = initialTable;
  }

  /** The table selected by the last `ESC t n` seen (or the initial one). */
  get currentTable(): number {
    return this.table;
  }

  /** True while an ESC sequence has started but not finished (it continues in the next chunk). */
  get pendingCommand(): boolean {
    return this.pendingEsc !== 0;
  }

  /**
   * Decodes a chunk. Text is returned NFC-normalised per chunk; feed whole lines (as the encoder
   * produces them) so a combining mark is not split from its letter.
   */
  decode(bytes: Uint8Array): string {
    let out = '';
    for (const b of bytes) {
      if (this.pendingEsc === 1) {
        if (b === 0x74) {
          this.pendingEsc = 2;
        } else {
          this.pendingEsc = 0;
          out += REPLACEMENT;
        }
        continue;
      }
      if (this.pendingEsc === 2) {
        this.table = b;
        this.pendingEsc = 0;
        continue;
      }
      if (b === 0x1b) {
        this.pendingEsc = 1;
      } else if (b === 0x0a) {
        out += '\n';
      } else if (b >= 0x20 && b < 0x7f) {
        out += String.fromCharCode(b);
      } else if (b >= 0x80) {
        out += this.tables.get(this.table)?.[b - 0x80] ?? REPLACEMENT;
      } else {
        out += REPLACEMENT;
      }
    }
    return out.normalize('NFC');
  }
}

/**
 * Interprets `ESC t n` switches and maps bytes back to Unicode, starting in `initialTable`.
 * Returns NFC text.
 */
export function decodeText(bytes: Uint8Array, slots: CodePageSlots, initialTable = 0): string {
  const decoder = new EscposTextDecoder(slots, initialTable);
  const text = decoder.decode(bytes);
  // a command cut off at the end of the bytes is not text, but it is not silently fine either
  return text + (decoder.pendingCommand ? REPLACEMENT : '');
}
