import type { z } from 'zod';
import type { agencyReceiptInputSchema, DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { parseDayFirst } from '../reception/model';

/** One dossier's line of the agency's receipt, as typed. */
export interface ReceiptRow {
  /** dd/mm/yyyy, or empty: the date stays. */
  resultDate: string;
  refuse: boolean;
  reason: string;
}

export type AgencyReceiptInput = z.input<typeof agencyReceiptInputSchema>;

/**
 * The form → `handover.agencyReceipt`'s input, or the errors by field (`receiver`,
 * `<dossierId>.resultDate`, `<dossierId>.reason`). A refused dossier gets no new date.
 */
export function checkAgencyReceipt(
  manifestId: number,
  receiver: string,
  dossiers: readonly Pick<DossierSummary, 'id'>[],
  rows: Readonly<Record<number, ReceiptRow>>,
  feesHandedOver: boolean,
): { value?: AgencyReceiptInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = receiver.trim();
  if (!name) errors.receiver = t('field.required');
  else if (name.length < 2) errors.receiver = t('field.tooShort', { min: 2 });
  const resultDates: { dossierId: number; resultDate: string }[] = [];
  const refused: { dossierId: number; reason: string }[] = [];
  for (const d of dossiers) {
    const r = rows[d.id];
    if (!r) continue;
    if (r.refuse) {
      const reason = r.reason.trim();
      if (reason.length < 3) errors[`${d.id}.reason`] = t('ui.handover.err.reason');
      else refused.push({ dossierId: d.id, reason });
    } else if (r.resultDate.trim()) {
      const iso = parseDayFirst(r.resultDate);
      if (!iso) errors[`${d.id}.resultDate`] = t('recv.err.date');
      else resultDates.push({ dossierId: d.id, resultDate: iso });
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { value: { manifestId, receiverName: name, resultDates, refused, feesHandedOver }, errors };
}
