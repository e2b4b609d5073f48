import { describe, expect, it } from 'vitest';
import { candidateSqlCheckResult } from './candidate-sql-check-result';
import { diffResultRows, type CellValue, type ResultTable } from './diff-result-rows';
import type { SqlCheckResult } from './sql-check-result';

const table = (columns: string[], rows: CellValue[][]): ResultTable => ({ columns, rows, isTruncated: false });

function ran(answer: ResultTable, expected: ResultTable): SqlCheckResult {
  const diff = diffResultRows(answer, expected);
  return {
    verdict: diff.isMatch ? 'MATCH' : 'MISMATCH',
    answerSource: 'WHOLE_DOCUMENT',
    message: diff.columnCountProblem,
    errorKind: null,
    answer,
    expected,
    answerMarks: diff.answerMarks,
    expectedMarks: diff.expectedMarks,
    missingRows: diff.missingRows,
    extraRows: diff.extraRows,
    duplicatedRows: diff.duplicatedRows,
    elapsedMs: 12,
  };
}

function failed(message: string): SqlCheckResult {
  return { ...ran(table(['x'], []), table(['x'], [[1]])), verdict: 'ERROR', errorKind: 'SQL', message, answer: null, answerMarks: [] };
}

describe('candidateSqlCheckResult', () => {
  it('keeps matched and duplicated answer rows as the expected rows they equal, and counts the extra ones without showing them', () => {
    const expected = table(['user_id', 'sessions'], [[1, 2], [2, 1]]);
    // 2.004 equals 2 to 2 decimals: the candidate sees the expected 2, not the digits the answer chose.
    const answer = table(['secret_column', 'n'], [[1, 2.004], [1, 2.004], [9, 'hidden row']]);
    const view = candidateSqlCheckResult(ran(answer, expected));
    expect(view).toMatchObject({ verdict: 'MISMATCH', extraRows: 1, duplicatedRows: 1, missingRows: 1, elapsedMs: null });
    expect(view.answer).toEqual({ columns: ['user_id', 'sessions'], rows: [[1, 2], [1, 2]], isTruncated: false });
    expect(view.answerMarks).toEqual(['MATCH', 'DUPLICATE']);
    expect(view.expected).toEqual(expected);
    expect(JSON.stringify(view)).not.toMatch(/hidden row|secret_column|2\.004/);
  });

  it('shows no answer rows when the columns do not line up', () => {
    const view = candidateSqlCheckResult(ran(table(['a', 'b', 'c'], [[1, 2, 'x']]), table(['a', 'b'], [[1, 2]])));
    expect(view).toMatchObject({ answer: null, answerMarks: [], extraRows: 1 });
  });

  it("keeps DuckDB's parse and bind messages, and only the kind of an error met while running", () => {
    expect(candidateSqlCheckResult(failed('Binder Error: Referenced column "x" not found')).message).toBe('Binder Error: Referenced column "x" not found');
    expect(candidateSqlCheckResult(failed('Parser Error: syntax error at or near "FORM"')).message).toMatch(/^Parser Error: syntax error/);
    const conversion = candidateSqlCheckResult(failed("Conversion Error: Could not convert string '2024-01-02 00:10:00' to INT32")).message;
    expect(conversion).toMatch(/^Conversion Error: /);
    expect(conversion).not.toContain('2024');
  });
});
