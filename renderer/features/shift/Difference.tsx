import { t } from '../../../shared/messages/vi';
import { money } from '../lifecycle/format';
import { differenceWord, signedMoney } from './format';

/** "20.000 đ counted / 0 đ expected · +20.000 đ (thừa)": a recap line, the difference in red unless it is nil. */
export function VsDifference({ counted, expected, difference }: { counted: number; expected: number; difference: number }) {
  return (
    <>
      {t('ui.shift.vs', { counted: money(counted), expected: money(expected) })} ·{' '}
      <strong className={difference === 0 ? 'ok' : 'error'}>
        {signedMoney(difference)} ({differenceWord(difference)})
      </strong>
    </>
  );
}
