import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedPostgres } from '@/server/database/embedded-postgres';
import { adminUrlOf, createDatabase, createMigratedTemplate, dropDatabase, uniqueDatabaseName } from '../../support/postgres-admin';
import { makeScratchDir } from '../../support/scratch-dir';

export interface BenchDatabase {
  /** A fresh, migrated and seeded-with-questions database, dropped by `drop()`. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one benchmark run: on DATABASE_URL's server when it is set, otherwise on an embedded
 * PostgreSQL started in a throwaway folder (the app's default, so numbers match a default install).
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  let scratch: string | undefined;
  let stopPostgres: (() => Promise<void>) | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    scratch = await makeScratchDir('mockloop-bench-');
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: 0 });
    stopPostgres = embedded.stop;
    serverUrl = embedded.url;
  }
  const adminUrl = adminUrlOf(serverUrl);
  const template = await createMigratedTemplate(adminUrl);
  const databaseName = uniqueDatabaseName('mockloop_bench');
  const url = await createDatabase(adminUrl, databaseName, template);
  return {
    url,
    drop: async () => {
      await dropDatabase(adminUrl, databaseName);
      await dropDatabase(adminUrl, template);
      await stopPostgres?.();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    },
  };
}
