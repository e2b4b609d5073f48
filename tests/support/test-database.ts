import { afterAll, beforeAll, inject } from 'vitest';
import { createDbClient, type Db } from '@/lib/db';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './postgres-admin';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the integration tests' PostgreSQL server. */
export async function createTestDatabase(prefix = 'mockloop_test'): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(adminUrl, name);
  return { url, name, drop: () => dropDatabase(adminUrl, name) };
}

/** A fresh database with every migration applied (a copy of the migrated template: no migrate run per test). */
export async function createMigratedTestDatabase(prefix = 'mockloop_test'): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(adminUrl, name, inject('templateDatabase'));
  return { url, name, drop: () => dropDatabase(adminUrl, name) };
}

export interface MigratedTestDatabase {
  readonly url: string;
  /** A client on the database, for arranging data and checking what was stored. */
  readonly db: Db;
}

/**
 * The database of a test file (or of the describe block that calls it): a migrated copy created before its
 * tests, with a client on it, and after them the client disconnected and the database dropped. vitest runs
 * after-hooks as a stack, so what the file registers later (servers on this database, their clients) is
 * stopped before the drop.
 */
export function withMigratedTestDatabase(): MigratedTestDatabase {
  let database: TestDatabase | undefined;
  let db: Db | undefined;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    db = createDbClient(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const created = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('withMigratedTestDatabase: used before its beforeAll ran');
    return value;
  };

  return {
    get url() {
      return created(database).url;
    },
    get db() {
      return created(db);
    },
  };
}
