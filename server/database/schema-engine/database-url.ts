/** PostgreSQL connection strings, taken apart the way the schema engine needs them. */

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name === '' ? 'postgres' : name;
}

export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Prisma's `?schema=` parameter; pg itself ignores it. */
export function schemaNameOf(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined;
}

/** host:port/database, for "is this the same database?" checks and for messages without credentials. */
export function databaseLocationOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}/${databaseNameOf(url)}`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
