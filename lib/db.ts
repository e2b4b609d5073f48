import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';
import { requireDatabaseUrl } from '@/lib/env';

// One PrismaClient per process. Cached on globalThis because Next compiles lib/ into its own bundles:
// the custom server's module and the route handlers' copy must share one pool, not open one each.

const globalForDb = globalThis as unknown as { mockloopDb?: { url: string; client: PrismaClient } };

export function createDbClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

export function getDb(): PrismaClient {
  const url = requireDatabaseUrl();
  const cached = globalForDb.mockloopDb;
  if (cached && cached.url === url) return cached.client;
  const client = createDbClient(url);
  globalForDb.mockloopDb = { url, client };
  return client;
}

export async function disconnectDb(): Promise<void> {
  const cached = globalForDb.mockloopDb;
  globalForDb.mockloopDb = undefined;
  await cached?.client.$disconnect();
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
