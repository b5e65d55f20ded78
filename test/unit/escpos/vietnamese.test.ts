import { describe, expect, it } from 'vitest';
import {
  EscposTextEncoder,
  asciiFold,
  canEncode,
  encodeText,
  isVietnameseLetter,
  type CodePageSlots,
  type VietnameseMode,
} from '../../../main/devices/escpos/encoding/vietnamese';
import { EscposTextDecoder, decodeText } from '../../../main/devices/escpos/encoding/decode';
import { CP1258, CP437, TCVN3_1, TCVN3_2, VISCII, VISCII_C0_LETTERS } from '../../../main/devices/escpos/encoding/tables';

/** Epson TM-T20III / TM-T88V numbers for TCVN-3 and CP1258; VISCII at a made-up free slot. */
const SLOTS: CodePageSlots = { tcvn3Lower: 30, tcvn3Upper: 31, cp1258: 52, viscii: 40, ascii: 0 };
const ESC_T = [0x1b, 0x74];

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
// none, grave, acute, hook above, tilde, dot below
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
const UPPER = LOWER.map((l) => l.toUpperCase());
const LETTERS = [...LOWER, ...UPPER];

/** The six capitals VISCII keeps at C0 control positions: not sendable to an ESC/POS printer. */
const VISCII_C0 = ['Ẳ', 'Ẵ', 'Ẫ', 'Ỷ', 'Ỹ', 'Ỵ'];

const SENTENCE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ĐẶNG THỊ HỒNG NHUNG, Phường Phú Hòa';
const MODES: VietnameseMode[] = ['tcvn3', 'cp1258', 'viscii'];

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Positions of `ESC t n` in the bytes, with n. */
function switches(bytes: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x74) found.push(bytes[i + 2]);
  }
  return found;
}

/** The bytes with every ESC t n removed. */
function textBytes(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x74) i += 2;
    else out.push(bytes[i]);
  }
  return out;
}

const roundTrip = (text: string, mode: VietnameseMode, slots = SLOTS): string =>
  decodeText(encodeText(text, mode, slots), slots);

describe('generated code-page tables', () => {
  it('have 128 entries each and no character twice in one table', () => {
    for (const table of [TCVN3_1, TCVN3_2, CP1258, VISCII, CP437]) {
      expect(table).toHaveLength(128);
      const defined = table.filter((c): c is string => c !== null);
      expect(new Set(defined).size).toBe(defined.length);
    }
  });

  it('hold the Vietnamese letters where the data says', () => {
    const nonAscii = (list: string[]): string[] => list.filter((l) => l.charCodeAt(0) >= 0x80);
    expect(nonAscii(LOWER).every((l) => TCVN3_1.includes(l))).toBe(true);
    expect(nonAscii(UPPER).every((l) => TCVN3_2.includes(l))).toBe(true);
    expect(TCVN3_1.filter((c) => c !== null)).toHaveLength(67);
    expect(TCVN3_2.filter((c) => c !== null)).toHaveLength(67);
    expect(TCVN3_2[0xa7 - 0x80]).toBe('Đ'); // U+0110, corrected from the database's U+00D0
    // VISCII: all 134 non-ASCII letters = 128 in the upper half + 6 at C0 positions
    const visciiAll = [...VISCII, ...Object.values(VISCII_C0_LETTERS)];
    expect(nonAscii(LETTERS).every((l) => visciiAll.includes(l))).toBe(true);
    expect(Object.values(VISCII_C0_LETTERS).sort()).toEqual([...VISCII_C0].sort());
    expect(CP1258[0xfe - 0x80]).toBe('₫');
    expect([0xcc, 0xec, 0xd2, 0xde, 0xf2].map((b) => CP1258[b - 0x80])).toEqual([
      '\u0300',
      '\u0301',
      '\u0309',
      '\u0303',
      '\u0323',
    ]);
  });
});

describe('every Vietnamese letter round-trips', () => {
  it('the test alphabet has 12 vowels x 6 tones x 2 cases + đ Đ', () => {
    expect(LETTERS).toHaveLength(146);
    expect(new Set(LETTERS).size).toBe(146);
    expect(LETTERS.every(isVietnameseLetter)).toBe(true);
    expect(isVietnameseLetter('ǎ')).toBe(false);
  });

  for (const mode of ['tcvn3', 'cp1258'] as const) {
    it(`${mode}: all 146 letters, one by one and all together`, () => {
      const failures = LETTERS.filter((l) => roundTrip(l, mode) !== l);
      expect(failures).toEqual([]);
      expect(roundTrip(LETTERS.join(''), mode)).toBe(LETTERS.join(''));
      expect(roundTrip(LETTERS.join(' '), mode)).toBe(LETTERS.join(' '));
    });
  }

  it('viscii: all letters but the six C0-position capitals, which print as their lowercase', () => {
    const failures = LETTERS.filter((l) => !VISCII_C0.includes(l) && roundTrip(l, 'viscii') !== l);
    expect(failures).toEqual([]);
    for (const l of VISCII_C0) {
      expect(roundTrip(l, 'viscii')).toBe(l.toLowerCase());
      expect(canEncode(l, 'viscii')).toBe(false);
    }
    expect(roundTrip('KỸ THUẬT', 'viscii')).toBe('Kỹ THUẬT');
    const expected = LETTERS.map((l) => (VISCII_C0.includes(l) ? l.toLowerCase() : l)).join('');
    expect(roundTrip(LETTERS.join(''), 'viscii')).toBe(expected);
  });

  it('viscii never sends a C0 byte for a letter', () => {
    const bytes = textBytes(encodeText(LETTERS.join(''), 'viscii', SLOTS));
    expect(bytes.filter((b) => b < 0x20)).toEqual([]);
  });

  it('ascii: letters lose their marks but keep their base letter', () => {
    expect(roundTrip('Đặng Thị Hồng Nhung ưỡ ĂẴ', 'ascii')).toBe('Dang Thi Hong Nhung uo AA');
  });

  it('no Vietnamese letter is ever sent as "?" (0x3F), in any mode', () => {
    for (const mode of [...MODES, 'ascii'] as const) {
      for (const l of LETTERS) {
        expect(textBytes(encodeText(l, mode, SLOTS)), `${mode} ${l}`).not.toContain(0x3f);
      }
    }
  });
});

describe('a full sentence', () => {
  it('round-trips exactly in cp1258 (which has the em dash)', () => {
    expect(roundTrip(SENTENCE, 'cp1258')).toBe(SENTENCE);
  });

  it('round-trips in tcvn3 and viscii with only the em dash folded to "-"', () => {
    const folded = SENTENCE.replace('—', '-');
    expect(roundTrip(SENTENCE, 'tcvn3')).toBe(folded);
    expect(roundTrip(SENTENCE, 'viscii')).toBe(folded);
  });

  it('multi-line text keeps its newlines as LF', () => {
    const text = 'Phường Phú Hòa\nĐẶNG THỊ\n';
    for (const mode of MODES) {
      const bytes = encodeText(text, mode, SLOTS);
      expect(textBytes(bytes).filter((b) => b === 0x0a)).toHaveLength(2);
      expect(decodeText(bytes, SLOTS)).toBe(text);
    }
  });
});

describe('ESC t table switching', () => {
  it('every mode starts with the ESC t its first printable byte needs', () => {
    expect([...encodeText('xin chào', 'tcvn3', SLOTS).slice(0, 3)]).toEqual([...ESC_T, 30]);
    expect([...encodeText('ĐẶNG', 'tcvn3', SLOTS).slice(0, 3)]).toEqual([...ESC_T, 31]);
    expect([...encodeText('Hòa', 'cp1258', SLOTS).slice(0, 3)]).toEqual([...ESC_T, 52]);
    expect([...encodeText('Hòa', 'viscii', SLOTS).slice(0, 3)]).toEqual([...ESC_T, 40]);
    expect([...encodeText('Hoa', 'ascii', SLOTS)]).toEqual([...ESC_T, 0, 0x48, 0x6f, 0x61]);
    expect([...encodeText('Hoa', 'ascii', { ...SLOTS, ascii: undefined })]).toEqual([...ESC_T, 0, 0x48, 0x6f, 0x61]);
    // nothing printable, nothing to select
    expect([...encodeText('', 'tcvn3', SLOTS)]).toEqual([]);
    expect([...encodeText('\n', 'tcvn3', SLOTS)]).toEqual([0x0a]);
  });

  it('tcvn3: a lowercase-only line has exactly one switch', () => {
    const bytes = encodeText('tiếp nhận hồ sơ và hẹn trả kết quả', 'tcvn3', SLOTS);
    expect(switches(bytes)).toEqual([30]);
    expect([...bytes.slice(0, 3)]).toEqual([...ESC_T, 30]);
  });

  it('tcvn3: ASCII capitals never cause a switch; a leading ASCII run takes the table that follows', () => {
    expect(switches(encodeText('Phường Phú Hòa', 'tcvn3', SLOTS))).toEqual([30]);
    expect(switches(encodeText('NGUYỄN VĂN AN', 'tcvn3', SLOTS))).toEqual([31]);
    expect(switches(encodeText('HO TEN: Nguyễn', 'tcvn3', SLOTS))).toEqual([30]);
    expect(switches(encodeText('ABC 123', 'tcvn3', SLOTS))).toEqual([30]);
  });

  it('tcvn3: switches only where the case table changes in a mixed line', () => {
    // lower (Giấy...) -> capitals (ĐẶNG ... NHUNG; ASCII NHUNG stays) -> lower (Phường)
    expect(switches(encodeText(SENTENCE, 'tcvn3', SLOTS))).toEqual([30, 31, 30]);
    // ă Ă ă Ă: four changes
    expect(switches(encodeText('ăĂăĂ', 'tcvn3', SLOTS))).toEqual([30, 31, 30, 31]);
    // "Ô" needs 31, "ng Ngu" is ASCII (no switch), "ễ" needs 30, "ă" stays in 30, "Á" needs 31
    expect(switches(encodeText('Ông Nguyễn Văn Ánh', 'tcvn3', SLOTS))).toEqual([31, 30, 31]);
  });

  it('single-table modes switch once per call, never mid-line', () => {
    for (const mode of ['cp1258', 'viscii'] as const) {
      expect(switches(encodeText(SENTENCE, mode, SLOTS))).toEqual([SLOTS[mode]]);
    }
  });

  it('EscposTextEncoder remembers the table across lines', () => {
    const enc = new EscposTextEncoder('tcvn3', SLOTS);
    expect(enc.currentTable).toBeUndefined();
    expect(switches(enc.encode('Giấy hẹn trả kết quả\n'))).toEqual([30]);
    expect(switches(enc.encode('Mã hồ sơ: 000.00.00.H00-250101-0001\n'))).toEqual([]);
    expect(switches(enc.encode('ĐẶNG THỊ HỒNG NHUNG\n'))).toEqual([31]);
    expect(switches(enc.encode('SĐT: 0912345678\n'))).toEqual([]);
    expect(enc.currentTable).toBe(31);
    expect(switches(enc.encode('Phường Phú Hòa\n'))).toEqual([30]);
    enc.forgetTable();
    expect(switches(enc.encode('abc'))).toEqual([30]);
    enc.assumeTable(0);
    expect(switches(enc.encode('abc'))).toEqual([]);
    expect(switches(enc.encode('ơ'))).toEqual([30]);

    const start = new EscposTextEncoder('cp1258', SLOTS, 52);
    expect(switches(start.encode('Hòa'))).toEqual([]);
  });

  it('a whole receipt through one encoder decodes with one stateful decoder', () => {
    const lines = ['BƯU ĐIỆN PHƯỜNG PHÚ HÒA\n', 'Giấy tiếp nhận hồ sơ\n', 'Người nộp: ĐẶNG THỊ HỒNG NHUNG\n'];
    for (const mode of MODES) {
      const enc = new EscposTextEncoder(mode, SLOTS);
      const dec = new EscposTextDecoder(SLOTS);
      const printed = lines.map((l) => dec.decode(enc.encode(l))).join('');
      expect(printed).toBe(lines.join(''));
    }
  });

  it('a printer with only the TCVN-3 lowercase table prints capitals as lowercase, never ESC t 31', () => {
    const clone: CodePageSlots = { tcvn3Lower: 27 };
    const bytes = encodeText('ĐẶNG Thị Ánh', 'tcvn3', clone);
    expect(switches(bytes)).toEqual([27]);
    expect(decodeText(bytes, clone)).toBe('đặNG Thị ánh');
  });

  it('refuses a mode whose table the printer profile does not give', () => {
    expect(() => encodeText('a', 'cp1258', { tcvn3Lower: 30 })).toThrow(/slots\.cp1258/);
    expect(() => encodeText('a', 'viscii', {})).toThrow(/slots\.viscii/);
    expect(() => encodeText('a', 'tcvn3', { cp1258: 52 })).toThrow(/tcvn3Lower/);
    expect(() => encodeText('a', 'tcvn3', { tcvn3Lower: 30, tcvn3Upper: 30 })).toThrow();
    expect(() => encodeText('a', 'cp1258', { cp1258: 256 })).toThrow(RangeError);
  });
});

describe('CP1258 decomposition', () => {
  it('uses precomposed characters where the table has them', () => {
    expect(textBytes(encodeText('àáâăèéêíóôơùúưđ', 'cp1258', SLOTS))).toEqual([
      0xe0, 0xe1, 0xe2, 0xe3, 0xe8, 0xe9, 0xea, 0xed, 0xf3, 0xf4, 0xf5, 0xf9, 0xfa, 0xfd, 0xf0,
    ]);
    expect(textBytes(encodeText('ĐƠƯ', 'cp1258', SLOTS))).toEqual([0xd0, 0xd5, 0xdd]);
  });

  it('composes the circumflex/breve first, then the dot below (ậ ặ ệ ộ)', () => {
    expect(hex(encodeText('ậ', 'cp1258', SLOTS))).toBe('1b7434' + 'e2f2');
    expect(textBytes(encodeText('ặ', 'cp1258', SLOTS))).toEqual([0xe3, 0xf2]);
    expect(textBytes(encodeText('ệ', 'cp1258', SLOTS))).toEqual([0xea, 0xf2]);
    expect(textBytes(encodeText('ộ', 'cp1258', SLOTS))).toEqual([0xf4, 0xf2]);
    expect(textBytes(encodeText('ẬẶỆỘ', 'cp1258', SLOTS))).toEqual([0xc2, 0xf2, 0xc3, 0xf2, 0xca, 0xf2, 0xd4, 0xf2]);
    // horn letters: NFD has horn before dot below, the encoder still sends ơ/ư + mark
    expect(textBytes(encodeText('ợự', 'cp1258', SLOTS))).toEqual([0xf5, 0xf2, 0xfd, 0xf2]);
  });

  it('sends base + combining tone mark for the toned letters not in the table', () => {
    expect(textBytes(encodeText('ấ', 'cp1258', SLOTS))).toEqual([0xe2, 0xec]);
    expect(textBytes(encodeText('ì', 'cp1258', SLOTS))).toEqual([0x69, 0xcc]);
    expect(textBytes(encodeText('ỏ', 'cp1258', SLOTS))).toEqual([0x6f, 0xd2]);
    expect(textBytes(encodeText('ỹ', 'cp1258', SLOTS))).toEqual([0x79, 0xde]);
    expect(textBytes(encodeText('Ý', 'cp1258', SLOTS))).toEqual([0x59, 0xec]);
    expect(textBytes(encodeText('ử', 'cp1258', SLOTS))).toEqual([0xfd, 0xd2]);
  });

  it('every letter is one byte, or a base byte and then one tone-mark byte', () => {
    const toneBytes = [0xcc, 0xec, 0xd2, 0xde, 0xf2];
    for (const l of LETTERS) {
      const bytes = textBytes(encodeText(l, 'cp1258', SLOTS));
      expect(bytes.length, l).toBeLessThanOrEqual(2);
      expect(toneBytes, l).not.toContain(bytes[0]);
      if (bytes.length === 2) expect(toneBytes, l).toContain(bytes[1]);
    }
  });
});

describe('NFD input', () => {
  it('encodes exactly like NFC input in every mode', () => {
    const texts = [SENTENCE, LETTERS.join(''), 'Hộ tịch — Nguyễn Thị Ẫn “x”'];
    for (const mode of [...MODES, 'ascii'] as const) {
      for (const t of texts) {
        expect(hex(encodeText(t.normalize('NFD'), mode, SLOTS)), mode).toBe(hex(encodeText(t.normalize('NFC'), mode, SLOTS)));
      }
    }
  });

  it('composes letters decomposed in a non-canonical order too', () => {
    // a + circumflex + dot below (canonical order is dot below first)
    expect(textBytes(encodeText('a\u0302\u0323', 'cp1258', SLOTS))).toEqual([0xe2, 0xf2]);
    expect(roundTrip('a\u0302\u0323', 'tcvn3')).toBe('ậ');
  });
});

describe('folding what cannot be printed', () => {
  it('asciiFold', () => {
    expect(asciiFold('“Hồ sơ” – ‘số 1’ — xong…')).toBe('"Ho so" - \'so 1\' - xong...');
    expect(asciiFold('ǎ Ǎ ñ ü ß Æ ø ﬁ ½ ²')).toBe('a A n u ss AE o fi 1/2 2');
    expect(asciiFold('Đặng Thị 50.000₫')).toBe('Dang Thi 50.000d');
    expect(asciiFold('中文 😀')).toBe('?? ?');
    expect(asciiFold('a\u00a0b\u200bc\td\r\n\u001be')).toBe('a bc d\ne');
  });

  it('curly quotes, dashes, ellipsis and CJK fold in tcvn3, viscii and ascii', () => {
    const text = '“Hồ sơ” – ‘a’ — b… 中';
    for (const mode of ['tcvn3', 'viscii'] as const) {
      expect(roundTrip(text, mode)).toBe('"Hồ sơ" - \'a\' - b... ?');
    }
    expect(roundTrip(text, 'ascii')).toBe('"Ho so" - \'a\' - b... ?');
    expect(canEncode('“', 'tcvn3')).toBe(false);
    expect(canEncode('…', 'viscii')).toBe(false);
  });

  it('cp1258 prints curly quotes, dashes and the ellipsis itself, and folds CJK', () => {
    expect(roundTrip('“Hồ sơ” – ‘a’ — b… 中', 'cp1258')).toBe('“Hồ sơ” – ‘a’ — b… ?');
    expect(canEncode('“', 'cp1258')).toBe(true);
    expect(canEncode('中', 'cp1258')).toBe(false);
  });

  it('other Latin letters with marks fold to their base letter, not "?"', () => {
    for (const mode of [...MODES, 'ascii'] as const) {
      const out = roundTrip('ǎ Ǒ ş ł', mode);
      expect(out, mode).not.toContain('?');
    }
    expect(roundTrip('ǎ ş ł', 'tcvn3')).toBe('a s l');
    // cp1258 can put a combining mark on any base letter it has
    expect(roundTrip('ḿ ü', 'cp1258')).toBe('ḿ ü');
  });

  it('₫: 0xFE in cp1258, đ in tcvn3 and viscii, d in ascii', () => {
    expect(textBytes(encodeText('₫', 'cp1258', SLOTS))).toEqual([0xfe]);
    expect(roundTrip('50.000₫', 'tcvn3')).toBe('50.000đ');
    expect(roundTrip('50.000₫', 'viscii')).toBe('50.000đ');
    expect(roundTrip('50.000₫', 'ascii')).toBe('50.000d');
  });

  it('U+00D0 (Ð, looks like Đ) prints as Đ', () => {
    for (const mode of MODES) expect(roundTrip('ÐẶNG', mode)).toBe('ĐẶNG');
  });

  it('control characters never reach the printer; \\n is LF, \\t a space, \\r dropped', () => {
    for (const mode of [...MODES, 'ascii'] as const) {
      const bytes = textBytes(encodeText('a\u001b@b\u001dV\u0000c\td\r\ne\u0085', mode, SLOTS));
      expect(bytes, mode).toEqual([0x61, 0x40, 0x62, 0x56, 0x63, 0x20, 0x64, 0x0a, 0x65]);
    }
  });

  it('canEncode', () => {
    expect(canEncode('ẫ', 'viscii')).toBe(true);
    expect(canEncode('Ẫ', 'viscii')).toBe(false);
    expect(canEncode('Ẫ', 'tcvn3')).toBe(true);
    expect(canEncode('Ẫ', 'tcvn3', { tcvn3Lower: 27 })).toBe(false);
    expect(canEncode('ậ', 'cp1258')).toBe(true);
    expect(canEncode('a\u0302\u0323', 'cp1258')).toBe(true);
    expect(canEncode('A', 'ascii')).toBe(true);
    expect(canEncode('\n', 'ascii')).toBe(true);
    expect(canEncode('đ', 'ascii')).toBe(false);
    expect(canEncode('₫', 'tcvn3')).toBe(false);
    expect(canEncode('₫', 'cp1258')).toBe(true);
  });
});

describe('decoder', () => {
  it('shows stray control bytes, unknown tables and undefined bytes as U+FFFD', () => {
    expect(decodeText(Uint8Array.of(0x61, 0x1d, 0x56, 0x62), SLOTS)).toBe('a\uFFFDVb');
    expect(decodeText(Uint8Array.of(0x1b, 0x74, 99, 0x61, 0xb5), SLOTS)).toBe('a\uFFFD');
    expect(decodeText(Uint8Array.of(0x1b, 0x74, 30, 0x80), SLOTS)).toBe('\uFFFD');
    expect(decodeText(Uint8Array.of(0x61, 0x1b), SLOTS)).toBe('a\uFFFD');
  });

  it('starts in initialTable and reads PC437 at table 0', () => {
    expect(decodeText(Uint8Array.of(0xb5), SLOTS, 30)).toBe('à');
    expect(decodeText(Uint8Array.of(0xb5), SLOTS, 31)).toBe('À');
    expect(decodeText(Uint8Array.of(0x82), SLOTS)).toBe('é');
  });

  it('keeps the table and a split ESC t across chunks', () => {
    const dec = new EscposTextDecoder(SLOTS);
    expect(dec.decode(Uint8Array.of(0x1b))).toBe('');
    expect(dec.pendingCommand).toBe(true);
    expect(dec.decode(Uint8Array.of(0x74, 31, 0xa7))).toBe('Đ');
    expect(dec.currentTable).toBe(31);
    expect(dec.decode(Uint8Array.of(0xa7))).toBe('Đ');
  });
});

// A typical 40-character receipt line, measured per mode at collection time so the sizes show in
// the test names.
const LINE = 'Người nộp: Đặng Thị Hồng Nhung - Phú Hòa';
const SIZES = Object.fromEntries(
  ([...MODES, 'ascii'] as const).map((m) => [m, encodeText(LINE, m, SLOTS).length]),
) as Record<VietnameseMode, number>;

describe(`bytes for a ${[...LINE].length}-char line`, () => {
  it(`tcvn3 ${SIZES.tcvn3} B, viscii ${SIZES.viscii} B, cp1258 ${SIZES.cp1258} B, ascii ${SIZES.ascii} B`, () => {
    const chars = [...LINE].length;
    expect(chars).toBe(40);
    expect(SIZES.tcvn3).toBeLessThanOrEqual(2 * chars);
    expect(SIZES.viscii).toBeLessThanOrEqual(2 * chars);
    expect(SIZES.cp1258).toBeLessThanOrEqual(2 * chars + 3);
    expect(SIZES.ascii).toBe(chars + 3);
  });
});
