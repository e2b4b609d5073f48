import type { DuckDBConnection, DuckDBResultReader, DuckDBTypeId } from '@duckdb/node-api';
import { DIALECT_MACROS } from './dialect-macros';
import type { CellValue, ResultTable } from './diff-result-rows';
import { ForbiddenAnswerError, guardAnswerQuery } from './guard-answer-query';

// Runs untrusted SQL against a question's fixture tables in a throwaway in-memory DuckDB.
//
// Why in-process and not a worker or child process: DuckDB executes a query on a libuv pool thread (the event
// loop keeps turning), and connection.interrupt() stops a running query within milliseconds, including an
// endless recursive CTE and a cross join of 10^12 rows (measured; see docs/sql-check.md). memory_limit turns
// a query that would exhaust memory into an "Out of Memory" error instead. A child process would add ~100 ms
// and a second copy of the engine per check for a hard kill we have not needed; should a native call ever
// ignore the interrupt, the check still answers after a grace period and the instance is closed when the call
// returns.
//
// Sandbox: no file, network or extension access (enable_external_access=false also blocks COPY, ATTACH,
// INSTALL and read_* functions), no extension autoloading, no spilling to disk, one thread, and the
// configuration locked after setup so the answer cannot SET any of it back. On top of that the answer must be one
// read-only query over the question's tables (guard-answer-query.ts): no statement that acts on the engine
// (PRAGMA, SET, CALL...) and no reading of DuckDB's catalog, where the fixture's CREATE statements are.

export interface SandboxLimits {
  timeoutMs: number;
  memoryLimitMb: number;
  /** Rows kept per result; more make the result truncated (and never a match). */
  maxRows: number;
}

export interface SandboxInput {
  /** Trusted: the fixture's CREATE TABLE and INSERT statements. */
  setupSql: string;
  /** Trusted: the reference query. */
  referenceSql: string;
  /** Untrusted: the candidate's answer, one or more queries; only the last one runs, and its result is the answer. */
  answerSql: string;
  limits: SandboxLimits;
}

export type SandboxErrorKind = 'TIMEOUT' | 'OUT_OF_MEMORY' | 'FORBIDDEN' | 'SQL' | 'NO_RESULT';

export type SandboxOutcome =
  | { status: 'RAN'; expected: ResultTable; answer: ResultTable; elapsedMs: number }
  | { status: 'FAILED'; expected: ResultTable; errorKind: SandboxErrorKind; message: string; elapsedMs: number };

/** How long past the deadline to wait for an interrupted query before answering without it. */
const INTERRUPT_GRACE_MS = 1_000;

type DuckDbModule = typeof import('@duckdb/node-api');

interface DuckDb {
  DuckDBInstance: DuckDbModule['DuckDBInstance'];
  numericTypeIds: ReadonlySet<DuckDBTypeId>;
}

let duckDb: Promise<DuckDb> | undefined;

/**
 * DuckDB's native library loads with the first check, not with the code of the report page that offers one: once
 * loaded it stays mapped for the life of the process (~30 MiB resident, see docs/benchmarks.md's Memory section),
 * and most reports are read without a check being run. Each check's database is closed when the check ends.
 */
function loadDuckDb(): Promise<DuckDb> {
  duckDb ??= import('@duckdb/node-api').then(
    ({ DuckDBInstance, DuckDBTypeId }) => ({ DuckDBInstance, numericTypeIds: numericTypeIdsOf(DuckDBTypeId) }),
    (error: unknown) => {
      duckDb = undefined;
      throw error;
    },
  );
  return duckDb;
}

export async function executeInSandbox(input: SandboxInput): Promise<SandboxOutcome> {
  const { DuckDBInstance, numericTypeIds } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:', {
    enable_external_access: 'false',
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
    max_temp_directory_size: '0B',
    memory_limit: `${input.limits.memoryLimitMb}MB`,
    threads: '1',
  });
  let connection: DuckDBConnection | undefined;
  let isBusy = false;
  try {
    connection = await instance.connect();
    for (const macro of DIALECT_MACROS) await connection.run(macro.sql);
    await connection.run(input.setupSql);
    const tables = await fixtureTablesOf(connection);
    const expected = readTable(await connection.runAndReadUntil(input.referenceSql, input.limits.maxRows + 1), input.limits.maxRows, numericTypeIds);
    await connection.run('SET lock_configuration = true');

    const started = performance.now();
    isBusy = true;
    const answer = runAnswer(connection, input.answerSql, tables, input.limits.maxRows, numericTypeIds, started + input.limits.timeoutMs).finally(() => {
      isBusy = false;
    });
    const result = await withDeadline(answer, connection, input.limits.timeoutMs);
    const elapsedMs = Math.round(performance.now() - started);
    if (result.ok) return { status: 'RAN', expected, answer: result.table, elapsedMs };
    return { status: 'FAILED', expected, elapsedMs, ...describeFailure(result.error, input.limits) };
  } finally {
    const close = () => {
      connection?.closeSync();
      instance.closeSync();
    };
    // Closing under a running native call is not safe; an abandoned query closes its instance when it returns.
    if (isBusy) void waitUntilIdle(() => isBusy).then(close);
    else close();
  }
}

/** The question's tables (lower-case), read while only trusted SQL has run. */
async function fixtureTablesOf(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll('SELECT table_name FROM duckdb_tables() WHERE NOT internal');
  return new Set(reader.getRowsJson().map((row) => String(row[0]).toLowerCase()));
}

async function runAnswer(
  connection: DuckDBConnection,
  sql: string,
  tables: ReadonlySet<string>,
  maxRows: number,
  numericTypeIds: ReadonlySet<DuckDBTypeId>,
  deadline: number,
): Promise<ResultTable> {
  // Parsing first keeps DuckDB's own syntax errors (with their LINE/caret pointer) for answers that do not parse.
  const statements = await connection.extractStatements(sql);
  if (statements.count === 0) throw new NoResultError('The answer has no SQL statement in it.');
  const query = await guardAnswerQuery(connection, sql, statements.count, tables);
  const single = await connection.extractStatements(query);
  if (single.count !== 1) throw new ForbiddenAnswerError('Not allowed in the SQL check: write each answer as one query.');
  const prepared = await single.prepare(0);
  if (prepared.columnCount === 0) throw new NoResultError('The answer returns no rows (is it a query?).');
  // The guard's queries ran one after another; an interrupt that fell between two of them stopped nothing, so an
  // answer whose time is up by now does not start.
  if (performance.now() >= deadline) throw new DeadlineError();
  return readTable(await prepared.streamAndReadUntil(maxRows + 1), maxRows, numericTypeIds);
}

type Settled = { ok: true; table: ResultTable } | { ok: false; error: unknown };

/** The answer's result, or its error; at the deadline the query is interrupted (it then fails with INTERRUPT). */
async function withDeadline(answer: Promise<ResultTable>, connection: DuckDBConnection, timeoutMs: number): Promise<Settled> {
  let interruptTimer: NodeJS.Timeout | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  const settled = answer.then(
    (table): Settled => ({ ok: true, table }),
    (error: unknown): Settled => ({ ok: false, error }),
  );
  const abandoned = new Promise<Settled>((resolve) => {
    interruptTimer = setTimeout(() => {
      connection.interrupt();
      graceTimer = setTimeout(() => resolve({ ok: false, error: new DeadlineError() }), INTERRUPT_GRACE_MS);
    }, timeoutMs);
  });
  try {
    return await Promise.race([settled, abandoned]);
  } finally {
    clearTimeout(interruptTimer);
    clearTimeout(graceTimer);
  }
}

class NoResultError extends Error {}
class DeadlineError extends Error {}

function describeFailure(error: unknown, limits: SandboxLimits): { errorKind: SandboxErrorKind; message: string } {
  const seconds = `${Math.round(limits.timeoutMs / 100) / 10} s`;
  if (error instanceof NoResultError) return { errorKind: 'NO_RESULT', message: error.message };
  if (error instanceof ForbiddenAnswerError) return { errorKind: 'FORBIDDEN', message: error.message };
  if (error instanceof DeadlineError) return { errorKind: 'TIMEOUT', message: `Stopped: the answer ran longer than the ${seconds} limit.` };
  const raw = error instanceof Error ? error.message : String(error);
  if (/^INTERRUPT Error/i.test(raw)) {
    return {
      errorKind: 'TIMEOUT',
      message: `Stopped: the answer ran longer than the ${seconds} limit (a join that multiplies rows, or a recursive CTE that never ends?).`,
    };
  }
  if (/^Out of Memory Error/i.test(raw)) {
    return { errorKind: 'OUT_OF_MEMORY', message: `Stopped: the answer needed more than the ${limits.memoryLimitMb} MB the check allows.` };
  }
  // Not DuckDB's own text: it names server paths (the extension directory) that are none of the user's business.
  if (/^Permission Error/i.test(raw) || /configuration has been locked/i.test(raw)) {
    return { errorKind: 'FORBIDDEN', message: 'Not allowed in the SQL check: files, network, extensions and settings are off; only the question\'s tables are there.' };
  }
  return { errorKind: 'SQL', message: firstLines(raw.replace(/^Failed to extract statements: /, '')) };
}

/** DuckDB's message and the LINE/caret pointer, without the long "Possible solutions" tails. */
function firstLines(message: string): string {
  return message.split('\n').slice(0, 4).join('\n').trim().slice(0, 600);
}

async function waitUntilIdle(isBusy: () => boolean): Promise<void> {
  while (isBusy()) await new Promise((resolve) => setTimeout(resolve, 100));
}

function numericTypeIdsOf(DuckDBTypeId: DuckDbModule['DuckDBTypeId']): ReadonlySet<DuckDBTypeId> {
  return new Set([
    DuckDBTypeId.TINYINT,
    DuckDBTypeId.SMALLINT,
    DuckDBTypeId.INTEGER,
    DuckDBTypeId.BIGINT,
    DuckDBTypeId.UTINYINT,
    DuckDBTypeId.USMALLINT,
    DuckDBTypeId.UINTEGER,
    DuckDBTypeId.UBIGINT,
    DuckDBTypeId.HUGEINT,
    DuckDBTypeId.UHUGEINT,
    DuckDBTypeId.FLOAT,
    DuckDBTypeId.DOUBLE,
    DuckDBTypeId.DECIMAL,
  ]);
}

/** Rows as plain JSON cells: numbers as numbers (DuckDB's JSON gives BIGINT and DECIMAL as strings), dates and
 * timestamps as their ISO-like text, anything nested as its JSON text. */
function readTable(reader: DuckDBResultReader, maxRows: number, numericTypeIds: ReadonlySet<DuckDBTypeId>): ResultTable {
  const isNumeric = reader.columnTypes().map((type) => numericTypeIds.has(type.typeId));
  const rows = reader.getRowsJson().slice(0, maxRows).map((row) =>
    row.map((cell, column): CellValue => {
      if (cell === null || typeof cell === 'boolean') return cell;
      if (isNumeric[column]) {
        const number = Number(cell);
        return Number.isSafeInteger(number) || !Number.isInteger(number) ? number : String(cell);
      }
      if (typeof cell === 'string' || typeof cell === 'number') return cell;
      return JSON.stringify(cell);
    }),
  );
  return { columns: reader.deduplicatedColumnNames(), rows, isTruncated: reader.currentRowCount > maxRows || !reader.done };
}
