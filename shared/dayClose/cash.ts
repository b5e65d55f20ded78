import { formatMoney, t } from '../messages/vi';

/**
 * The blind cash count of a shift or a day: banknotes counted by denomination, transfers
 * confirmed as one total, then compared with what the ledger expects. Pure: no clock, no database.
 */

/** Vietnamese banknotes in circulation, biggest first (coins are no longer issued). */
export const DENOMINATIONS = [500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

export interface DenominationCount {
  value: number;
  count: number;
}

export interface CountedNote extends DenominationCount {
  amount: number;
}

function isDenomination(value: number): value is Denomination {
  return (DENOMINATIONS as readonly number[]).includes(value);
}

/** What is wrong with a count sheet, in Vietnamese; empty when it can be accepted. */
export function countProblems(counts: readonly DenominationCount[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const c of counts) {
    if (!isDenomination(c.value)) problems.push(t('dayClose.count.unknownNote', { value: formatMoney(c.value) }));
    else if (seen.has(c.value)) problems.push(t('dayClose.count.duplicateNote', { value: formatMoney(c.value) }));
    seen.add(c.value);
    if (!Number.isInteger(c.count) || c.count < 0) problems.push(t('dayClose.count.badQuantity', { value: formatMoney(c.value) }));
  }
  return problems;
}

/** Every denomination, biggest first, with its count (0 when not given) and its amount. */
export function normaliseCount(counts: readonly DenominationCount[]): CountedNote[] {
  const byValue = new Map(counts.map((c) => [c.value, c.count]));
  return DENOMINATIONS.map((value) => {
    const count = byValue.get(value) ?? 0;
    return { value, count, amount: value * count };
  });
}

export function cashTotal(counts: readonly DenominationCount[]): number {
  return normaliseCount(counts).reduce((sum, n) => sum + n.amount, 0);
}

export interface CloseAmounts {
  cashExpected: number;
  cashCounted: number;
  transferExpected: number;
  transferConfirmed: number;
}

export interface CloseAssessment {
  cashDifference: number;
  transferDifference: number;
  /** Any difference at all must be explained. */
  needsReason: boolean;
  /** A difference above the manager's threshold (either method) needs a manager's approval too. */
  needsApproval: boolean;
}

/** Counted minus expected: positive = more money than the ledger says (thừa), negative = short (thiếu). */
export function assessClose(a: CloseAmounts, threshold: number): CloseAssessment {
  const cashDifference = a.cashCounted - a.cashExpected;
  const transferDifference = a.transferConfirmed - a.transferExpected;
  return {
    cashDifference,
    transferDifference,
    needsReason: cashDifference !== 0 || transferDifference !== 0,
    needsApproval: Math.abs(cashDifference) > threshold || Math.abs(transferDifference) > threshold,
  };
}

/** Why a close cannot go through yet (Vietnamese), or null when it can. */
export function closeRefusal(a: CloseAssessment, o: { reason?: string | null; approved: boolean; threshold: number }): string | null {
  const reason = o.reason?.trim() ?? '';
  if (a.needsReason && reason.length < 5) return t('dayClose.count.reasonRequired', { difference: differenceText(a) });
  if (a.needsApproval && !o.approved) return t('dayClose.count.approvalRequired', { difference: differenceText(a), threshold: formatMoney(o.threshold) });
  return null;
}

/** "tiền mặt thừa 20.000 đ; chuyển khoản thiếu 5.000 đ". */
export function differenceText(a: Pick<CloseAssessment, 'cashDifference' | 'transferDifference'>): string {
  const part = (method: 'cash' | 'transfer', d: number) =>
    t(d > 0 ? 'dayClose.count.over' : 'dayClose.count.short', { method: t(`dayClose.method.${method}`), amount: formatMoney(Math.abs(d)) });
  const parts: string[] = [];
  if (a.cashDifference !== 0) parts.push(part('cash', a.cashDifference));
  if (a.transferDifference !== 0) parts.push(part('transfer', a.transferDifference));
  return parts.length ? parts.join('; ') : t('dayClose.count.noDifference');
}
