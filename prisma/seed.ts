import path from 'node:path';
import { createDbClient } from '@/lib/db';
import { getEnv, InvalidEnvError, loadDotEnvFiles } from '@/lib/env';
import { seedBuiltInQuestions } from '@/lib/questions/seed-built-in-questions';
import { embeddedPostgresDir } from '@/server/config/resolve-database';
import { findRunningEmbeddedPostgresUrl } from '@/server/database/embedded-postgres';

// `npm run db:seed` (prisma db seed). The server runs the same seed at start, so this is only for running it
// by hand: against DATABASE_URL, or, when that is unset, against the embedded database of a running app.

async function main(): Promise<void> {
  loadDotEnvFiles(path.resolve(import.meta.dirname, '..'));
  const env = getEnv();
  const url = env.DATABASE_URL ?? (await findRunningEmbeddedPostgresUrl(embeddedPostgresDir(env)));
  if (!url) throw new InvalidEnvError('DATABASE_URL is not set and the embedded database is not running (start the app, or set DATABASE_URL).');
  const db = createDbClient(url);
  try {
    const { created, updated, retired } = await seedBuiltInQuestions(db);
    console.log(`built-in questions: ${created} created, ${updated} updated, ${retired} retired`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidEnvError ? error.message : error);
  process.exitCode = 1;
});
