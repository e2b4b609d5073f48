import { rowKey, type ResultTable, type RowMark } from './diff-result-rows';
import type { SqlCheckResult } from './sql-check-result';

// What a candidate sees of a check: nothing the answer produced beyond what the expected result already shows.
// An answer may be written to dump a test table (SELECT * FROM the table is a legitimate-looking query), to
// carry data in digits the comparison ignores, or to raise an error whose message quotes rows. So the candidate
// gets the verdict, the counts (missing, extra, duplicated), the expected rows with the missing ones marked, and
// of the answer only its rows that equal an expected row, shown as that expected row; rows that are not in the
// expected result, DuckDB's messages for errors met while running, and the run time stay with the interviewer.

/** DuckDB's messages for answers that do not parse or bind: about the SQL and table/column names, never data. */
const DATA_FREE_ERRORS = /^(Parser|Binder|Catalog) Error\b/;

export function candidateSqlCheckResult(result: SqlCheckResult): SqlCheckResult {
  return { ...result, message: candidateMessage(result), ...candidateAnswer(result), elapsedMs: null };
}

function candidateMessage(result: SqlCheckResult): string | null {
  if (result.errorKind !== 'SQL' || result.message === null || DATA_FREE_ERRORS.test(result.message)) return result.message;
  const kind = /^([A-Za-z ]{1,40} Error)\b/.exec(result.message)?.[1] ?? 'Error';
  return `${kind}: the answer failed while running. DuckDB's message can quote the test data, so only the round's interviewer sees it.`;
}

/** The answer rows that equal an expected row (MATCH or DUPLICATE), each shown as the expected row it equals. */
function candidateAnswer(result: SqlCheckResult): { answer: ResultTable | null; answerMarks: RowMark[] } {
  const { answer, expected } = result;
  if (!answer || !expected || answer.columns.length !== expected.columns.length) return { answer: null, answerMarks: [] };
  const expectedByKey = new Map(expected.rows.map((row) => [rowKey(row), row]));
  const rows: ResultTable['rows'] = [];
  const answerMarks: RowMark[] = [];
  answer.rows.forEach((row, index) => {
    const mark = result.answerMarks[index];
    const equal = expectedByKey.get(rowKey(row));
    if ((mark === 'MATCH' || mark === 'DUPLICATE') && equal) {
      // A copy: a row object shared with `expected` would travel as a reference in the RSC payload.
      rows.push([...equal]);
      answerMarks.push(mark);
    }
  });
  return { answer: { columns: expected.columns, rows, isTruncated: answer.isTruncated }, answerMarks };
}
