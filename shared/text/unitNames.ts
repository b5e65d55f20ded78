import { foldVietnamese } from './fold';

/**
 * Matching what a clerk types against the names of administrative units ("Phường Tuy Hòa",
 * "Thành phố Hà Nội"): case, diacritics, the tone-mark placement (hoà / hòa) and the unit-type
 * prefix ("Phường", "Xã", "Đặc khu"; "Thành phố", "Tỉnh", "TP.") do not matter — unless they are
 * what tells two units apart ("Xã Tân Thành" / "Xã Tân Thạnh", "Xã Đồng Tiến" / "Phường Đông Tiến").
 * Used by the host (validation on confirm) and the reception screen alike, so both agree.
 */

export interface AdminUnit {
  code: string;
  name: string;
}

export type UnitLevel = 'province' | 'commune';

const PREFIXES: Record<UnitLevel, { accented: string[]; folded: string[] }> = {
  province: { accented: ['thành phố', 'tỉnh', 'tp'], folded: ['thanh pho', 'tinh', 'tp'] },
  commune: { accented: ['phường', 'xã', 'đặc khu', 'p', 'x'], folded: ['phuong', 'xa', 'dac khu', 'p', 'x'] },
};

/** Lower case, NFC, diacritics kept, punctuation as spaces. */
const accentKey = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const foldKey = (s: string) => foldVietnamese(s.replace(/\./g, ' '));

function withoutPrefix(key: string, prefixes: string[]): string {
  for (const p of prefixes) if (key.startsWith(`${p} `) && key.length > p.length + 1) return key.slice(p.length + 1);
  return key;
}

export interface PreparedUnit<T extends AdminUnit = AdminUnit> {
  unit: T;
  accent: string;
  accentBare: string;
  fold: string;
  foldBare: string;
}

function keys(text: string, level: UnitLevel) {
  const accent = accentKey(text);
  const fold = foldKey(text);
  return { accent, accentBare: withoutPrefix(accent, PREFIXES[level].accented), fold, foldBare: withoutPrefix(fold, PREFIXES[level].folded) };
}

/** Computes the comparison keys once per list (the host keeps them; the screen memoises them). */
export function prepareUnits<T extends AdminUnit>(units: readonly T[], level: UnitLevel): PreparedUnit<T>[] {
  return units.map((unit) => ({ unit, ...keys(unit.name, level) }));
}

export type UnitMatch<T extends AdminUnit> = { kind: 'one'; unit: T } | { kind: 'many'; units: T[] } | { kind: 'none' };

/**
 * The unit the text names, from the strictest reading to the most tolerant: the exact name
 * (any case), the name without its prefix, then the same without diacritics. The first reading
 * that finds anything decides: one unit, or several (ambiguous: the clerk must choose).
 */
export function matchUnit<T extends AdminUnit>(prepared: readonly PreparedUnit<T>[], text: string, level: UnitLevel): UnitMatch<T> {
  const q = keys(text, level);
  if (!q.fold) return { kind: 'none' };
  const readings: ((u: PreparedUnit<T>) => boolean)[] = [
    (u) => u.accent === q.accent,
    (u) => u.accentBare === q.accentBare || u.accentBare === q.accent,
    (u) => u.fold === q.fold,
    (u) => u.foldBare === q.foldBare || u.foldBare === q.fold,
  ];
  for (const reading of readings) {
    const found = prepared.filter(reading);
    if (found.length === 1) return { kind: 'one', unit: found[0].unit };
    if (found.length > 1) return { kind: 'many', units: found.map((u) => u.unit) };
  }
  return { kind: 'none' };
}

/** The one unit the text names, or null (none, or ambiguous). */
export function findUnit<T extends AdminUnit>(prepared: readonly PreparedUnit<T>[], text: string, level: UnitLevel): T | null {
  const m = matchUnit(prepared, text, level);
  return m.kind === 'one' ? m.unit : null;
}

/**
 * Suggestions while typing: units whose name (without diacritics) contains what was typed,
 * those starting with it first ("nha trang" → Phường Nha Trang, Phường Bắc Nha Trang…).
 */
export function suggestUnits<T extends AdminUnit>(prepared: readonly PreparedUnit<T>[], text: string, level: UnitLevel, limit = 12): T[] {
  const q = keys(text, level);
  if (!q.fold) return prepared.slice(0, limit).map((u) => u.unit);
  const starts: T[] = [];
  const contains: T[] = [];
  for (const u of prepared) {
    if (u.fold.startsWith(q.fold) || u.foldBare.startsWith(q.foldBare)) starts.push(u.unit);
    else if (u.fold.includes(q.fold) || u.foldBare.includes(q.foldBare)) contains.push(u.unit);
  }
  return [...starts, ...contains].slice(0, limit);
}
