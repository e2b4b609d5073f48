// Compares an answer's result with the reference result as bags of rows: row order is ignored (an ORDER BY
// is not what the check is about) but every copy of a row counts, because duplicated rows from a join fan-out
// are exactly the mistake the fixtures are built to show. Columns are compared by position, not by name.
// Numbers are equal to 2 decimal places (ROUND(x, 2) and ROUND(x, 4) agree; an integer equals its .0), and a
// timestamp at midnight equals the same DATE.

export type CellValue = string | number | boolean | null;

export interface ResultTable {
  columns: string[];
  rows: CellValue[][];
  /** More rows came back than are kept; the diff covers the kept ones only and can never be a match. */
  isTruncated: boolean;
}

/** MATCH: paired with a row of the other side. EXTRA: the expected result has no such row. DUPLICATE: it has
 * this row, fewer times. MISSING: an expected row the answer lacks (or has fewer copies of). */
export type RowMark = 'MATCH' | 'EXTRA' | 'DUPLICATE' | 'MISSING';

export interface ResultDiff {
  isMatch: boolean;
  /** Null when both have the same number of columns. */
  columnCountProblem: string | null;
  missingRows: number;
  extraRows: number;
  duplicatedRows: number;
  /** One mark per answer row: MATCH, EXTRA or DUPLICATE. */
  answerMarks: RowMark[];
  /** One mark per expected row: MATCH or MISSING. */
  expectedMarks: RowMark[];
}

export function diffResultRows(answer: ResultTable, expected: ResultTable): ResultDiff {
  const expectedKeys = expected.rows.map(rowKey);
  const answerKeys = answer.rows.map(rowKey);
  const expectedCounts = countKeys(expectedKeys);
  const answerCounts = countKeys(answerKeys);

  const used = new Map<string, number>();
  const answerMarks = answerKeys.map((key): RowMark => {
    const available = expectedCounts.get(key) ?? 0;
    if (available === 0) return 'EXTRA';
    const taken = used.get(key) ?? 0;
    used.set(key, taken + 1);
    return taken < available ? 'MATCH' : 'DUPLICATE';
  });
  const paired = new Map<string, number>();
  const expectedMarks = expectedKeys.map((key): RowMark => {
    const taken = paired.get(key) ?? 0;
    paired.set(key, taken + 1);
    return taken < (answerCounts.get(key) ?? 0) ? 'MATCH' : 'MISSING';
  });

  const columnCountProblem =
    answer.columns.length === expected.columns.length
      ? null
      : `The answer returns ${answer.columns.length} column(s); the expected result has ${expected.columns.length}.`;
  const missingRows = expectedMarks.filter((mark) => mark === 'MISSING').length;
  const extraRows = answerMarks.filter((mark) => mark === 'EXTRA').length;
  const duplicatedRows = answerMarks.filter((mark) => mark === 'DUPLICATE').length;
  return {
    isMatch: columnCountProblem === null && !answer.isTruncated && missingRows + extraRows + duplicatedRows === 0,
    columnCountProblem,
    missingRows,
    extraRows,
    duplicatedRows,
    answerMarks,
    expectedMarks,
  };
}

function countKeys(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Two rows with the same key are equal under the rules above. */
export function rowKey(row: CellValue[]): string {
  return JSON.stringify(row.map(comparableCell));
}

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[ T]00:00:00(\.0+)?$/;

/** The value two cells must share to be equal. */
export function comparableCell(value: CellValue): CellValue {
  if (typeof value === 'number') {
    const rounded = Math.round(value * 100) / 100;
    return Object.is(rounded, -0) ? 0 : rounded;
  }
  if (typeof value === 'string') return MIDNIGHT.exec(value)?.[1] ?? value;
  return value;
}
