import pg from 'pg';

/**
 * The migration folders the database has not recorded as applied, read from `_prisma_migrations` with a plain
 * query: a server starting on an up-to-date database then never loads the schema engine (its Wasm stays resident
 * for the life of the process, ~20 MiB). Null when the table records a migration that failed and was not rolled
 * back: the engine itself reports that (P3009), with its own words.
 */
export async function findUnappliedMigrations(databaseUrl: string, migrationNames: readonly string[]): Promise<string[] | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    if (!tables[0]?.exists) return [...migrationNames];
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations',
    );
    if (rows.some((row) => row.finished_at === null && row.rolled_back_at === null)) return null;
    const applied = new Set(rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => row.migration_name));
    return migrationNames.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}
