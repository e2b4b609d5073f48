import { z } from 'zod';
import {
  SPSIL_PARTS,
  STORY_COMPETENCIES,
  STORY_METRICS_MAX_LENGTH,
  STORY_PART_MAX_LENGTH,
  STORY_SCOPES,
  STORY_TITLE_MAX_LENGTH,
  type SpsilPart,
  type StoryCompetencyName,
  type StoryScopeName,
} from './story-vocabulary';
import type { FormState } from '@/lib/http/form-state';

/** What the story form submits: flat strings as FormData carries them (competencies may repeat). */
export interface StoryFormValues extends Record<SpsilPart, string> {
  title: string;
  scope: string;
  metrics: string;
  competencies: string[];
}

/** A validated story, ready to store. */
export interface StoryInput extends Record<SpsilPart, string> {
  title: string;
  scope: StoryScopeName;
  metrics: string;
  competencies: StoryCompetencyName[];
}

// Browsers submit textareas with CRLF; store LF.
const text = (max: number, what: string) =>
  z
    .string()
    .default('')
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .pipe(z.string().trim().max(max, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`));

const partFields = Object.fromEntries(SPSIL_PARTS.map((part) => [part, text(STORY_PART_MAX_LENGTH, `the ${part}`)])) as Record<
  SpsilPart,
  ReturnType<typeof text>
>;

export const storyFormSchema = z
  .object({
    title: z
      .string({ error: 'Give the story a title.' })
      .trim()
      .min(1, { message: 'Give the story a title.', abort: true })
      .min(3, 'Use at least 3 characters.')
      .max(STORY_TITLE_MAX_LENGTH, `Use at most ${STORY_TITLE_MAX_LENGTH} characters.`),
    scope: z.enum(STORY_SCOPES, { error: 'Choose the scope: team, org or multi-org.' }),
    ...partFields,
    metrics: text(STORY_METRICS_MAX_LENGTH, 'the numbers'),
    competencies: z.array(z.enum(STORY_COMPETENCIES, { error: 'Choose competencies from the list.' })).default([]),
  })
  .transform(
    (form): StoryInput => ({
      ...form,
      // In the ledger's order, each once, however the form sent them.
      competencies: STORY_COMPETENCIES.filter((competency) => form.competencies.includes(competency)),
    }),
  );

export const EMPTY_STORY_FORM: StoryFormValues = {
  title: '',
  scope: '',
  situation: '',
  problem: '',
  solution: '',
  impact: '',
  lessons: '',
  metrics: '',
  competencies: [],
};

/** Pre-fills the edit form from a stored story. */
export function storyFormValuesOf(story: StoryInput): StoryFormValues {
  return {
    title: story.title,
    scope: story.scope,
    situation: story.situation,
    problem: story.problem,
    solution: story.solution,
    impact: story.impact,
    lessons: story.lessons,
    metrics: story.metrics,
    competencies: [...story.competencies],
  };
}

/** The story form between submissions (create and edit). */
export type StoryFormState = FormState<StoryFormValues>;
