import { foldVietnamese } from '../text/fold';
import { formatMoney } from '../messages/vi';
import type { DocumentForm, DocumentKind, Fee } from './schema';

/**
 * Parsing of the cells provinces write in their published spreadsheets. Each
 * parser returns `undefined` for a value it cannot read, so the importer can
 * report the exact cell.
 */

/** "50.000", "50,000", "50000", "50.000 đ", "" / "không" / "miễn" → 0. */
export function parseAmount(input: string | number | null | undefined): number | undefined {
  if (input === null || input === undefined) return 0;
  if (typeof input === 'number') return Number.isInteger(input) && input >= 0 ? input : undefined;
  const folded = foldVietnamese(input);
  if (folded === '' || /^(khong|mien|mien phi|khong thu|0)$/.test(folded)) return 0;
  const m = input.trim().match(/^(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(?:đ|đồng|d|dong|vnđ|vnd)?\.?$/i);
  if (!m) return undefined;
  return Number(m[1].replace(/[.,\s]/g, ''));
}

/** A fee cell: an amount, or tiers "Lần đầu: 100.000; Cấp lại: 50.000". */
export function parseFee(input: string | number | null | undefined): Fee | undefined {
  if (typeof input === 'string' && input.includes(':')) {
    const tiers: { label: string; amount: number }[] = [];
    for (const part of input.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
      const idx = part.lastIndexOf(':');
      if (idx <= 0) return undefined;
      const label = part.slice(0, idx).trim();
      const amount = parseAmount(part.slice(idx + 1));
      if (!label || amount === undefined) return undefined;
      tiers.push({ label, amount });
    }
    return tiers.length ? { kind: 'tiers', tiers } : undefined;
  }
  const amount = parseAmount(input);
  return amount === undefined ? undefined : { kind: 'fixed', amount };
}

export function formatFee(fee: Fee): string {
  if (fee.kind === 'fixed') return fee.amount === 0 ? '' : formatMoney(fee.amount);
  return fee.tiers.map((t) => `${t.label}: ${formatMoney(t.amount)}`).join('; ');
}

/** "x", "có", "yes", "1" → true; "", "không", "no", "0" → false. */
export function parseYesNo(input: string | number | boolean | null | undefined): boolean | undefined {
  if (typeof input === 'boolean') return input;
  if (input === null || input === undefined) return false;
  const folded = foldVietnamese(String(input));
  if (['x', 'co', 'yes', 'y', '1', 'true', 'dung'].includes(folded)) return true;
  if (['', 'khong', 'no', 'n', '0', 'false'].includes(folded)) return false;
  return undefined;
}

/** Working days: 15, "15", "0,5", "15 ngày", "trong ngày" → 0. */
export function parseDays(input: string | number | null | undefined): number | undefined {
  if (typeof input === 'number') return input >= 0 ? input : undefined;
  if (input === null || input === undefined) return undefined;
  const folded = foldVietnamese(input);
  if (folded === 'trong ngay' || folded === 'ngay lam viec') return 0;
  const m = input.trim().match(/^(\d+(?:[.,]\d+)?)(.*)$/);
  if (!m || !['', 'ngay', 'ngay lam viec'].includes(foldVietnamese(m[2]))) return undefined;
  return Number(m[1].replace(',', '.'));
}

export function parseCount(input: string | number | null | undefined): number | undefined {
  if (input === null || input === undefined || input === '') return 0;
  const n = typeof input === 'number' ? input : Number(String(input).trim());
  return Number.isInteger(n) && n >= 0 && n <= 99 ? n : undefined;
}

const KIND_WORDS: Record<string, DocumentKind> = {
  '': 'mandatory',
  'bat buoc': 'mandatory',
  'dieu kien': 'conditional',
  'co dieu kien': 'conditional',
  'thay the': 'alternative',
  'lua chon': 'alternative',
  'khong bat buoc': 'optional',
  'tuy chon': 'optional',
};
export function parseKind(input: string | null | undefined): DocumentKind | undefined {
  return KIND_WORDS[foldVietnamese(input ?? '')];
}
export const KIND_LABELS: Record<DocumentKind, string> = {
  mandatory: 'Bắt buộc',
  conditional: 'Điều kiện',
  alternative: 'Thay thế',
  optional: 'Không bắt buộc',
};

const FORM_WORDS: Record<string, DocumentForm> = {
  'ban chinh': 'original',
  'ban sao chung thuc': 'certified_copy',
  'ban sao co chung thuc': 'certified_copy',
  'ban sao': 'copy',
  'ban chup': 'copy',
  'ban sao kem ban chinh': 'copy_with_original',
  'ban sao kem ban chinh de doi chieu': 'copy_with_original',
};
export function parseForm(input: string | null | undefined): DocumentForm | undefined {
  return FORM_WORDS[foldVietnamese(input ?? '')];
}
export const FORM_LABELS: Record<DocumentForm, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
  copy_with_original: 'Bản sao kèm bản chính',
};

/**
 * Provinces' sheets give only "Bản chính: N, Bản sao: M"; the form the clerk
 * must check is read from the document's own wording when no form column exists.
 */
export function inferForm(name: string, originals: number, copies: number): DocumentForm {
  if (copies === 0) return 'original';
  const folded = foldVietnamese(name);
  if (originals === 0 && /chung thuc|tu so goc|sao y/.test(folded)) return 'certified_copy';
  if (/doi chieu|xuat trinh ban chinh|kem ban chinh/.test(folded)) return 'copy_with_original';
  return originals > 0 ? 'original' : 'copy';
}
