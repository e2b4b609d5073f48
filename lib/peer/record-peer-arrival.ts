import type { Db } from '@/lib/db';

/**
 * Notes the first time a matched user joins their peer session (their `session:join`): the no-show check
 * reads it. A no-op for sessions that did not come from a match and for every later join.
 */
export async function recordPeerArrival(db: Db, sessionId: string, userId: string, now: Date = new Date()): Promise<void> {
  await db.matchRequest.updateMany({ where: { sessionId, userId, status: 'MATCHED', joinedAt: null }, data: { joinedAt: now } });
}
