import { describe, expect, it } from 'vitest';
import { resolveFeedbackAuthors } from './resolve-feedback-authors';

describe('resolveFeedbackAuthors', () => {
  it('takes every published interviewer of the session for a round that names none', () => {
    expect(resolveFeedbackAuthors({ interviewerId: null }, ['lead', 'shadow', 'quiet'], new Set(['lead', 'shadow']))).toEqual(['lead', 'shadow']);
  });

  it('takes only the named interviewer of a round, and only once they have published', () => {
    expect(resolveFeedbackAuthors({ interviewerId: 'peer' }, ['peer', 'other'], new Set(['other']))).toEqual([]);
    expect(resolveFeedbackAuthors({ interviewerId: 'peer' }, ['peer', 'other'], new Set(['peer', 'other']))).toEqual(['peer']);
  });
});
