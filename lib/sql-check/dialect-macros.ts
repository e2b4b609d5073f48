// Candidates write the Presto/Hive/Spark SQL of the interview, not DuckDB's. DuckDB already speaks most of it
// (date_diff and datediff with a unit string, INTERVAL '1' DAY, TRY_CAST, window frames); these macros
// fill the gaps an answer is likely to hit, so a correct answer is not marked wrong for its dialect. Each one
// maps to the exact DuckDB equivalent: the fixtures are small, so "approximate" functions are made exact.

export interface DialectMacro {
  name: string;
  /** The engines whose spelling this accepts. */
  dialect: string;
  sql: string;
}

export const DIALECT_MACROS: readonly DialectMacro[] = [
  { name: 'rand', dialect: 'Hive, Spark, MySQL', sql: 'CREATE MACRO rand() AS random()' },
  {
    // Presto's date_add(unit, n, ts). Redefining date_add shadows DuckDB's own, so its (ts, interval) form is kept.
    name: 'date_add',
    dialect: 'Presto/Trino',
    sql: "CREATE MACRO date_add(a, b) AS a + b, (unit, n, ts) AS ts + n * CAST('1 ' || unit AS INTERVAL)",
  },
  {
    // Spark's datediff(end, start) in days; DuckDB's own datediff(unit, start, end) is kept.
    name: 'datediff',
    dialect: 'Spark, Hive',
    sql: "CREATE MACRO datediff(finish, start) AS date_diff('day', CAST(start AS DATE), CAST(finish AS DATE)), (unit, start, finish) AS date_diff(unit, start, finish)",
  },
  {
    // DuckDB's count_if returns NULL when every input is NULL (e.g. LEAD past the last row); Presto returns 0.
    name: 'count_if',
    dialect: 'Presto/Trino, Spark',
    sql: 'CREATE MACRO count_if(condition) AS count(CASE WHEN condition THEN 1 END)',
  },
  { name: 'approx_percentile', dialect: 'Presto/Trino', sql: 'CREATE MACRO approx_percentile(x, p) AS quantile_cont(x, p)' },
  { name: 'approx_distinct', dialect: 'Presto/Trino', sql: 'CREATE MACRO approx_distinct(x) AS count(DISTINCT x)' },
  { name: 'nvl', dialect: 'Hive, Spark, Oracle', sql: 'CREATE MACRO nvl(x, fallback) AS coalesce(x, fallback)' },
  { name: 'day_of_week', dialect: 'Presto/Trino (Monday = 1)', sql: 'CREATE MACRO day_of_week(ts) AS isodow(ts)' },
  { name: 'to_unixtime', dialect: 'Presto/Trino', sql: 'CREATE MACRO to_unixtime(ts) AS epoch(ts)' },
  { name: 'from_unixtime', dialect: 'Presto/Trino, Hive', sql: 'CREATE MACRO from_unixtime(seconds) AS make_timestamp(CAST(CAST(seconds AS DOUBLE) * 1000000 AS BIGINT))' },
];
