import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '@/lib/env';

const SECRET_FILE = 'nextauth-secret';

/**
 * NEXTAUTH_SECRET when set. Otherwise a random secret generated on first start and kept in the data folder, so
 * sessions survive restarts without a constant in the code. A production server on an external database must
 * be given one explicitly: several nodes would each invent their own.
 */
export async function resolveAuthSecret(env: Env, isEmbeddedDatabase: boolean): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === 'production' && !isEmbeddedDatabase) {
    throw new Error('NEXTAUTH_SECRET must be set in production with an external DATABASE_URL (e.g. `openssl rand -base64 32`).');
  }
  const file = path.resolve(env.MOCKLOOP_DATA_DIR, SECRET_FILE);
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
