import type { ZodError } from 'zod';
import { AppError } from '@/lib/errors';

/** A zod failure as the one INVALID_INPUT error every form and socket ack understands. */
export function invalidInput(error: ZodError, message = 'Please correct the highlighted fields.'): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return new AppError('INVALID_INPUT', message, { fieldErrors });
}
