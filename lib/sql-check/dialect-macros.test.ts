import { describe, expect, it } from 'vitest';
import { executeInSandbox } from './execute-in-sandbox';

// The macros are plain SQL, so they are tested the way an answer uses them: run in the sandbox they are made for.
const limits = { timeoutMs: 5_000, memoryLimitMb: 128, maxRows: 50 };

async function rowsOf(answerSql: string) {
  const outcome = await executeInSandbox({
    setupSql: `CREATE TABLE t(v INTEGER, flag BOOLEAN); INSERT INTO t VALUES (1, true), (4, NULL), (10, false);`,
    referenceSql: 'SELECT 1',
    answerSql,
    limits,
  });
  if (outcome.status !== 'RAN') throw new Error(outcome.message);
  return outcome.answer.rows;
}

describe('dialect macros', () => {
  it('runs the syllabus spelling DATEDIFF(unit, a, b) natively, truncating like Presto, and Spark\'s datediff(end, start)', async () => {
    expect(
      await rowsOf(`SELECT DATEDIFF('minute', TIMESTAMP '2024-01-01 08:00:00', TIMESTAMP '2024-01-01 08:30:50'),
                           date_diff('second', TIMESTAMP '2024-01-01 08:00:00', TIMESTAMP '2024-01-01 08:30:50'),
                           datediff('2024-01-08', '2024-01-01')`),
    ).toEqual([[30, 1850, 7]]);
  });

  it('gives RAND() for the salting idiom, in [0, 1)', async () => {
    const [[salt, isInRange]] = (await rowsOf(`SELECT CONCAT(CAST(42 AS VARCHAR), '_', CAST(FLOOR(RAND() * 10) AS VARCHAR)), RAND() >= 0 AND RAND() < 1`)) as [[string, boolean]];
    // FLOOR of a DOUBLE is a DOUBLE in Presto too, so the suffix reads '4.0' there as well.
    expect(salt).toMatch(/^42_\d\.0$/);
    expect(isInRange).toBe(true);
  });

  it('accepts Presto date_add(unit, n, ts) and keeps DuckDB\'s date_add(ts, interval)', async () => {
    expect(
      await rowsOf(`SELECT date_add('day', 7, DATE '2024-01-01'), date_add('hour', -3, TIMESTAMP '2024-01-01 01:00:00'), date_add(DATE '2024-01-01', INTERVAL 1 DAY)`),
    ).toEqual([['2024-01-08 00:00:00', '2023-12-31 22:00:00', '2024-01-02 00:00:00']]);
  });

  it('counts like Presto: count_if is 0, not NULL, when nothing is true', async () => {
    expect(await rowsOf(`SELECT count_if(flag), count_if(v > 100), count_if(NULL::BOOLEAN) FROM t`)).toEqual([[1, 0, 0]]);
  });

  it('makes the approximate aggregates exact on fixture-sized data', async () => {
    expect(await rowsOf(`SELECT approx_percentile(v, 0.5), approx_distinct(v) FROM t`)).toEqual([[4, 3]]);
  });

  it('provides nvl, day_of_week (Monday = 1), to_unixtime and from_unixtime', async () => {
    expect(
      await rowsOf(`SELECT nvl(NULL, 'x'), day_of_week(DATE '2024-01-01'), day_of_week(DATE '2024-01-07'), to_unixtime(TIMESTAMP '1970-01-02 00:00:00'), from_unixtime(86400)`),
    ).toEqual([['x', 1, 7, 86400, '1970-01-02 00:00:00']]);
  });
});
