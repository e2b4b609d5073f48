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
