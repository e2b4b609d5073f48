import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedPostgres } from '@/server/database/embedded-postgres';
import { adminUrlOf, createDatabase, createMigratedTemplate, dropDatabase, uniqueDatabaseName } from '../../support/postgres-admin';
import { makeScratchDir } from '../../support/scratch-dir';
import { pinProcessFamily } from './cpu-pinning';

export interface BenchDatabase {
  /** A fresh, migrated and seeded-with-questions database, dropped by `drop()`. */
  url: string;
  /** The embedded postmaster's pid; null when DATABASE_URL names a server this run did not start. */
  embeddedPostmasterPid: number | null;
  drop(): Promise<void>;
}

/**
 * A fresh database for one benchmark run: on DATABASE_URL's server when it is set, otherwise on an embedded
 * PostgreSQL started in a throwaway folder (the app's default, so numbers match a default install). With `pinTo`, the
 * embedded postmaster and what it has forked so far are moved to that core as soon as it answers, before any
 * benchmark connection: backends forked later inherit it. A DATABASE_URL server is not ours to pin.
 */
export async function createBenchDatabase(options: { pinTo?: number } = {}): Promise<BenchDatabase> {
  let scratch: string | undefined;
  let stopPostgres: (() => Promise<void>) | undefined;
  let embeddedPostmasterPid: number | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    scratch = await makeScratchDir('mockloop-bench-');
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: 0 });
    stopPostgres = embedded.stop;
    serverUrl = embedded.url;
    embeddedPostmasterPid = embedded.pid;
    if (options.pinTo !== undefined) pinProcessFamily(embedded.pid, options.pinTo);
  }
  const adminUrl = adminUrlOf(serverUrl);
  const template = await createMigratedTemplate(adminUrl);
  const databaseName = uniqueDatabaseName('mockloop_bench');
  const url = await createDatabase(adminUrl, databaseName, template);
  return {
    url,
    embeddedPostmasterPid,
    drop: async () => {
      await dropDatabase(adminUrl, databaseName);
      await dropDatabase(adminUrl, template);
      await stopPostgres?.();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    },
  };
}
