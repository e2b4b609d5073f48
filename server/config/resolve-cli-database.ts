// Relative imports: prisma.config.ts loads this outside the project's bundler, where '@/' means nothing.
import { loadDotEnvFiles, parseEnv } from '../../lib/env';
import { findRunningEmbeddedPostgresUrl, startEmbeddedPostgres } from '../database/embedded-postgres';
import { embeddedPostgresDir } from './resolve-database';

// Prisma CLI commands that talk to the database (as opposed to generate, validate, format).
const DATABASE_COMMANDS = new Set(['migrate', 'db']);

/**
 * The database the Prisma CLI should use, resolved like the server does: DATABASE_URL when set, otherwise the
 * app's embedded PostgreSQL — the running one, or one started for this command alone and stopped when it exits.
 */
export async function resolveCliDatabaseUrl(projectRoot: string, argv: string[]): Promise<string | undefined> {
  loadDotEnvFiles(projectRoot);
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dataDir = embeddedPostgresDir(env);
  const running = await findRunningEmbeddedPostgresUrl(dataDir);
  if (running) return running;
  if (!argv.some((arg) => DATABASE_COMMANDS.has(arg))) return undefined;
  const embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
  // The CLI exits without waiting on us; PostgreSQL's fast shutdown on SIGINT finishes on its own.
  process.once('exit', () => {
    try {
      process.kill(embedded.pid, 'SIGINT');
    } catch {
      // already stopped
    }
  });
  return embedded.url;
}
