import { DENOMINATIONS } from '../../../shared/dayClose/cash';
import { t } from '../../../shared/messages/vi';

/**
 * The blind count sheet as typed: one text per banknote (blank = none of it) and the transfer
 * total the clerk read on the bank statement. Checked here before anything is sent.
 */
export interface CountForm {
  notes: Partial<Record<number, string>>;
  transfer: string;
}

export interface CountValue {
  denominations: { value: number; count: number }[];
  transferConfirmed: number;
}

export const emptyCountForm = (): CountForm => ({ notes: {}, transfer: '' });

export const noteField = (value: number) => `note.${value}`;
export const TRANSFER_FIELD = 'transfer';

const MAX_NOTES = 1_000_000;
const MAX_TRANSFER = 1_000_000_000_000;

/** "12" → 12 banknotes; null when it is not a whole number from 0 to 1.000.000. */
export function parseNotes(text: string): number | null {
  const s = text.trim().replace(/[.\s]/g, '');
  if (!/^\d{1,7}$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_NOTES ? n : null;
}

/** "1.234.000", "1 234 000", "1234000 đ", "-5000" → đồng; null when it is not a whole amount. */
export function parseAmount(text: string): number | null {
  const s = text.trim().replace(/\s*(đ|đồng|vnd)$/i, '').replace(/[.\s]/g, '');
  if (!/^-?\d{1,13}$/.test(s)) return null;
  const n = Number(s);
  return Math.abs(n) <= MAX_TRANSFER ? n : null;
}

/** The cash the sheet adds up to so far (fields not yet valid count as none). */
export function countedCash(form: CountForm): number {
  return DENOMINATIONS.reduce((sum, v) => sum + v * (parseNotes(form.notes[v] ?? '') ?? 0), 0);
}

/** The sheet → the API's count, or the problems by field (noteField(v), TRANSFER_FIELD). */
export function checkCount(form: CountForm): { value?: CountValue; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const denominations: CountValue['denominations'] = [];
  let typed = 0;
  for (const v of DENOMINATIONS) {
    const text = (form.notes[v] ?? '').trim();
    if (!text) continue;
    typed++;
    const n = parseNotes(text);
    if (n === null) errors[noteField(v)] = t('ui.count.err.notes');
    else denominations.push({ value: v, count: n });
  }
  if (typed === 0) errors[noteField(DENOMINATIONS[0])] = t('ui.count.err.noNotes');
  const transfer = form.transfer.trim();
  const transferConfirmed = parseAmount(transfer);
  if (!transfer) errors[TRANSFER_FIELD] = t('ui.count.err.transferRequired');
  else if (transferConfirmed === null) errors[TRANSFER_FIELD] = t('ui.count.err.transfer');
  if (Object.keys(errors).length || transferConfirmed === null) return { errors };
  return { value: { denominations, transferConfirmed }, errors };
}

/** The reception's key makers: a fresh key per attempt, and a hash of what is sent so a retry of the same sheet never records a second count. */
export { newKey, shortHash } from '../reception/model';

/** What the manager or clerk decides after seeing the difference. */
export interface Decision {
  reason?: string;
  approval?: { username: string; password: string };
}

export interface DecisionForm {
  reason: string;
  username: string;
  password: string;
}

export const emptyDecision = (): DecisionForm => ({ reason: '', username: '', password: '' });

/** The decision the API needs for this count (a reason for any difference, an approval above the threshold), or the problems by field. */
export function checkDecision(form: DecisionForm, needs: { needsReason: boolean; needsApproval: boolean }): { value?: Decision; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const reason = form.reason.trim();
  if (needs.needsReason) {
    if (!reason) errors.reason = t('ui.close.err.reasonRequired');
    else if (reason.length < 5) errors.reason = t('field.tooShort', { min: 5 });
    else if (reason.length > 500) errors.reason = t('field.tooLong', { max: 500 });
  }
  if (needs.needsApproval) {
    if (!form.username.trim()) errors.username = t('ui.close.err.approverRequired');
    if (!form.password) errors.password = t('ui.close.err.passwordRequired');
  }
  if (Object.keys(errors).length) return { errors };
  return {
    value: {
      ...(needs.needsReason ? { reason } : {}),
      ...(needs.needsApproval ? { approval: { username: form.username.trim(), password: form.password } } : {}),
    },
    errors,
  };
}

/** A reason for closing with work still open (5 to 500 characters), or the problem. */
export function checkOverrideReason(text: string): { value?: string; error?: string } {
  const reason = text.trim();
  if (!reason) return { error: t('ui.dayClose.err.overrideRequired') };
  if (reason.length < 5) return { error: t('field.tooShort', { min: 5 }) };
  if (reason.length > 500) return { error: t('field.tooLong', { max: 500 }) };
  return { value: reason };
}
