import {
  ColumnTypeEnum,
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import { charColumnsOf } from './char-column-client';

/**
 * Restores the `"char"` columns CharColumnClient had to report as text. The engine reads them the way
 * the native engine's PostgreSQL driver delivers them: as a `char`. Its constraint scan
 * (`row.get_expect_char("constraint_type")` over pg_constraint.contype) panics on a text value; that scan
 * returns no rows on a PostgreSQL < 18 schema without CHECK or EXCLUDE constraints, but from PostgreSQL 18
 * on every NOT NULL column has a pg_constraint row (contype 'n'), so every real schema hits it.
 */
function withCharColumns(result: SqlResultSet): SqlResultSet {
  const charColumns = charColumnsOf(result.rows);
  if (charColumns.length === 0) return result;
  const columnTypes = [...result.columnTypes];
  for (const index of charColumns) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...result, columnTypes };
}

type SavepointMethod = 'createSavepoint' | 'rollbackToSavepoint' | 'releaseSavepoint';

// adapter-pg has all three; a silently skipped savepoint would corrupt a transaction, so refuse loudly.
function savepointMethod(transaction: Transaction, name: SavepointMethod): (savepoint: string) => Promise<void> {
  const method = transaction[name];
  if (!method) throw new Error(`The driver adapter's transactions have no ${name}.`);
  return method.bind(transaction);
}

/** The engine's catalog queries also run inside transactions (migration locks, schema pushes). */
class CharColumnTransaction implements Transaction {
  readonly provider: Transaction['provider'];
  readonly adapterName: string;
  readonly options: Transaction['options'];

  constructor(private readonly inner: Transaction) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return withCharColumns(await this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  commit(): Promise<void> {
    return this.inner.commit();
  }

  rollback(): Promise<void> {
    return this.inner.rollback();
  }

  createSavepoint(name: string): Promise<void> {
    return savepointMethod(this.inner, 'createSavepoint')(name);
  }

  rollbackToSavepoint(name: string): Promise<void> {
    return savepointMethod(this.inner, 'rollbackToSavepoint')(name);
  }

  releaseSavepoint(name: string): Promise<void> {
    return savepointMethod(this.inner, 'releaseSavepoint')(name);
  }
}

/**
 * The SQL adapter the schema engine talks to: @prisma/adapter-pg's adapter, except for how a script runs
 * and for the type of `"char"` columns (see withCharColumns).
 *
 * adapter-pg 7.10.1 splits a script on `;` and runs the pieces one by one, which cuts dollar-quoted
 * bodies (`CREATE FUNCTION … $$ … ; … $$`) apart and leaves a migration that fails halfway
 * half-applied. Sent as one parameterless query, the script goes through PostgreSQL's simple query
 * protocol, which runs all its statements in one implicit transaction: the behaviour of Prisma's native
 * engine. Going through the inner adapter's executeRaw keeps its error mapping (P3018 and friends).
 */
export class MigrationSqlAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly afterDispose: () => Promise<void> = async () => {},
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return withCharColumns(await this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async executeScript(script: string): Promise<void> {
    await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new CharColumnTransaction(await this.inner.startTransaction(isolationLevel));
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  private disposal: Promise<void> | undefined;

  /** Idempotent: the engine and our own clean-up may both dispose the same adapter. */
  dispose(): Promise<void> {
    this.disposal ??= this.inner.dispose().finally(() => this.afterDispose());
    return this.disposal;
  }
}
