import { describe, expect, it } from 'vitest';
import { EMPTY_QUESTION_FORM, fieldErrorsOf, questionFormSchema, questionFormValuesOf } from './question-form.schema';

const valid = {
  ...EMPTY_QUESTION_FORM,
  title: 'Daily active users',
  roundKind: 'SQL',
  difficulty: 'EASY',
  prompt: 'Count DAU per `ds`.',
};

function errorsFor(input: unknown): Record<string, string[]> {
  const result = questionFormSchema.safeParse(input);
  if (result.success) throw new Error('expected the form to be refused');
  return fieldErrorsOf(result.error);
}

describe('questionFormSchema', () => {
  it('names every missing required field once, with its own message', () => {
    expect(errorsFor(EMPTY_QUESTION_FORM)).toEqual({
      title: ['Enter a title.'],
      roundKind: ['Choose a round.'],
      difficulty: ['Choose a difficulty.'],
      prompt: ['Write the prompt the candidate will see.'],
    });
  });

  it('bounds the title at 3 to 120 characters, ignoring surrounding spaces', () => {
    expect(errorsFor({ ...valid, title: '  ab  ' }).title).toEqual(['Use at least 3 characters.']);
    expect(errorsFor({ ...valid, title: 'x'.repeat(121) }).title).toEqual(['Use at most 120 characters.']);
    expect(questionFormSchema.parse({ ...valid, title: '  abc  ' }).title).toBe('abc');
  });

  it('bounds the prompt and the solution', () => {
    expect(errorsFor({ ...valid, prompt: 'x'.repeat(20_001) }).prompt).toEqual(['Keep the prompt under 20,000 characters.']);
    expect(errorsFor({ ...valid, solution: 'x'.repeat(50_001) }).solution).toEqual(['Keep the solution under 50,000 characters.']);
  });

  it('accepts only signals of the chosen round', () => {
    expect(errorsFor({ ...valid, signalKeys: ['sql.names-partition-filter', 'design.not-a-sql-signal'] }).signalKeys).toEqual([
      'Choose signals of the SQL round only (not design.not-a-sql-signal).',
    ]);
    expect(questionFormSchema.parse({ ...valid, signalKeys: ['sql.names-partition-filter'] }).guide.signalKeys).toEqual(['sql.names-partition-filter']);
  });

  it('turns hints into one per line and probes into the E4 → E6 ladder', () => {
    const input = questionFormSchema.parse({
      ...valid,
      prompt: '    indented code\r\nline two\r\n',
      hints: 'First\r\n\r\n  Second  \n',
      probeE4: 'Ties?',
      probeE4LookFor: 'A tie-breaker',
      probeE6: 'Backfill a year?',
    });
    expect(input.prompt).toBe('    indented code\nline two');
    expect(input.guide.hints).toEqual(['First', 'Second']);
    expect(input.guide.probes).toEqual([
      { level: 'E4', prompt: 'Ties?', lookFor: 'A tie-breaker' },
      { level: 'E6', prompt: 'Backfill a year?', lookFor: '' },
    ]);
    expect(input.guide.solution).toBe('');
  });

  it('refuses what to look for without its probe', () => {
    expect(errorsFor({ ...valid, probeE5LookFor: 'Something' }).probeE5).toEqual(['Write the E5 probe, or clear what to look for.']);
  });

  it('round-trips a stored question through the edit form', () => {
    const input = questionFormSchema.parse({ ...valid, hints: 'a\nb', probeE5: 'Why?', probeE5LookFor: 'Because', signalKeys: ['sql.names-partition-filter'] });
    const values = questionFormValuesOf(input, { ...input.guide, twists: [] });
    expect(questionFormSchema.parse(values)).toEqual(input);
  });

  describe('scripted twists', () => {
    const design = { ...valid, roundKind: 'SYSTEM_DESIGN' };
    const hotKey = {
      twist1Title: 'A hot key',
      twist1Prompt: 'One advertiser is 15% of traffic. What breaks?',
      twist1StrongAnswer: 'Two-stage aggregation.',
      twist1Signal: 'design.partitions-for-hot-keys',
    };

    it('stores a filled slot as a twist keyed from its title, and ignores empty slots', () => {
      expect(questionFormSchema.parse({ ...design, ...hotKey }).guide.twists).toEqual([
        { key: 'a-hot-key', title: 'A hot key', prompt: hotKey.twist1Prompt, strongAnswer: 'Two-stage aggregation.', probesSignalKey: 'design.partitions-for-hot-keys' },
      ]);
    });

    it('keeps a stored key through an edit, and never gives two twists one key', () => {
      const twists = questionFormSchema.parse({
        ...design,
        ...hotKey,
        twist1Key: 'hot-advertiser',
        twist2Title: 'A hot key',
        twist2Prompt: 'Again?',
        twist2Signal: 'design.partitions-for-hot-keys',
        twist3Title: 'Hot advertiser',
        twist3Prompt: 'And again?',
        twist3Signal: 'design.partitions-for-hot-keys',
      }).guide.twists;
      expect(twists.map((twist) => twist.key)).toEqual(['hot-advertiser', 'a-hot-key', 'hot-advertiser-2']);
    });

    it('asks for the title, the candidate text and a signal of the question’s round', () => {
      expect(errorsFor({ ...design, twist2StrongAnswer: 'Something' })).toEqual({
        twist2Title: ['Give the twist a name.'],
        twist2Prompt: ['Write what the candidate sees when you fire it.'],
        twist2Signal: ['Choose the Distributed system design signal it probes.'],
      });
      expect(errorsFor({ ...design, ...hotKey, twist1Signal: 'sql.names-partition-filter' }).twist1Signal).toHaveLength(1);
    });

    it('refuses twists on rounds steered with probes instead', () => {
      expect(errorsFor({ ...valid, ...hotKey, roundKind: 'BEHAVIORAL' }).twist1Title).toEqual([
        'Twists are for SQL, data-modeling and design rounds; clear this one.',
      ]);
    });

    it('round-trips stored twists through the edit form', () => {
      const input = questionFormSchema.parse({ ...design, ...hotKey });
      expect(questionFormSchema.parse(questionFormValuesOf(input, input.guide))).toEqual(input);
    });
  });
});
