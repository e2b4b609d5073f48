import path from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../project-root';
import { applyPendingMigrations } from './schema-engine/apply-pending-migrations';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Fails fast, with one line saying which server could not be reached and why. */
export async function assertDatabaseReachable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const target = describeTarget(databaseUrl);
    throw new DatabaseUnreachableError(`Cannot reach PostgreSQL at ${target}: ${(error as Error).message || String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `prisma migrate deploy` semantics: apply what is pending, in order, each migration whole or not at all. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const { applied } = await applyPendingMigrations(databaseUrl, MIGRATIONS_DIR);
  return applied;
}

function describeTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
