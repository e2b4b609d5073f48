import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { queryRows, tableNames } from './db-query';
import { createTempPrismaProject, runPrisma, type TempPrismaProject } from './prisma-cli';

const EXTRA_MODEL = '\nmodel Drifted {\n  id Int @id\n}\n';

describe('prisma migrate diff / dev / db push through the Wasm schema engine', () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function scratchDatabase(prefix: string): Promise<TestDatabase> {
    const database = await createTestDatabase(prefix);
    cleanups.push(() => database.drop());
    return database;
  }

  async function scratchProject(): Promise<TempPrismaProject> {
    const project = await createTempPrismaProject();
    cleanups.push(() => project.remove());
    return project;
  }

  it('migrate diff --from-migrations --exit-code: 0 when the schema matches the migrations, 2 when it drifts', async () => {
    // The migrations are replayed into a temporary shadow database on the DATABASE_URL server.
    const { url } = await scratchDatabase('se_diff');
    const args = ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--exit-code', '--to-schema'];

    const inSync = await runPrisma([...args, 'prisma/schema.prisma'], { databaseUrl: url });
    expect(inSync.code, inSync.stdout + inSync.stderr).toBe(0);
    expect(inSync.stdout).toContain('No difference detected.');

    const project = await scratchProject();
    await appendFile(project.schemaPath, EXTRA_MODEL);
    const drifted = await runPrisma([...args, project.schemaPath], { databaseUrl: url });
    expect(drifted.code, drifted.stderr).toBe(2);
    // Printed through the engine's `print` request back to the CLI.
    expect(drifted.stdout).toMatch(/Added tables\s+- Drifted/);
  });

  it('migrate diff --from-empty --script prints the SQL of the whole schema', async () => {
    const { url } = await scratchDatabase('se_script');
    const result = await runPrisma(['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script'], {
      databaseUrl: url,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('CREATE TABLE "User"');
    expect(result.stdout).toContain('ALTER TABLE "Account" ADD CONSTRAINT');
  });

  it('migrate diff against a live database describes it (pg_catalog "char" columns) and finds no drift after deploy', async () => {
    const { url } = await scratchDatabase('se_describe');
    expect((await runPrisma(['migrate', 'deploy'], { databaseUrl: url })).code).toBe(0);

    const result = await runPrisma(
      ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
      { databaseUrl: url },
    );
    expect(result.stderr).not.toContain("could not be deserialized");
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('No difference detected.');
  });

  // The engine's constraint scan reads pg_constraint.contype as a char. A CHECK constraint gives that scan
  // a row on any PostgreSQL; from 18 on, every NOT NULL column does too. Without the row the scan is a
  // no-op, which is why only PostgreSQL 18 exposed it.
  it('migrate diff describes CHECK and NOT NULL constraint rows of pg_constraint without panicking', async () => {
    const { url } = await scratchDatabase('se_check');
    expect((await runPrisma(['migrate', 'deploy'], { databaseUrl: url })).code).toBe(0);
    await queryRows(url, `ALTER TABLE "User" ADD CONSTRAINT "User_name_not_blank" CHECK (length("name") > 0)`);

    const result = await runPrisma(
      ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
      { databaseUrl: url },
    );
    expect(result.stdout + result.stderr).not.toMatch(/panicked|get_expect_char|constraint_type/);
    // Prisma's schema does not model CHECK constraints: the database still matches it.
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('No difference detected.');
  });

  it('migrate dev --create-only writes the next migration after applying the existing ones', async () => {
    const { url } = await scratchDatabase('se_dev');
    const project = await scratchProject();
    await appendFile(project.schemaPath, EXTRA_MODEL);
    const before = await readdir(project.migrationsDir);

    const result = await runPrisma(['migrate', 'dev', '--create-only', '--name', 'drifted'], { databaseUrl: url, cwd: project.dir });

    expect(result.code, result.stdout + result.stderr).toBe(0);
    const created = (await readdir(project.migrationsDir)).filter((name) => !before.includes(name));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/^\d{14}_drifted$/);
    const sql = await readFile(path.join(project.migrationsDir, created[0] ?? '', 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "Drifted"');
    // Existing migrations were applied; the new one only written.
    const tables = await tableNames(url);
    expect(tables).toContain('User');
    expect(tables).not.toContain('Drifted');
  });

  it('migrate dev empties an explicit shadow database before replaying the migrations into it', async () => {
    const { url } = await scratchDatabase('se_main');
    const shadow = await scratchDatabase('se_shadow');
    // Left over from an earlier run: replaying the first migration would collide with it.
    await queryRows(shadow.url, 'CREATE TABLE "User" ("id" INTEGER)');
    const project = await scratchProject();
    await appendFile(project.schemaPath, EXTRA_MODEL);

    const result = await runPrisma(['migrate', 'dev', '--name', 'drifted'], {
      databaseUrl: url,
      shadowDatabaseUrl: shadow.url,
      cwd: project.dir,
    });

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(await tableNames(url)).toContain('Drifted');
    const userColumns = await queryRows(shadow.url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'User'`);
    expect(userColumns.length).toBeGreaterThan(1);
  });

  it('db push creates the schema, then reports it in sync', async () => {
    const { url } = await scratchDatabase('se_push');
    const first = await runPrisma(['db', 'push'], { databaseUrl: url });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(await tableNames(url)).toEqual(expect.arrayContaining(['User', 'Account', 'Session', 'VerificationToken']));

    const second = await runPrisma(['db', 'push'], { databaseUrl: url });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('already in sync');
  });
});
