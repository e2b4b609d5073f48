import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRunningEmbeddedPostgresUrl } from '@/server/database/embedded-postgres';
import { makeScratchDir } from '../../support/scratch-dir';
import { PROJECT_ROOT } from '../../support/start-server';

describe('the Prisma CLI with no DATABASE_URL', () => {
  let dataDir: string | undefined;

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('uses the embedded database, started for the command and stopped after it', async () => {
    dataDir = await makeScratchDir('mockloop-cli-');
    const run = (...args: string[]) =>
      spawnSync(path.join(PROJECT_ROOT, 'node_modules/.bin/prisma'), args, {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', MOCKLOOP_DATA_DIR: dataDir },
        timeout: 60_000,
      });

    const pending = run('migrate', 'status');
    expect(pending.stdout).toContain('Following migrations have not yet been applied');
    // SIGINT at exit starts PostgreSQL's fast shutdown, which completes just after the CLI is gone.
    await expect.poll(() => findRunningEmbeddedPostgresUrl(path.join(dataDir!, 'postgres')), { timeout: 10_000 }).toBeUndefined();

    const deployed = run('migrate', 'deploy');
    expect(deployed.status, deployed.stderr).toBe(0);
    const upToDate = run('migrate', 'status');
    expect(upToDate.status, upToDate.stderr).toBe(0);
    expect(upToDate.stdout).toContain('Database schema is up to date!');
    await expect.poll(() => findRunningEmbeddedPostgresUrl(path.join(dataDir!, 'postgres')), { timeout: 10_000 }).toBeUndefined();
    // Three CLI runs, each loading Prisma's CLI and the schema engine's Wasm: a minute was not enough at load 10.
  }, 180_000);
});
