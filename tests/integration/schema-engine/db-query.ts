import pg from 'pg';

/** One query on a test database, through its own short-lived connection. */
export async function queryRows<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function tableNames(url: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    url,
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map(({ name }) => name);
}

/**
 * Other sessions connected to `database` (default: the url's own), once the count has settled. A client
 * that closed its connection is gone from pg_stat_activity only when its backend process has exited, which
 * PostgreSQL does asynchronously: on a busy machine that can lag the close by a few milliseconds. A leaked
 * connection never goes away, so polling for up to two seconds still catches it.
 */
export async function otherSessionsOnceSettled(url: string, database?: string): Promise<unknown[]> {
  const sql = database
    ? 'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()'
    : 'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()';
  const deadline = Date.now() + 2_000;
  for (;;) {
    const rows = await queryRows(url, sql, database ? [database] : []);
    if (rows.length === 0 || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
