import type { Db } from '@/lib/db';

export interface RecordedNoShow {
  sessionId: string;
  /** Who did not join in time. */
  userId: string;
  /** The partner who did join, now first in the queue; null when neither joined. */
  priorityForId: string | null;
}

interface ClaimedRow {
  id: string;
  userId: string;
  sessionId: string;
  matchedWithId: string;
  matchedAt: Date;
  joinedAt: Date | null;
}

// Matches settled per call; the sweep runs again soon, so a backlog drains over a few calls.
const BATCH = 200;

/**
 * Settles matches older than the no-show window: a matched user who had not joined the session within
 * `windowMs` of the match gets a PeerNoShow; their partner, if they did join, is granted priority (their
 * waiting request now, or else their next one, is matched before older requests). Idempotent and safe to run
 * from several processes: each match request is claimed once. `now` is injectable for tests.
 */
export async function recordPeerNoShows(db: Db, options: { windowMs: number; now?: Date }): Promise<RecordedNoShow[]> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.windowMs);
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<ClaimedRow[]>`
      UPDATE "MatchRequest" SET "noShowCheckedAt" = ${now}
      WHERE id IN (
        SELECT id FROM "MatchRequest"
        WHERE status = 'MATCHED' AND "noShowCheckedAt" IS NULL AND "sessionId" IS NOT NULL AND "matchedAt" <= ${cutoff}
        ORDER BY "matchedAt"
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, "userId", "sessionId", "matchedWithId", "matchedAt", "joinedAt"`;
    if (claimed.length === 0) return [];

    const isOnTime = (row: { matchedAt: Date | null; joinedAt: Date | null }) =>
      row.joinedAt !== null && row.matchedAt !== null && row.joinedAt.getTime() <= row.matchedAt.getTime() + options.windowMs;
    // A pair's two rows are usually claimed together, but read the partners' rows to be sure.
    const pairRows = await tx.matchRequest.findMany({
      where: { status: 'MATCHED', sessionId: { in: [...new Set(claimed.map((row) => row.sessionId))] } },
      select: { userId: true, sessionId: true, matchedAt: true, joinedAt: true },
    });

    const recorded: RecordedNoShow[] = [];
    for (const row of claimed) {
      if (isOnTime(row)) continue;
      const partner = pairRows.find((other) => other.sessionId === row.sessionId && other.userId === row.matchedWithId);
      const priorityForId = partner && isOnTime(partner) ? partner.userId : null;
      const { count } = await tx.peerNoShow.createMany({
        data: [{ sessionId: row.sessionId, userId: row.userId, matchedAt: row.matchedAt, recordedAt: now, priorityForId }],
        skipDuplicates: true,
      });
      if (count === 0) continue;
      if (priorityForId) {
        // Already back in the queue: move that request ahead now and spend the grant on it.
        const bumped = await tx.matchRequest.updateMany({ where: { userId: priorityForId, status: 'WAITING' }, data: { isPriority: true } });
        if (bumped.count > 0) {
          await tx.peerNoShow.updateMany({ where: { sessionId: row.sessionId, userId: row.userId }, data: { priorityUsedAt: now } });
        }
      }
      recorded.push({ sessionId: row.sessionId, userId: row.userId, priorityForId });
    }
    return recorded;
  });
}
