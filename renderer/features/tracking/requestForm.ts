import type { z } from 'zod';
import type { agencyRequestInputSchema } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';

export type AgencyRequestInput = z.input<typeof agencyRequestInputSchema>;

/** The items the agency asks for, one per line (blank lines dropped). */
export function splitItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The form → `agency.request`'s input, or errors by field. A supplement request names at least one item. */
export function checkAgencyRequest(
  dossierId: number,
  kind: 'supplement' | 'refusal',
  reason: string,
  itemsText: string,
  reference: string,
): { value?: AgencyRequestInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const r = reason.trim();
  if (!r) errors.reason = t('field.required');
  else if (r.length < 3) errors.reason = t('field.tooShort', { min: 3 });
  else if (r.length > 500) errors.reason = t('field.tooLong', { max: 500 });
  const items = kind === 'supplement' ? splitItems(itemsText) : [];
  if (kind === 'supplement') {
    if (items.length === 0) errors.items = t('ui.tracking.err.noItems');
    else if (items.length > 30) errors.items = t('ui.tracking.err.tooManyItems');
    else {
      const bad = items.findIndex((s) => s.length < 2 || s.length > 300);
      if (bad >= 0) errors.items = t('ui.tracking.err.item', { n: bad + 1 });
    }
  }
  const ref = reference.trim();
  if (ref.length > 100) errors.reference = t('field.tooLong', { max: 100 });
  if (Object.keys(errors).length > 0) return { errors };
  return { value: { dossierId, kind, reason: r, items, ...(ref ? { reference: ref } : {}) }, errors };
}
