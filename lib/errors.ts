// The one error type of the domain. Each transport maps it once: HTTP status, socket ack, form errors.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export function isAppError(error: unknown): error is AppError {
  if (error instanceof AppError) return true;
  // Next bundles lib/ into more than one server layer (route handlers, actions), so a process-wide singleton
  // such as the sign-in limiter may throw another copy's AppError: recognise it by its shape.
  return error instanceof Error && error.name === 'AppError' && typeof (error as { code?: unknown }).code === 'string';
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

export const GENERIC_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/** What a user may be shown: an AppError's own message, never an unexpected error's internals. */
export function toPublicError(error: unknown): { code: ErrorCode | 'INTERNAL'; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: GENERIC_ERROR_MESSAGE };
}
