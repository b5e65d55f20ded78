import { t, type MessageKey } from '../messages/vi';

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SETUP_REQUIRED',
  'SETUP_DONE',
  'BAD_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'IMPORT_INVALID',
  'INTERNAL',
  'DB_NEWER',
  'TIMEOUT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  /** Vietnamese, for the clerk. */
  message: string;
  details?: unknown;
}

/** An expected failure with a stable code and a message the clerk can act on. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  static of(code: ErrorCode, params?: Record<string, string | number>, details?: unknown): ApiError {
    return new ApiError(code, t(`error.${code}` as MessageKey, params), details);
  }
  toShape(): ApiErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
