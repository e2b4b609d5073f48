import { describe, expect, it } from 'vitest';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { sqlFixtureOf } from './built-in-fixtures';
import { diffResultRows } from './diff-result-rows';
import { executeInSandbox } from './execute-in-sandbox';

const limits = { timeoutMs: 5_000, memoryLimitMb: 256, maxRows: 500 };

// The guide an interviewer reads and the check a candidate's answer meets must agree: the Solution's main query
// (its first ```sql block, Presto-style) runs against the question's test tables through the same DuckDB sandbox,
// with its Presto macros, and must return what the reference query does: same columns, same rows. A question whose
// Solution cannot run in DuckDB at all goes here with the reason (the test checks it really cannot, so the list
// cannot outlive its reason).
const SOLUTION_NOT_RUNNABLE_IN_DUCKDB: Record<string, string> = {};

function mainSqlBlock(solution: string): string | null {
  return /```sql\n([\s\S]*?)```/.exec(solution)?.[1] ?? null;
}

const SQL_QUESTIONS = BUILT_IN_QUESTIONS.filter((question) => question.roundKind === 'SQL');

describe('the Solution of each SQL question', () => {
  it.each(SQL_QUESTIONS.map((question) => [question.slug, question] as const))('%s: its main query returns the reference result', async (slug, question) => {
    const sql = mainSqlBlock(question.interviewerView.solution);
    expect(sql, 'the Solution has no ```sql block').not.toBeNull();
    const fixture = sqlFixtureOf(slug)!;
    const outcome = await executeInSandbox({ ...fixture, answerSql: sql!, limits });
    if (slug in SOLUTION_NOT_RUNNABLE_IN_DUCKDB) {
      expect(outcome.status).toBe('FAILED');
      return;
    }
    expect(outcome.status, JSON.stringify(outcome).slice(0, 500)).toBe('RAN');
    if (outcome.status !== 'RAN') return;
    expect(outcome.answer.columns).toEqual(outcome.expected.columns);
    expect(diffResultRows(outcome.answer, outcome.expected).isMatch).toBe(true);
  });
});
