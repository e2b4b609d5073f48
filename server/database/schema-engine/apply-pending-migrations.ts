import { toConnectionError } from './connection-error';
import { assertCanConnect, createDatabase } from './database-admin';
import { CodedEngineError, describeEngineError } from './engine-error';
import { findUnappliedMigrations } from './find-unapplied-migrations';
import { createWasmSchemaEngine } from './load-wasm-engine';
import { createPgMigrationAdapterFactory } from './pg-migration-adapter';
import { readMigrationsList } from './read-migrations-list';

/** A failed migrate run; `code` is Prisma's error code when there is one (P3018: a migration failed). */
export class MigrationFailedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(code ? `${code}: ${message}` : message);
    this.name = 'MigrationFailedError';
  }
}

// As `prisma migrate deploy` does: a missing database is created, any other connection problem is fatal.
async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  try {
    await assertCanConnect(databaseUrl);
  } catch (error) {
    const connectionError = toConnectionError(error, databaseUrl);
    if (!(connectionError instanceof CodedEngineError) || connectionError.errorCode !== 'P1003') throw connectionError;
    await createDatabase(databaseUrl);
  }
}

/**
 * `prisma migrate deploy`, in process and without the native engine: applies the pending migrations of
 * `migrationsDir` in order, each one whole or not at all, and records them in `_prisma_migrations`.
 * A failed migration, or one left failed by an earlier run, stops the run with MigrationFailedError.
 */
export async function applyPendingMigrations(databaseUrl: string, migrationsDir: string): Promise<{ applied: string[] }> {
  await ensureDatabaseExists(databaseUrl);
  const migrationsList = await readMigrationsList(migrationsDir);
  // The usual start: nothing to apply, and no reason to load the engine to find that out.
  const unapplied = await findUnappliedMigrations(databaseUrl, migrationsList.migrationDirectories.map((directory) => directory.path));
  if (unapplied?.length === 0) return { applied: [] };
  const adapters = createPgMigrationAdapterFactory({ url: databaseUrl });
  // Progress lines are for the CLI's debug output; errors come back as exceptions.
  const engine = await createWasmSchemaEngine({ datamodels: undefined }, () => {}, adapters);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return { applied: appliedMigrationNames };
  } catch (error) {
    const { message, error_code } = describeEngineError(error, adapters.errorRegistry);
    throw new MigrationFailedError(message, error_code);
  } finally {
    await adapters.close();
    engine.free();
  }
}
