import type { z } from 'zod';
import type { deliveryOutcomeSchema } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { parseDayFirst } from '../reception/model';

export type DeliveryOutcome = z.infer<typeof deliveryOutcomeSchema>;
export type OutcomeKind = DeliveryOutcome['kind'];

/** The postman's report on one result, as typed. */
export interface OutcomeForm {
  kind: OutcomeKind | '';
  receiverName: string;
  relation: string;
  idChecked: boolean;
  reason: string;
  /** dd/mm/yyyy or empty. */
  nextAttempt: string;
}

export const emptyOutcome = (): OutcomeForm => ({ kind: '', receiverName: '', relation: '', idChecked: false, reason: '', nextAttempt: '' });

/** The form → `delivery.recordOutcome`'s outcome, or errors by field. `today` is ISO (a next attempt is not in the past). */
export function checkOutcome(f: OutcomeForm, today: string): { value?: DeliveryOutcome; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const min = (field: string, v: string, n: number) => {
    const s = v.trim();
    if (!s) errors[field] = t('field.required');
    else if (s.length < n) errors[field] = t('field.tooShort', { min: n });
    return s;
  };
  if (f.kind === '') {
    errors.kind = t('ui.delivery.err.kind');
    return { errors };
  }
  if (f.kind === 'delivered') {
    const receiverName = min('receiverName', f.receiverName, 2);
    const relation = min('relation', f.relation, 2);
    if (Object.keys(errors).length > 0) return { errors };
    return { value: { kind: 'delivered', receiverName, relation, idChecked: f.idChecked }, errors };
  }
  const reason = min('reason', f.reason, 3);
  if (f.kind === 'returned') return Object.keys(errors).length > 0 ? { errors } : { value: { kind: 'returned', reason }, errors };
  let nextAttempt: string | undefined;
  if (f.nextAttempt.trim()) {
    const iso = parseDayFirst(f.nextAttempt);
    if (!iso) errors.nextAttempt = t('recv.err.date');
    else if (iso < today) errors.nextAttempt = t('ui.delivery.err.pastDate');
    else nextAttempt = iso;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { value: { kind: 'failed', reason, ...(nextAttempt ? { nextAttempt } : {}) }, errors };
}
