import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { ROUND_KIND_LABELS, type RoundKind } from '@/lib/rounds/round-kind';
import { invalidInput } from '@/lib/sessions/field-errors';
import { createPeerSession } from './create-peer-session';
import { meetingTime, nowWindow, reachableLevels, sharedRoundKinds, type MatchWindow } from './match-compatibility';
import { matchRequestSchema, type MatchRequestPayload } from './match-request.schema';
import { toWaitingView, type MatchRequestView } from './match-request-view';

// Every matching pass takes this transaction-scoped advisory lock, so passes run one at a time. Each pass
// runs after its own request has committed and sees every request committed before it, so two compatible
// requests can never both stay waiting (with row locks alone, two passes could each skip the other's locked
// row). Candidate rows are still taken FOR UPDATE SKIP LOCKED, which keeps cancels and expiry, which do not
// take the advisory lock, from racing a match.
const MATCHING_LOCK_KEY = 7_311_001;

// A pass waits for the ones before it: under a burst of requests that is longer than Prisma's 2 s / 5 s.
const MATCHING_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

interface CandidateRow {
  id: string;
  userId: string;
  roundKinds: RoundKind[];
  windowStart: Date;
  windowEnd: Date;
}

function windowOf(payload: MatchRequestPayload, now: Date): MatchWindow {
  if (payload.window.kind === 'now') return nowWindow(now);
  const start = new Date(payload.window.start);
  return { start, end: new Date(start.getTime() + payload.window.minutes * 60_000) };
}

/**
 * Asks for a practice partner: records the request (one waiting request per user), then matches it with the
 * compatible waiting request that has priority or else waited longest. A match creates the peer session
 * (the partner who waited hosts) and marks both requests MATCHED in one transaction. `now` is injectable for
 * tests.
 */
export async function requestMatch(db: Db, userId: string, input: unknown, now: Date = new Date()): Promise<MatchRequestView> {
  const parsed = matchRequestSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const window = windowOf(parsed.data, now);
  if (window.end.getTime() <= now.getTime()) {
    throw new AppError('INVALID_INPUT', 'That time window is already over.', { fieldErrors: { window: ['Choose a time in the future.'] } });
  }

  const requestId = await db.$transaction(async (tx) => {
    await tx.matchRequest.updateMany({ where: { userId, status: 'WAITING', windowEnd: { lte: now } }, data: { status: 'EXPIRED' } });
    if (await tx.matchRequest.findFirst({ where: { userId, status: 'WAITING' }, select: { id: true } })) throw alreadyWaiting();
    // Left waiting by a no-show: this request goes ahead of older ones (once per no-show).
    const { count: priorityGrants } = await tx.peerNoShow.updateMany({ where: { priorityForId: userId, priorityUsedAt: null }, data: { priorityUsedAt: now } });
    try {
      const request = await tx.matchRequest.create({
        data: {
          userId,
          roundKinds: parsed.data.roundKinds,
          level: parsed.data.level,
          windowStart: window.start,
          windowEnd: window.end,
          isPriority: priorityGrants > 0,
          createdAt: now,
        },
        select: { id: true },
      });
      return request.id;
    } catch (error) {
      // The partial unique index: a concurrent request of the same user won.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw alreadyWaiting();
      throw error;
    }
  });

  return db.$transaction((tx) => matchWaitingRequest(tx, requestId, now), MATCHING_TRANSACTION);
}

function alreadyWaiting(): AppError {
  return new AppError('CONFLICT', 'You are already waiting for a partner. Cancel that request to ask again.');
}

async function matchWaitingRequest(tx: DbTx, requestId: string, now: Date): Promise<MatchRequestView> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${MATCHING_LOCK_KEY})`;
  await tx.$queryRaw`SELECT id FROM "MatchRequest" WHERE id = ${requestId} FOR UPDATE`;
  const mine = await tx.matchRequest.findUniqueOrThrow({ where: { id: requestId } });
  if (mine.status === 'MATCHED' && mine.sessionId && mine.matchedWithId) {
    return { status: 'MATCHED', requestId, sessionId: mine.sessionId, partnerId: mine.matchedWithId };
  }
  if (mine.status !== 'WAITING') throw new AppError('CONFLICT', 'This request was cancelled.');

  const [partner] = await tx.$queryRaw<CandidateRow[]>`
    SELECT id, "userId", "roundKinds"::text[] AS "roundKinds", "windowStart", "windowEnd"
    FROM "MatchRequest"
    WHERE status = 'WAITING'
      AND "userId" <> ${mine.userId}
      AND "roundKinds" && ${mine.roundKinds}::"RoundKind"[]
      AND level = ANY(${reachableLevels(mine.level)}::"PeerLevel"[])
      AND "windowStart" < ${mine.windowEnd}
      AND "windowEnd" > ${mine.windowStart}
      AND "windowEnd" > ${now}
    ORDER BY "isPriority" DESC, "createdAt" ASC, id ASC
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  if (!partner) return toWaitingView(mine);

  const names = await tx.user.findMany({ where: { id: { in: [partner.userId, mine.userId] } }, select: { id: true, name: true } });
  const nameOf = (id: string) => names.find((user) => user.id === id)?.name ?? 'Peer';
  const roundKinds = sharedRoundKinds(mine.roundKinds, partner.roundKinds);
  const title = `Peer practice: ${roundKinds.map((kind) => ROUND_KIND_LABELS[kind]).join(', ')} · ${nameOf(partner.userId)} & ${nameOf(mine.userId)}`;
  const session = await createPeerSession(tx, {
    hostId: partner.userId,
    guestId: mine.userId,
    roundKinds,
    title: title.length > 120 ? `${title.slice(0, 119)}…` : title,
    scheduledAt: meetingTime({ start: mine.windowStart, end: mine.windowEnd }, { start: partner.windowStart, end: partner.windowEnd }, now),
  });
  for (const [id, matchedWithId] of [
    [mine.id, partner.userId],
    [partner.id, mine.userId],
  ] as const) {
    await tx.matchRequest.update({ where: { id }, data: { status: 'MATCHED', matchedWithId, sessionId: session.id, matchedAt: now } });
  }
  return { status: 'MATCHED', requestId, sessionId: session.id, partnerId: partner.userId };
}
