import type { QuestionFormState } from '@/components/questions/question-form';
import { isAppError, toPublicError } from '@/lib/errors';
import { TWIST_FIELDS, type QuestionFormValues } from '@/lib/questions/question-form.schema';

const TEXT_FIELDS = [
  'title',
  'roundKind',
  'difficulty',
  'prompt',
  'solution',
  'hints',
  'probeE4',
  'probeE4LookFor',
  'probeE5',
  'probeE5LookFor',
  'probeE6',
  'probeE6LookFor',
] as const satisfies readonly (keyof QuestionFormValues)[];

/** FormData → the flat values the question services validate (a missing field reads as empty). */
export function readQuestionForm(form: FormData): QuestionFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const values = Object.fromEntries([...TEXT_FIELDS, ...TWIST_FIELDS].map((name) => [name, text(name)])) as Omit<QuestionFormValues, 'signalKeys'>;
  return { ...values, signalKeys: form.getAll('signalKeys').filter((value): value is string => typeof value === 'string') };
}

/** A failed save as the form shows it: field messages, the values to refill, never an internal error's text. */
export function toQuestionFormErrorState(error: unknown, previous: QuestionFormState, values: QuestionFormValues): QuestionFormState {
  if (!isAppError(error)) console.error('saving a question failed', error);
  return {
    status: 'error',
    attempt: previous.attempt + 1,
    message: toPublicError(error).message,
    fieldErrors: isAppError(error) ? (error.details.fieldErrors ?? {}) : {},
    values,
  };
}
