import type { Db } from '@/lib/db';
import { toWaitingView, type MatchRequestView } from './match-request-view';

/**
 * What the lobby shows after a reload: the caller's open waiting request, or a match they have not joined yet
 * while its joining window (`noShowWindowMs`) is still open, so a match made while the page was closed is not
 * missed. Null otherwise.
 */
export async function findCurrentMatchRequest(db: Db, userId: string, noShowWindowMs: number, now: Date = new Date()): Promise<MatchRequestView | null> {
  const waiting = await db.matchRequest.findFirst({ where: { userId, status: 'WAITING', windowEnd: { gt: now } }, orderBy: { createdAt: 'desc' } });
  if (waiting) return toWaitingView(waiting);
  const unjoined = await db.matchRequest.findFirst({
    where: { userId, status: 'MATCHED', joinedAt: null, matchedAt: { gt: new Date(now.getTime() - noShowWindowMs) } },
    orderBy: { matchedAt: 'desc' },
  });
  return unjoined?.sessionId && unjoined.matchedWithId
    ? { status: 'MATCHED', requestId: unjoined.id, sessionId: unjoined.sessionId, partnerId: unjoined.matchedWithId }
    : null;
}
