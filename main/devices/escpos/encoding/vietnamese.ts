/**
 * Vietnamese text -> ESC/POS bytes, in the encodings receipt printers actually have.
 *
 * We own this instead of using node-thermal-printer's, which sends ESC t 52 for TCVN-3 and
 * switches encodings mid-line on its own.
 *
 * - 'tcvn3'  TCVN-3 (ABC): precomposed, split over two tables (lowercase at `tcvn3Lower`, e.g. 30;
 *            capitals at `tcvn3Upper`, e.g. 31). The table is switched inside a line where needed;
 *            ASCII prints the same in both, so it never causes a switch.
 * - 'cp1258' Windows-1258: letters that exist precomposed in the table are sent as one byte; any
 *            other letter is its base (with its own mark composed first: â ê ô ă ơ ư) followed by a
 *            combining tone mark byte, e.g. "ậ" -> "â" + 0xF2 (dot below), never a + dot + circumflex.
 * - 'viscii' VISCII upper half. Six capitals VISCII keeps at C0 control positions (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ)
 *            cannot be sent to an ESC/POS printer (0x00-0x1F are commands there); they print as their
 *            lowercase letters (ẳ ẵ ẫ ỷ ỹ ỵ), which keeps every mark of the letter.
 * - 'ascii'  7-bit only: Vietnamese letters lose their marks ("Đặng" -> "Dang").
 *
 * Whatever cannot be printed in the chosen mode becomes the closest thing that can: the same
 * Vietnamese letter in the other case, then an ASCII fold ("“" -> '"', "…" -> "...", "ǎ" -> "a");
 * "?" only for characters with no Latin reading (CJK, emoji). A Vietnamese letter is never "?".
 * Control characters in the text are never passed through (a name containing ESC must not become
 * a printer command): "\n" -> LF, "\t" -> space, "\r" and the rest are dropped.
 *
 * Every output that prints something starts with `ESC t n` for the table it needs, unless the
 * encoder already knows the printer is in that table (EscposTextEncoder remembers it across calls).
 */
import { CP1258, TCVN3_1, TCVN3_2, VISCII, type UpperHalf } from './tables';

export type VietnameseMode = 'tcvn3' | 'cp1258' | 'viscii' | 'ascii';

/** The ESC t table numbers of one printer model (its profile). */
export interface CodePageSlots {
  tcvn3Lower?: number;
  tcvn3Upper?: number;
  cp1258?: number;
  viscii?: number;
  /** usually 0 = PC437 */
  ascii?: number;
}

export const ESC = 0x1b;
export const LF = 0x0a;

/** `ESC t n`: select character code table n. */
export function selectTableCommand(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x74, n);
}

// ---------------------------------------------------------------------------------------------
// ASCII fold

/** Folds that Unicode decomposition does not give (or gives wrongly for a receipt). */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  'đ': 'd', 'Đ': 'D', 'Ð': 'D', 'ð': 'd', '₫': 'd',
  'ß': 'ss', 'ẞ': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O',
  'ł': 'l', 'Ł': 'L', 'þ': 'th', 'Þ': 'Th', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '´': "'", 'ʼ': "'", 'ˈ': "'", '‹': "'", '›': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"', '〝': '"', '〞': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '⁃': '-', '～': '~',
  '…': '...', '•': '*', '◦': '*', '·': '.', '‧': '.', '⁄': '/', '∕': '/',
  '×': 'x', '÷': '/', '±': '+/-', '°': 'o', 'º': 'o', 'ª': 'a', '€': 'EUR', '£': 'GBP', '¥': 'JPY',
  '©': '(c)', '®': '(R)', '№': 'No', '§': 'S', '¶': 'P', '¦': '|', '¬': '-', '¡': '!', '¿': '?',
  '\u2028': '\n', '\u2029': '\n',
};

const RE_MARK = /\p{M}/u;
const RE_MARKS = /\p{M}/gu;
const RE_FORMAT = /\p{Cf}/u;
const RE_SPACE = /\p{Zs}/u;

function foldOne(ch: string, depth = 0): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === LF) return '\n';
  if (cp === 0x09) return ' ';
  if (cp >= 0x20 && cp < 0x7f) return ch;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return ''; // C0 / DEL / C1 controls
  const special = SPECIAL_FOLDS[ch];
  if (special !== undefined) return special;
  if (RE_FORMAT.test(ch)) return ''; // zero-width chars, soft hyphen, joiners
  if (RE_SPACE.test(ch)) return ' ';
  if (RE_MARK.test(ch)) return ''; // a mark left alone after its letter was folded
  if (depth === 0) {
    const decomposed = ch.normalize('NFKD').replace(RE_MARKS, '');
    if (decomposed !== ch && decomposed.length > 0) {
      let out = '';
      for (const c of decomposed) out += foldOne(c, 1);
      return out;
    }
  }
  return '?';
}

/**
 * Plain printable ASCII (0x20-0x7E) plus "\n": marks removed, đ -> d, typographic punctuation to its
 * ASCII look-alike, "?" only for what has no Latin reading at all.
 */
export function asciiFold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += foldOne(ch);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per-mode character lookup

type PageKey = 'tcvn3Lower' | 'tcvn3Upper' | 'cp1258' | 'viscii';

function forwardMap(table: UpperHalf): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  table.forEach((ch, i) => {
    if (ch !== null && !map.has(ch)) map.set(ch, 0x80 + i);
  });
  return map;
}

const FORWARD: Readonly<Record<PageKey, ReadonlyMap<string, number>>> = {
  tcvn3Lower: forwardMap(TCVN3_1),
  tcvn3Upper: forwardMap(TCVN3_2),
  cp1258: forwardMap(CP1258),
  viscii: forwardMap(VISCII),
};

const MODE_PAGES: Readonly<Record<VietnameseMode, readonly PageKey[]>> = {
  tcvn3: ['tcvn3Lower', 'tcvn3Upper'],
  cp1258: ['cp1258'],
  viscii: ['viscii'],
  ascii: [],
};

/** One printed character: its bytes and the table they need (null = prints alike in every table). */
interface Unit {
  bytes: number[];
  page: PageKey | null;
}

function isPrintableAscii(ch: string): boolean {
  if (ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x20 && c < 0x7f;
}

/** CP1258: "ậ" -> â + combining dot below; "ý" -> y + combining acute; "ǘ" -> ü + combining acute. */
function cp1258Sequence(cluster: string): number[] | null {
  const map = FORWARD.cp1258;
  const byteOf = (c: string): number | undefined => (isPrintableAscii(c) ? c.charCodeAt(0) : map.get(c));
  const whole = byteOf(cluster);
  if (whole !== undefined) return [whole];
  const [base, ...marks] = [...cluster.normalize('NFD')];
  if (base === undefined || marks.length === 0 || marks.length > 4) return null;
  // Compose as many of the marks into the base as the table allows (the letter's own mark: â ê ô ă
  // ơ ư), and send the rest as combining bytes. Whatever order NFD put them in (dot below sorts
  // before circumflex/breve), the composed base comes first and the tone mark after it.
  for (let keep = marks.length - 1; keep >= 0; keep--) {
    for (const subset of combinations(marks.length, keep)) {
      const composed = (base + subset.map((i) => marks[i]).join('')).normalize('NFC');
      if ([...composed].length !== 1) continue;
      const head = byteOf(composed);
      if (head === undefined) continue;
      const rest = marks.filter((_, i) => !subset.includes(i)).map(byteOf);
      if (rest.every((b): b is number => b !== undefined)) return [head, ...rest];
    }
  }
  return null;
}

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  const walk = (start: number, acc: number[]): void => {
    if (acc.length === k) {
      out.push(acc);
      return;
    }
    for (let i = start; i < n; i++) walk(i + 1, [...acc, i]);
  };
  walk(0, []);
  return out;
}

/** The units for one cluster (a character with its combining marks, NFC) if the mode prints it as is. */
function directUnits(cluster: string, mode: VietnameseMode, pages: readonly PageKey[]): Unit[] | null {
  if (cluster === '\n') return [{ bytes: [LF], page: null }];
  if (isPrintableAscii(cluster)) return [{ bytes: [cluster.charCodeAt(0)], page: null }];
  if (mode === 'cp1258') {
    if (!pages.includes('cp1258')) return null;
    const seq = cp1258Sequence(cluster);
    return seq ? [{ bytes: seq, page: 'cp1258' }] : null;
  }
  for (const page of pages) {
    const b = FORWARD[page].get(cluster);
    if (b !== undefined) return [{ bytes: [b], page }];
  }
  return null;
}

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

const VIETNAMESE_LETTERS: ReadonlySet<string> = (() => {
  const set = new Set<string>(['đ', 'Đ']);
  for (const vowel of 'aăâeêioôơuưy') {
    for (const tone of TONES) {
      const letter = (vowel + tone).normalize('NFC');
      set.add(letter);
      set.add(letter.toUpperCase());
    }
  }
  return set;
})();

/**
 * A Vietnamese letter: one of the 12 vowels x 6 tones x 2 cases (144, of which 12 are plain ASCII
 * a e i o u y) or đ / Đ. Consonants other than đ are ASCII and not counted here.
 */
export function isVietnameseLetter(ch: string): boolean {
  return VIETNAMESE_LETTERS.has(ch.normalize('NFC'));
}

/** What to try, in order, when a cluster cannot be printed as is. */
function alternatives(cluster: string): string[] {
  // U+00D0 ETH looks exactly like Đ; "₫" reads as "đ" after an amount ("50.000đ")
  const seed = cluster === 'Ð' ? 'Đ' : cluster === '₫' ? 'đ' : cluster;
  const alts = seed === cluster ? [] : [seed];
  if (isVietnameseLetter(seed)) {
    // keep the exact letter with all its marks and lose only the case: "KỸ" -> "Kỹ" in VISCII
    for (const other of [seed.toLowerCase(), seed.toUpperCase()]) if (other !== seed) alts.push(other);
  }
  return alts;
}

function unitsFor(cluster: string, mode: VietnameseMode, pages: readonly PageKey[]): Unit[] {
  const direct = directUnits(cluster, mode, pages);
  if (direct) return direct;
  for (const alt of alternatives(cluster)) {
    const units = directUnits(alt, mode, pages);
    if (units) return units;
  }
  const units: Unit[] = [];
  for (const c of asciiFold(cluster)) {
    units.push({ bytes: [c.charCodeAt(0)], page: null });
  }
  return units;
}

/** A base character followed by its combining marks; a stray leading mark is its own cluster. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

function clusters(text: string): string[] {
  return text.normalize('NFC').match(CLUSTER) ?? [];
}

function availablePages(mode: VietnameseMode, slots: CodePageSlots): PageKey[] {
  return MODE_PAGES[mode].filter((p) => slots[p] !== undefined);
}

/**
 * Whether `ch` prints as itself (no fold) in `mode`. Without `slots`, every table of the mode is
 * assumed present (for TCVN-3 both the lowercase and the capitals table).
 */
export function canEncode(ch: string, mode: VietnameseMode, slots?: CodePageSlots): boolean {
  const pages = slots ? availablePages(mode, slots) : MODE_PAGES[mode];
  const parts = clusters(ch);
  return parts.length > 0 && parts.every((c) => directUnits(c, mode, pages) !== null);
}

// ---------------------------------------------------------------------------------------------
// Encoder

function checkTable(name: string, n: number | undefined): void {
  if (n === undefined) return;
  if (!Number.isInteger(n) || n < 0 || n > 255) {
    throw new RangeError(`ESC/POS code table "${name}" must be an integer 0-255, got ${String(n)}`);
  }
}

/**
 * Encodes text for one printer, remembering which ESC t table the printer is in, so a whole receipt
 * sends `ESC t n` only when the table really changes. Call `forgetTable()` after anything that may
 * reset the printer (ESC @, power cycle, reconnect) or send ESC t behind this encoder's back.
 */
export class EscposTextEncoder {
  private readonly pages: readonly PageKey[];
  private readonly tableOf: Readonly<Record<PageKey | 'ascii', number | undefined>>;
  private current: number | undefined;

  constructor(
    readonly mode: VietnameseMode,
    slots: CodePageSlots,
    currentTable?: number,
  ) {
    for (const key of ['tcvn3Lower', 'tcvn3Upper', 'cp1258', 'viscii', 'ascii'] as const) checkTable(key, slots[key]);
    checkTable('currentTable', currentTable);
    this.pages = availablePages(mode, slots);
    if (mode !== 'ascii' && this.pages.length === 0) {
      const need = mode === 'tcvn3' ? 'slots.tcvn3Lower and/or slots.tcvn3Upper' : `slots.${mode}`;
      throw new Error(`Vietnamese mode '${mode}' needs ${need}: the ESC t table number on this printer`);
    }
    if (mode === 'tcvn3' && slots.tcvn3Lower !== undefined && slots.tcvn3Lower === slots.tcvn3Upper) {
      throw new Error('TCVN-3 lowercase and capitals tables cannot share one ESC t number; give only tcvn3Lower');
    }
    this.tableOf = {
      tcvn3Lower: slots.tcvn3Lower,
      tcvn3Upper: slots.tcvn3Upper,
      cp1258: slots.cp1258,
      viscii: slots.viscii,
      ascii: slots.ascii ?? 0,
    };
    this.current = currentTable;
  }

  /** The ESC t table the printer is in after the bytes returned so far (undefined = not known). */
  get currentTable(): number | undefined {
    return this.current;
  }

  /** Forget the table (the next printable byte will be preceded by ESC t again). */
  forgetTable(): void {
    this.current = undefined;
  }

  /** Tell the encoder another part of the code selected table `n` (or undefined if unknown). */
  assumeTable(n: number | undefined): void {
    checkTable('table', n);
    this.current = n;
  }

  /** The table used for text that prints alike everywhere, when nothing else decides it. */
  private defaultTable(): number {
    const first = this.pages[0];
    return first === undefined ? (this.tableOf.ascii ?? 0) : (this.tableOf[first] ?? 0);
  }

  encode(text: string): Uint8Array {
    const units = clusters(text).flatMap((c) => unitsFor(c, this.mode, this.pages));
    const out: number[] = [];
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      let wanted: number | undefined;
      if (unit.page !== null) {
        wanted = this.tableOf[unit.page];
      } else if (this.current === undefined && unit.bytes[0] !== LF) {
        // ASCII prints alike in every table; pick the table the next non-ASCII character needs,
        // so a line that starts with ASCII does not switch twice.
        const next = units.slice(i + 1).find((u) => u.page !== null);
        wanted = next && next.page !== null ? this.tableOf[next.page] : this.defaultTable();
      }
      if (wanted !== undefined && wanted !== this.current) {
        out.push(ESC, 0x74, wanted);
        this.current = wanted;
      }
      out.push(...unit.bytes);
    }
    return Uint8Array.from(out);
  }
}

/**
 * ESC t switches + bytes for `text` (NFC-normalised first). The printer's table is taken as unknown,
 * so the first printable byte is always preceded by the ESC t it needs; within the call a switch is
 * sent only when the table changes. For a whole receipt use one EscposTextEncoder.
 */
export function encodeText(text: string, mode: VietnameseMode, slots: CodePageSlots): Uint8Array {
  return new EscposTextEncoder(mode, slots).encode(text);
}
