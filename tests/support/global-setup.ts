import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@/server/database/embedded-postgres';
import { adminUrlOf, createMigratedTemplate, dropDatabase } from './postgres-admin';
import { makeScratchDir } from './scratch-dir';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL on the PostgreSQL server the integration tests use. */
    postgresAdminUrl: string;
    /** A database with every migration applied; tests clone it instead of migrating again. */
    templateDatabase: string;
  }
}

/**
 * Integration tests run on a real PostgreSQL: the server in DATABASE_URL when it is set (as CI does with the
 * machine's), otherwise an embedded one started here in a throwaway folder, the same as the app's default.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let scratchDir: string | undefined;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    scratchDir = await makeScratchDir('mockloop-it-');
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(scratchDir, 'postgres'), port: 0 });
    stopEmbedded = embedded.stop;
    serverUrl = embedded.url;
  }
  const adminUrl = adminUrlOf(serverUrl);
  const templateDatabase = await createMigratedTemplate(adminUrl);
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await dropDatabase(adminUrl, templateDatabase);
    await stopEmbedded?.();
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
  };
}
