import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { createDbClient } from '@/lib/db';
import { seedBuiltInQuestions } from '@/lib/questions/seed-built-in-questions';
import { applyPendingMigrations } from '@/server/database/schema-engine/apply-pending-migrations';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

/** The same server and credentials, connected to its maintenance database. */
export function adminUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseUrlOn(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await withAdmin(adminUrl, (client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ''}`,
    ),
  );
  return databaseUrlOn(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export async function createMigratedTemplate(adminUrl: string): Promise<string> {
  const name = uniqueDatabaseName('mockloop_template');
  const url = await createDatabase(adminUrl, name);
  await applyPendingMigrations(url, MIGRATIONS_DIR);
  // As the server does at start: every test database begins with the built-in question bank.
  const db = createDbClient(url);
  await seedBuiltInQuestions(db);
  await db.$disconnect();
  return name;
}
