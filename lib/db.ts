import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';
import { requireDatabaseUrl } from '@/lib/env';
import { releaseDbClient, sharedDbClient } from '@/lib/process-services';

// One PrismaClient per process, shared through lib/process-services.ts: the custom server's module and the route
// handlers' copy must share one pool, not open one each.

// Interactive transactions queue for one of the pool's 10 connections. Prisma gives up after 2 s by default, which
// a burst of autosaves on one scorecard (each waits for the row lock of the one before) overran on a busy machine,
// and each overrun reached the user as "Something went wrong". Waiting longer is the better answer: the work is
// short, the queue drains, and the client's own acknowledgement timeout (10 s) still bounds the wait.
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 } as const;

export function createDbClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 }, { statementNameGenerator: ({ sql }) => preparedStatementName(sql) });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}

const PREPARED_PREFIX = '/* prepared: ';
const PREPARED_MARKER = /^\/\* prepared: ([a-z][a-z0-9-]*) \*\//;
/** Only marked statements: a handful of texts. */
const preparedNames = new Map<string, string>();

/**
 * A statement that runs for every write batch is worth preparing once per connection instead of having
 * PostgreSQL parse and plan it on every call: it opts in by starting with the comment `/* prepared: <name> *\/`.
 * Everything else runs unnamed (''), as before: Prisma's own queries vary in shape (list lengths), and every
 * named statement stays prepared for as long as its connection lives. The name carries a hash of the text, so
 * editing a statement (or reusing a name) can never meet a connection that prepared the old text under it.
 */
export function preparedStatementName(sql: string): string {
  // Every query passes through here: the cheap test first.
  if (!sql.startsWith(PREPARED_PREFIX)) return '';
  const known = preparedNames.get(sql);
  if (known !== undefined) return known;
  const marker = PREPARED_MARKER.exec(sql);
  if (!marker) return '';
  const name = `${marker[1]}-${createHash('sha256').update(sql).digest('hex').slice(0, 12)}`;
  preparedNames.set(sql, name);
  return name;
}

export function getDb(): PrismaClient {
  return sharedDbClient(requireDatabaseUrl(), createDbClient);
}

export async function disconnectDb(): Promise<void> {
  await releaseDbClient()?.$disconnect();
}

export type Db = PrismaClient;

/** The client inside an interactive transaction. */
export type DbTx = Prisma.TransactionClient;

/**
 * Runs `work` in a transaction: a new one on the root client, or the caller's own when handed a transaction
 * client already (Prisma cannot nest interactive transactions), so a write can join a larger one.
 */
export function inTransaction<T>(db: Db | DbTx, work: (tx: DbTx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction(work) : work(db);
}
