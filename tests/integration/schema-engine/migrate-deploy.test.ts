import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { queryRows, tableNames } from './db-query';
import { addMigration, createTempPrismaProject, PROJECT_ROOT, runPrisma, type TempPrismaProject } from './prisma-cli';

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/migrations');

async function projectMigrations(): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash('sha256').update(await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'))).digest('hex'),
    })),
  );
}

describe('prisma migrate deploy through the Wasm schema engine', () => {
  let database: TestDatabase | undefined;
  let project: TempPrismaProject | undefined;

  afterEach(async () => {
    await database?.drop();
    await project?.remove();
    database = undefined;
    project = undefined;
  });

  it('applies the project migrations to an empty database and records them with sha256 checksums', async () => {
    database = await createTestDatabase('se_deploy');
    const result = await runPrisma(['migrate', 'deploy'], { databaseUrl: database.url, viaNpx: true });

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('All migrations have been successfully applied.');
    const recorded = await queryRows<{ name: string; checksum: string; finished: boolean }>(
      database.url,
      `SELECT migration_name AS name, checksum, finished_at IS NOT NULL AS finished
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    const expected = await projectMigrations();
    expect(expected.length).toBeGreaterThan(0);
    expect(recorded).toEqual(expected.map((migration) => ({ ...migration, finished: true })));
    expect(await tableNames(database.url)).toEqual(expect.arrayContaining(['User', 'Account', 'Session', 'VerificationToken']));
  });

  it('rolls a failing migration back whole and reports it', async () => {
    database = await createTestDatabase('se_failing');
    project = await createTempPrismaProject();
    await addMigration(
      project,
      '99990101000000_breaks_halfway',
      'CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "Half" VALUES (1);\nSELECT 1 / 0;\n',
    );

    const result = await runPrisma(['migrate', 'deploy'], { databaseUrl: database.url, cwd: project.dir });

    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('P3018');
    expect(output).toContain('99990101000000_breaks_halfway');
    expect(output).toContain('division by zero');
    // The statements before the failure are gone too: the script ran as one transaction.
    expect(await tableNames(database.url)).not.toContain('Half');
    const rows = await queryRows<{ name: string; finished: boolean }>(
      database.url,
      'SELECT migration_name AS name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY 1',
    );
    expect(rows.at(-1)).toEqual({ name: '99990101000000_breaks_halfway', finished: false });
    expect(rows.slice(0, -1).every((row) => row.finished)).toBe(true);
  });

  it('applies a migration whose dollar-quoted function body contains semicolons', async () => {
    database = await createTestDatabase('se_dollar');
    project = await createTempPrismaProject();
    await addMigration(
      project,
      '99990101000000_touch_function',
      `CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."updatedAt" := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER "User_touch" BEFORE UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
`,
    );

    const result = await runPrisma(['migrate', 'deploy'], { databaseUrl: database.url, cwd: project.dir });

    expect(result.code, result.stdout + result.stderr).toBe(0);
    const [fn] = await queryRows<{ body: string }>(database.url, `SELECT prosrc AS body FROM pg_proc WHERE proname = 'touch_updated_at'`);
    expect(fn?.body).toContain('RETURN NEW;');
    const triggers = await queryRows(database.url, `SELECT 1 FROM pg_trigger WHERE tgname = 'User_touch'`);
    expect(triggers).toHaveLength(1);
  });

  it('migrate status reports pending migrations, then up to date after deploy', async () => {
    database = await createTestDatabase('se_status');
    const before = await runPrisma(['migrate', 'status'], { databaseUrl: database.url });
    expect(before.code).not.toBe(0);
    expect(before.stdout).toContain('have not yet been applied');

    const deploy = await runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
    expect(deploy.code, deploy.stderr).toBe(0);

    const after = await runPrisma(['migrate', 'status'], { databaseUrl: database.url });
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toContain('Database schema is up to date!');
    // Three CLI runs, each loading Prisma's CLI and the schema engine's Wasm: a minute was not enough at load 10.
  }, 180_000);
});
