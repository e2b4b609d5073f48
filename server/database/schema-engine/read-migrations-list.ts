import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm';

const LOCKFILE = 'migration_lock.toml';
const SCRIPT = 'migration.sql';

/** Reads a migrations folder into the engine's input, exactly as Prisma's CLI does before each command. */
export async function readMigrationsList(migrationsDir: string, shadowDbInitScript = ''): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockfileContent = await readFile(path.join(baseDir, LOCKFILE), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<MigrationDirectory> => {
        const content = await readFile(path.join(baseDir, entry.name, SCRIPT), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        );
        return { path: entry.name, migrationFile: { path: SCRIPT, content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile: { path: LOCKFILE, content: lockfileContent }, shadowDbInitScript, migrationDirectories };
}
