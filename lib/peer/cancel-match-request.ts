import type { Db } from '@/lib/db';

/**
 * Withdraws the caller's waiting request. Idempotent; a request matched a moment earlier stays matched (the
 * UPDATE waits for the matching transaction's row lock, then finds the row no longer WAITING).
 */
export async function cancelMatchRequest(db: Db, userId: string): Promise<{ isCancelled: boolean }> {
  const { count } = await db.matchRequest.updateMany({ where: { userId, status: 'WAITING' }, data: { status: 'CANCELLED' } });
  return { isCancelled: count > 0 };
}
