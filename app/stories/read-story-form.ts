import type { StoryFormState } from '@/components/stories/story-form';
import { isAppError, toPublicError } from '@/lib/errors';
import type { StoryFormValues } from '@/lib/stories/story-form.schema';

const TEXT_FIELDS = ['title', 'scope', 'situation', 'problem', 'solution', 'impact', 'lessons', 'metrics'] as const satisfies readonly (keyof StoryFormValues)[];

/** FormData → the flat values the story services validate (a missing field reads as empty). */
export function readStoryForm(form: FormData): StoryFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])) as Omit<StoryFormValues, 'competencies'>;
  return { ...values, competencies: form.getAll('competencies').filter((value): value is string => typeof value === 'string') };
}

/** A failed save as the form shows it: field messages and the values to refill, never an internal error's text. */
export function toStoryFormErrorState(error: unknown, previous: StoryFormState, values: StoryFormValues): StoryFormState {
  if (!isAppError(error)) console.error('saving a story failed', error);
  return {
    status: 'error',
    attempt: previous.attempt + 1,
    message: toPublicError(error).message,
    fieldErrors: isAppError(error) ? (error.details.fieldErrors ?? {}) : {},
    values,
  };
}
