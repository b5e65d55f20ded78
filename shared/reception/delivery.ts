import type { Delivery } from '../api/reception';
import { t } from '../messages/vi';

/** Where the result goes, in the words of the receipt and the lists. */
export function deliveryText(d: Delivery): string {
  if (d.kind === 'address') return t('reception.delivery.address', { address: `${d.street}, ${d.commune}, ${d.province}` });
  if (d.kind === 'pickup_here') return t('reception.delivery.here');
  if (d.kind === 'at_agency') return t('reception.delivery.atAgency');
  return t('reception.delivery.other', { point: d.pointName });
}

