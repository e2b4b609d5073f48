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
