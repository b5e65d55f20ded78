import { ApiError } from '../../shared/api/errors';
import { t } from '../../shared/messages/vi';

/** The message a clerk sees for any failure: the API's Vietnamese message, or a generic one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return t('error.INTERNAL');
}

export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION' || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as { path: string[]; message: string }[]) out[d.path.join('.')] ??= d.message;
  return out;
}
