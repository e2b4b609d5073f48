import { describe, expect, it } from 'vitest';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { BUILT_IN_SQL_FIXTURES, sqlFixtureOf } from './built-in-fixtures';
import { diffResultRows } from './diff-result-rows';
import { executeInSandbox } from './execute-in-sandbox';

const limits = { timeoutMs: 5_000, memoryLimitMb: 256, maxRows: 500 };

// Correct by construction: every SQL question's reference query matches its own fixture, and every classic mistake
// its file lists is caught. A coach's new question fails here, not in a candidate's report.
describe('built-in SQL fixtures', () => {
  it('cover every built-in SQL question, and only those', () => {
    const sqlSlugs = BUILT_IN_QUESTIONS.filter((question) => question.roundKind === 'SQL').map((question) => question.slug);
    expect(BUILT_IN_SQL_FIXTURES.map((fixture) => fixture.slug).sort()).toEqual(sqlSlugs.sort());
    expect(sqlFixtureOf(null)).toBeNull();
    expect(sqlFixtureOf('no-such-question')).toBeNull();
  });

  describe.each(BUILT_IN_SQL_FIXTURES.map((fixture) => [fixture.slug, fixture] as const))('%s', (_slug, fixture) => {
    it('its reference query matches itself with a non-empty result', async () => {
      const outcome = await executeInSandbox({ ...fixture, answerSql: fixture.referenceSql, limits });
      expect(outcome.status).toBe('RAN');
      if (outcome.status !== 'RAN') return;
      expect(outcome.expected.rows.length).toBeGreaterThan(0);
      expect(outcome.expected.isTruncated).toBe(false);
      expect(diffResultRows(outcome.answer, outcome.expected).isMatch).toBe(true);
    });

    it.each(fixture.wrongAnswers.map((wrong) => [wrong.mistake, wrong.sql] as const))('catches the mistake: %s', async (_mistake, sql) => {
      const outcome = await executeInSandbox({ ...fixture, answerSql: sql, limits });
      // A mistake must run and give the wrong rows (Mismatch): one that merely errors would teach nothing.
      expect(outcome.status).toBe('RAN');
      if (outcome.status !== 'RAN') return;
      expect(diffResultRows(outcome.answer, outcome.expected).isMatch).toBe(false);
    });
  });
});
