import { ApiError } from '../../../shared/api/errors';
import { t } from '../../../shared/messages/vi';
import { displayDate } from '../../../shared/time/vietnam';

const DAY_CLOSED = /DAY_CLOSED:(\d{4}-\d{2}-\d{2})/;

/**
 * The database refuses anything dated on a closed day (triggers of 006_day_close.sql raise
 * `DAY_CLOSED:<day>`); this is the one place that turns it into the clerk's message. Null for
 * any other error.
 */
export function dayClosedError(err: unknown): ApiError | null {
  if (!(err instanceof Error)) return null;
  const m = DAY_CLOSED.exec(err.message);
  return m ? new ApiError('CONFLICT', t('dayClose.closedDay', { date: displayDate(m[1]) })) : null;
}
