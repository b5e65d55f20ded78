import { ApiError } from '../../../shared/api/errors';
import { t } from '../../../shared/messages/vi';
import { isIsoDay } from '../../../shared/time/vietnam';

/** [from, to] as the ledger and the reports take it: real days, in order, at most `maxDays` days (inclusive). */
export function checkDayRange(from: string, to: string, maxDays: number): void {
  for (const d of [from, to]) if (!isIsoDay(d)) throw ApiError.of('VALIDATION', { detail: t('dayClose.badDate', { value: d }) });
  if (from > to) throw new ApiError('CONFLICT', t('dayClose.rangeReversed'));
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > maxDays) throw new ApiError('CONFLICT', t('dayClose.rangeTooLong', { days: maxDays }));
}
