import type { Db } from '@/lib/db';

/** Closes waiting requests whose window has passed. Matching already ignores them; this keeps the queue honest. */
export async function expireMatchRequests(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.matchRequest.updateMany({ where: { status: 'WAITING', windowEnd: { lte: now } }, data: { status: 'EXPIRED' } });
  return count;
}
