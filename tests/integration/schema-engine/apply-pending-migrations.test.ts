import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPendingMigrations, MigrationFailedError } from '@/server/database/schema-engine/apply-pending-migrations';
import { withDatabaseName } from '@/server/database/schema-engine/database-url';
import { dropDatabase } from '@/server/database/schema-engine/database-admin';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { otherSessionsOnceSettled, tableNames } from './db-query';
import { addMigration, createTempPrismaProject, PROJECT_ROOT, type TempPrismaProject } from './prisma-cli';

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/migrations');
const TSX_LOADER = path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs');
const MODULE_URL = pathToFileURL(path.join(PROJECT_ROOT, 'server/database/schema-engine/apply-pending-migrations.ts')).href;

/** Runs applyPendingMigrations in a fresh Node process and reports what still holds it open afterwards. */
async function resourcesLeftAfterApplying(url: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-apply-'));
  try {
    const script = path.join(dir, 'apply.mts');
    await writeFile(
      script,
      `const { applyPendingMigrations } = await import(${JSON.stringify(MODULE_URL)});
await applyPendingMigrations(${JSON.stringify(url)}, ${JSON.stringify(MIGRATIONS_DIR)});
setImmediate(() => console.log(JSON.stringify(process.getActiveResourcesInfo())));
`,
    );
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', TSX_LOADER, script], (error, out) => (error ? reject(error) : resolve(out)));
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ENGINE_MODULE_URL = pathToFileURL(path.join(PROJECT_ROOT, 'server/database/schema-engine/load-wasm-engine.ts')).href;

/** Runs applyPendingMigrations in a fresh Node process: what it applied, and whether it loaded the engine. */
async function applyInFreshProcess(url: string): Promise<{ applied: string[]; engineLoaded: boolean }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-apply-'));
  try {
    const script = path.join(dir, 'apply.mts');
    await writeFile(
      script,
      `const { applyPendingMigrations } = await import(${JSON.stringify(MODULE_URL)});
const { isWasmEngineLoaded } = await import(${JSON.stringify(ENGINE_MODULE_URL)});
const { applied } = await applyPendingMigrations(${JSON.stringify(url)}, ${JSON.stringify(MIGRATIONS_DIR)});
console.log(JSON.stringify({ applied, engineLoaded: isWasmEngineLoaded() }));
`,
    );
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', TSX_LOADER, script], (error, out) => (error ? reject(error) : resolve(out)));
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { applied: string[]; engineLoaded: boolean };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('applyPendingMigrations (in process, prisma migrate deploy semantics)', () => {
  let database: TestDatabase | undefined;
  let project: TempPrismaProject | undefined;

  afterEach(async () => {
    await database?.drop();
    await project?.remove();
    database = undefined;
    project = undefined;
  });

  it('applies what is pending once, then nothing', async () => {
    database = await createTestDatabase('se_inproc');
    const first = await applyPendingMigrations(database.url, MIGRATIONS_DIR);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await tableNames(database.url)).toContain('User');

    expect(await applyPendingMigrations(database.url, MIGRATIONS_DIR)).toEqual({ applied: [] });
  });

  it('loads the schema engine only when there is something to apply', async () => {
    database = await createTestDatabase('se_inproc');
    const first = await applyInFreshProcess(database.url);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.engineLoaded).toBe(true);
    // The usual restart: an up-to-date database, and the engine's Wasm never loaded into the server.
    expect(await applyInFreshProcess(database.url)).toEqual({ applied: [], engineLoaded: false });
  });

  it('leaves no timer holding the process open once it resolves', async () => {
    database = await createTestDatabase('se_inproc');
    const left = await resourcesLeftAfterApplying(database.url);
    // An ending pg socket may still be listed; a timer would keep the process alive for seconds.
    expect(left).not.toContain('Timeout');
  });

  it('creates the database when it does not exist yet', async () => {
    database = await createTestDatabase('se_inproc');
    const url = withDatabaseName(database.url, `${database.name}_new`);
    try {
      const { applied } = await applyPendingMigrations(url, MIGRATIONS_DIR);
      expect(applied.length).toBeGreaterThan(0);
    } finally {
      await dropDatabase(url);
    }
  });

  it('throws MigrationFailedError (P3018) for a failing migration, then P3009 until it is resolved', async () => {
    database = await createTestDatabase('se_inproc');
    project = await createTempPrismaProject();
    await addMigration(project, '99990101000000_fails', 'CREATE TABLE "Partial" ("id" INTEGER);\nSELECT 1 / 0;\n');

    const failure = await applyPendingMigrations(database.url, project.migrationsDir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect(failure).toMatchObject({ code: 'P3018', message: expect.stringContaining('division by zero') });
    expect(await tableNames(database.url)).not.toContain('Partial');

    await expect(applyPendingMigrations(database.url, project.migrationsDir)).rejects.toMatchObject({ code: 'P3009' });
    expect(await otherSessionsOnceSettled(database.url)).toEqual([]);
  });
});
