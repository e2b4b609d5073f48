import pg from 'pg';
import { databaseNameOf, quoteIdentifier, withDatabaseName } from './database-url';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// CREATE/DROP DATABASE cannot run while connected to the database itself; every PostgreSQL server has
// the `postgres` maintenance database.
function maintenanceUrl(url: string): string {
  return withDatabaseName(url, 'postgres');
}

export async function assertCanConnect(url: string): Promise<void> {
  await withClient(url, (client) => client.query('SELECT 1'));
}

export async function createDatabase(url: string): Promise<string> {
  const name = databaseNameOf(url);
  await withClient(maintenanceUrl(url), (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return name;
}

/** FORCE ends leftover sessions, so a pool that was slow to close cannot make the drop fail. */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await withClient(maintenanceUrl(url), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

/**
 * Empties a database the user gave us as a shadow database: the engine replays the whole migration
 * history into it and assumes it starts empty.
 */
export async function dropAllSchemas(url: string, recreate: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace
        WHERE nspname NOT IN ('pg_catalog', 'information_schema')
          AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'`,
    );
    const drops = rows.map(({ name }) => `DROP SCHEMA ${quoteIdentifier(name)} CASCADE;`).join('\n');
    await client.query(`${drops}\nCREATE SCHEMA ${quoteIdentifier(recreate)};`);
  });
}
