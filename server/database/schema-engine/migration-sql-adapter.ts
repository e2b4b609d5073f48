import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * The SQL adapter the schema engine talks to: @prisma/adapter-pg's adapter, except for how a script runs.
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

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async executeScript(script: string): Promise<void> {
    await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
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
