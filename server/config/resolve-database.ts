import path from 'node:path';
// Relative imports: also loaded by prisma.config.ts (see resolve-cli-database.ts).
import type { Env } from '../../lib/env';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  isEmbedded: boolean;
  /** Stops what this process started (the embedded cluster); a no-op for an external database. */
  stop(): Promise<void>;
}

export function embeddedPostgresDir(env: Env): string {
  return path.resolve(env.EMBEDDED_POSTGRES_DIR ?? path.join(env.MOCKLOOP_DATA_DIR, 'postgres'));
}

/** DATABASE_URL when set; otherwise a real PostgreSQL started from the data folder, kept across restarts. */
export async function resolveDatabase(env: Env, log: (line: string) => void): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, isEmbedded: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: embeddedPostgresDir(env), port: env.EMBEDDED_POSTGRES_PORT, log });
  return { url: embedded.url, isEmbedded: true, stop: embedded.stop };
}
