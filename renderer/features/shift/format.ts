import { t } from '../../../shared/messages/vi';
import { money } from '../lifecycle/format';

/** +20.000 đ / -5.000 đ / 0 đ: a difference, counted minus expected. */
export function signedMoney(amount: number): string {
  return amount > 0 ? `+${money(amount)}` : money(amount);
}

/** "thừa" / "thiếu" / "khớp" for a difference. */
export function differenceWord(amount: number): string {
  return t(amount > 0 ? 'ui.close.over' : amount < 0 ? 'ui.close.short' : 'ui.close.even');
}

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 75.5 → "75,5 %"; "—" when there is nothing to divide by. */
export function percentText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${percentFormat.format(value)} %`;
}
