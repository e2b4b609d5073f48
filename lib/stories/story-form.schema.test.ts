import { describe, expect, it } from 'vitest';
import { invalidInput } from '@/lib/sessions/field-errors';
import { EMPTY_STORY_FORM, storyFormSchema, storyFormValuesOf } from './story-form.schema';

function errorsFor(input: unknown): Record<string, string[]> {
  const result = storyFormSchema.safeParse(input);
  if (result.success) throw new Error('expected the form to be refused');
  return invalidInput(result.error).details.fieldErrors ?? {};
}

const valid = { ...EMPTY_STORY_FORM, title: 'Billing pipeline migration', scope: 'MULTI_ORG' };

describe('storyFormSchema', () => {
  it('needs a title and a scope, nothing else', () => {
    expect(errorsFor(EMPTY_STORY_FORM)).toEqual({ title: ['Give the story a title.'], scope: ['Choose the scope: team, org or multi-org.'] });
    expect(storyFormSchema.parse(valid)).toMatchObject({ title: 'Billing pipeline migration', scope: 'MULTI_ORG', situation: '', competencies: [] });
  });

  it('keeps the SPSIL parts with clean newlines and bounds them', () => {
    const story = storyFormSchema.parse({ ...valid, situation: ' Ads billing at 2M events/s \r\n', metrics: '18 h → 4 min' });
    expect(story.situation).toBe('Ads billing at 2M events/s');
    expect(story.metrics).toBe('18 h → 4 min');
    expect(errorsFor({ ...valid, lessons: 'x'.repeat(4_001) }).lessons).toEqual(['Keep the lessons under 4,000 characters.']);
  });

  it('accepts only known competencies, each once, in the ledger’s order', () => {
    expect(storyFormSchema.parse({ ...valid, competencies: ['POST_MORTEM', 'MENTORING', 'POST_MORTEM'] }).competencies).toEqual(['MENTORING', 'POST_MORTEM']);
    expect(errorsFor({ ...valid, competencies: ['HEROICS'] }).competencies).toEqual(['Choose competencies from the list.']);
  });

  it('round-trips a stored story through the edit form', () => {
    const story = storyFormSchema.parse({ ...valid, problem: 'Late by a day', competencies: ['CROSS_TEAM_ALIGNMENT'] });
    expect(storyFormSchema.parse(storyFormValuesOf(story))).toEqual(story);
  });
});
