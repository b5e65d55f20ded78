/**
 * Vietnamese text folding for search: lower case, diacritics removed, đ → d,
 * runs of anything that is not a letter or digit collapsed to one space.
 * "Đăng ký Kết hôn" and "dang ky ket hon" fold to the same string.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/(^|\s)\.+|\.+(?=\s|$)/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Lower-case NFC text with diacritics kept, for "the clerk typed the exact accents" bonuses. */
export function lowerVietnamese(input: string): string {
  return input.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Tokens of folded text; dots are kept inside codes ("1.001193") but split words otherwise. */
export function foldTokens(input: string): string[] {
  const folded = foldVietnamese(input);
  return folded ? folded.split(' ') : [];
}

/** Header matching for imported sheets: case, diacritics and surrounding spaces do not matter. */
export function headerKey(input: string): string {
  return foldVietnamese(input).replace(/[^a-z0-9]+/g, '');
}
