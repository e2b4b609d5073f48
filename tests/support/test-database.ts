import { inject } from 'vitest';
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
