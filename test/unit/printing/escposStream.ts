/**
 * Test helper: walks an ESC/POS stream command by command. What is text for the printer (printable
 * bytes, LF) and the `ESC t n` table switches are kept for `decodeText`; every other known command is
 * set aside and counted by name. An unknown control byte or command throws, so a renderer that
 * emits something unexpected fails the test instead of turning into silent garbage.
 */
export interface EscposStream {
  /** Text bytes, LF and ESC t n, in order: the input of decodeText. */
  text: Uint8Array;
  /** Command names in order: "ESC @", "GS v 0", … */
  commands: string[];
  /** Bytes of the stream that were GS v 0 raster data. */
  rasterBytes: number;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export function walkEscpos(bytes: Uint8Array): EscposStream {
  const text: number[] = [];
  const commands: string[] = [];
  let rasterBytes = 0;
  let i = 0;
  const need = (n: number, name: string): void => {
    if (i + n > bytes.length) throw new Error(`${name} cut short at byte ${i}`);
  };
  while (i < bytes.length) {
    const b = bytes[i];
    const next = bytes[i + 1];
    if (b === 0x0a || (b >= 0x20 && b !== 0x7f)) {
      text.push(b);
      i += 1;
    } else if (b === ESC && next === 0x74) {
      need(3, 'ESC t');
      text.push(b, next, bytes[i + 2]);
      commands.push('ESC t');
      i += 3;
    } else if (b === ESC && next === 0x40) {
      commands.push('ESC @');
      i += 2;
    } else if (b === ESC && [0x61, 0x45, 0x21, 0x2d, 0x64].includes(next)) {
      need(3, 'ESC');
      commands.push(`ESC ${String.fromCharCode(next)}`);
      i += 3;
    } else if (b === FS && next === 0x2e) {
      commands.push('FS .');
      i += 2;
    } else if (b === GS && [0x21, 0x48, 0x66, 0x77, 0x68].includes(next)) {
      need(3, 'GS');
      commands.push(`GS ${String.fromCharCode(next)}`);
      i += 3;
    } else if (b === GS && next === 0x56) {
      const m = bytes[i + 2];
      commands.push('GS V');
      i += [0, 1, 48, 49].includes(m) ? 3 : 4;
    } else if (b === GS && next === 0x6b) {
      const m = bytes[i + 2];
      commands.push('GS k');
      if (m <= 6) {
        const end = bytes.indexOf(0, i + 3);
        if (end < 0) throw new Error('GS k without NUL');
        i = end + 1;
      } else {
        need(4, 'GS k');
        i += 4 + bytes[i + 3];
      }
    } else if (b === GS && next === 0x28 && bytes[i + 2] === 0x6b) {
      need(5, 'GS ( k');
      const length = bytes[i + 3] + bytes[i + 4] * 256;
      need(5 + length, 'GS ( k');
      commands.push(`GS ( k ${bytes[i + 6].toString(16)}`);
      i += 5 + length;
    } else if (b === GS && next === 0x76 && bytes[i + 2] === 0x30) {
      need(8, 'GS v 0');
      const size = (bytes[i + 4] + bytes[i + 5] * 256) * (bytes[i + 6] + bytes[i + 7] * 256);
      need(8 + size, 'GS v 0');
      commands.push('GS v 0');
      rasterBytes += size;
      i += 8 + size;
    } else {
      throw new Error(`unexpected byte 0x${b.toString(16)} (next 0x${(next ?? 0).toString(16)}) at ${i}`);
    }
  }
  return { text: Uint8Array.from(text), commands, rasterBytes };
}

/** True when `needle` occurs in `bytes`. */
export function containsBytes(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
