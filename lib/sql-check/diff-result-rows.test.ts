import { describe, expect, it } from 'vitest';
import { comparableCell, diffResultRows, type CellValue, type ResultTable } from './diff-result-rows';

const table = (rows: CellValue[][], columns = rows[0]?.map((_, index) => `c${index}`) ?? ['c0']): ResultTable => ({ columns, rows, isTruncated: false });

describe('diffResultRows', () => {
  it('matches the same rows in any order, by column position not name', () => {
    const diff = diffResultRows(table([[2, 'b'], [1, 'a']], ['id', 'name']), table([[1, 'a'], [2, 'b']], ['user_id', 'label']));
    expect(diff).toMatchObject({ isMatch: true, missingRows: 0, extraRows: 0, duplicatedRows: 0, answerMarks: ['MATCH', 'MATCH'], expectedMarks: ['MATCH', 'MATCH'] });
  });

  it('marks fan-out copies as duplicates, not as matches', () => {
    const diff = diffResultRows(table([[1, 'a'], [1, 'a'], [1, 'a'], [2, 'b']]), table([[1, 'a'], [2, 'b']]));
    expect(diff).toMatchObject({ isMatch: false, duplicatedRows: 2, extraRows: 0, missingRows: 0, answerMarks: ['MATCH', 'DUPLICATE', 'DUPLICATE', 'MATCH'] });
  });

  it('marks rows the answer lacks as missing and rows it invents as extra (an off-by-one session number is both)', () => {
    const diff = diffResultRows(table([[1, '08:00', 1], [1, '08:31', 1]]), table([[1, '08:00', 1], [1, '08:31', 2]]));
    expect(diff).toMatchObject({ isMatch: false, missingRows: 1, extraRows: 1, answerMarks: ['MATCH', 'EXTRA'], expectedMarks: ['MATCH', 'MISSING'] });
  });

  it('counts every expected copy: one of two identical expected rows can be missing', () => {
    const diff = diffResultRows(table([[5]]), table([[5], [5]]));
    expect(diff).toMatchObject({ isMatch: false, missingRows: 1, expectedMarks: ['MATCH', 'MISSING'] });
  });

  it('never matches a different number of columns or a truncated result', () => {
    expect(diffResultRows(table([[1]]), table([[1, 2]])).columnCountProblem).toBe('The answer returns 1 column(s); the expected result has 2.');
    expect(diffResultRows(table([[1]]), table([[1, 2]])).isMatch).toBe(false);
    expect(diffResultRows({ ...table([[1]]), isTruncated: true }, table([[1]])).isMatch).toBe(false);
  });

  it('treats two empty results as a match', () => {
    expect(diffResultRows(table([], ['a']), table([], ['a'])).isMatch).toBe(true);
  });
});

describe('comparableCell', () => {
  it('compares numbers to 2 decimals, integers equal to their .0', () => {
    expect(comparableCell(66.666666)).toBe(comparableCell(66.67));
    expect(comparableCell(3)).toBe(comparableCell(3.0));
    expect(comparableCell(0.3333)).not.toBe(comparableCell(33.33));
    expect(comparableCell(-0.001)).toBe(0);
  });

  it('compares a midnight timestamp equal to its date, other text exactly', () => {
    expect(comparableCell('2024-01-08 00:00:00')).toBe('2024-01-08');
    expect(comparableCell('2024-01-08 00:00:01')).toBe('2024-01-08 00:00:01');
    expect(comparableCell('UNKNOWN')).not.toBe(comparableCell('unknown'));
    expect(comparableCell(null)).toBeNull();
  });
});
