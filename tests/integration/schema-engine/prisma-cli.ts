import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { wasmSchemaEngineLauncher } from '@/server/database/schema-engine/resolve-schema-engine';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
const PRISMA_CLI = path.join(PROJECT_ROOT, 'node_modules/prisma/build/index.js');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  databaseUrl: string;
  shadowDatabaseUrl?: string;
  cwd?: string;
  /** `npx prisma` instead of the CLI's entry file: the command a developer types. */
  viaNpx?: boolean;
}

/**
 * Runs the Prisma CLI the way a developer does, pinned to our Wasm stand-in even on a machine where
 * the native engine exists (that is what these tests are about).
 */
export function runPrisma(args: string[], { databaseUrl, shadowDatabaseUrl, cwd = PROJECT_ROOT, viaNpx = false }: RunOptions): Promise<CommandResult> {
  const [file, fileArgs] = viaNpx ? ['npx', ['prisma', ...args]] : [process.execPath, [PRISMA_CLI, ...args]];
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SHADOW_DATABASE_URL: shadowDatabaseUrl ?? '',
    PRISMA_SCHEMA_ENGINE_BINARY: wasmSchemaEngineLauncher,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CI: '1',
  };
  return new Promise((resolve) => {
    execFile(file, fileArgs, { cwd, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface TempPrismaProject {
  dir: string;
  schemaPath: string;
  migrationsDir: string;
  remove(): Promise<void>;
}

/**
 * A throwaway copy of the project's prisma/ folder with its own config, for tests that change the
 * schema or the migrations. The real prisma/ folder is never touched.
 */
export async function createTempPrismaProject(): Promise<TempPrismaProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-prisma-'));
  await cp(path.join(PROJECT_ROOT, 'prisma'), path.join(dir, 'prisma'), { recursive: true });
  // A plain object: the temp folder has no node_modules to resolve `prisma/config` from.
  await writeFile(
    path.join(dir, 'prisma.config.ts'),
    `export default {
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
};
`,
  );
  return {
    dir,
    schemaPath: path.join(dir, 'prisma/schema.prisma'),
    migrationsDir: path.join(dir, 'prisma/migrations'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Adds a migration after the project's own ones (names sort by their timestamp prefix). */
export async function addMigration(project: TempPrismaProject, name: string, sql: string): Promise<void> {
  const dir = path.join(project.migrationsDir, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
}
