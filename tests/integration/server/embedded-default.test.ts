import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createDbClient } from '@/lib/db';
import { findRunningEmbeddedPostgresUrl } from '@/server/database/embedded-postgres';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { startServer } from '../../support/start-server';
import { makeScratchDir } from '../../support/scratch-dir';

describe('the embedded default (no DATABASE_URL, no NEXTAUTH_SECRET)', () => {
  let dataDir: string | undefined;

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts its own PostgreSQL, keeps data and the generated secret across a SIGTERM restart, and exits 0', async () => {
    dataDir = await makeScratchDir('mockloop-embedded-');
    const env = { MOCKLOOP_DATA_DIR: dataDir, DATABASE_URL: undefined, NEXTAUTH_SECRET: undefined };

    const first = await startServer({ env });
    const secret = (await readFile(path.join(dataDir, 'nextauth-secret'), 'utf8')).trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const databaseUrl = await findRunningEmbeddedPostgresUrl(path.join(dataDir, 'postgres'));
    expect(databaseUrl).toBeDefined();
    const account = buildSignUpInput();
    const db = createDbClient(databaseUrl!);
    await registerUser(db, account);
    await db.$disconnect();

    const session = new HttpSession(first.baseUrl);
    expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('[mockloop] stopped');
    expect(await findRunningEmbeddedPostgresUrl(path.join(dataDir, 'postgres'))).toBeUndefined();

    const second = await startServer({ env });
    try {
      expect((await readFile(path.join(dataDir, 'nextauth-secret'), 'utf8')).trim()).toBe(secret);
      // The old session cookie still works (same secret) and the account is still there.
      const home = await session.cloneFor(second.baseUrl).fetch('/');
      expect(await home.text()).toContain(account.name);
      expect(await new HttpSession(second.baseUrl).signIn(account.email, account.password)).toEqual({ ok: true });
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  });
});
