import type { Db } from '@/lib/db';
import { closeDocuments } from '@/lib/documents/document-store';
import { AppError } from '@/lib/errors';
import type { DomainEvent, WithEvents } from '@/lib/events/domain-event';
import { getHostMembership } from './get-membership';
import { assertTransition, type SessionStatusName } from './session-lifecycle';

/** What the room is told (`session:changed`'s reason). */
const TRANSITION_REASON: Record<'LIVE' | 'COMPLETED' | 'CANCELLED', string> = { LIVE: 'started', COMPLETED: 'completed', CANCELLED: 'cancelled' };

const TRANSITION_EVENT: Record<'LIVE' | 'COMPLETED' | 'CANCELLED', string> = {
  LIVE: 'session.started',
  COMPLETED: 'session.completed',
  CANCELLED: 'session.cancelled',
};

/**
 * start (→ LIVE), complete (→ COMPLETED) or cancel (→ CANCELLED), by an interviewer, along the allowed
 * lifecycle only (an interviewer, or either peer of a peer session). Finishing a session ends any round still on the clock and makes every document read-only
 * (closed in the same transaction, so no update is stored into them after the commit).
 */
export async function changeSessionStatus(
  db: Db,
  sessionId: string,
  userId: string,
  to: 'LIVE' | 'COMPLETED' | 'CANCELLED',
): Promise<WithEvents<object>> {
  await getHostMembership(db, sessionId, userId);
  return db.$transaction(async (tx) => {
    const session = await tx.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true } });
    assertTransition(session.status as SessionStatusName, to);
    const now = new Date();
    // Conditional on the status we read, so two clicks (or two interviewers) cannot both transition it.
    const { count } = await tx.interviewSession.updateMany({
      where: { id: sessionId, status: session.status },
      data: { status: to, ...(to === 'LIVE' ? { startedAt: now } : { endedAt: now }) },
    });
    if (count === 0) throw new AppError('CONFLICT', 'The session changed at the same moment; reload and try again.');
    const events: DomainEvent[] = [];
    if (to !== 'LIVE') {
      const open = await tx.round.findMany({
        where: { sessionId, status: { in: ['RUNNING', 'PAUSED'] } },
        select: { id: true, elapsedMs: true, runningSince: true, status: true },
      });
      for (const round of open) {
        const elapsedMs = round.elapsedMs + (round.status === 'RUNNING' && round.runningSince ? now.getTime() - round.runningSince.getTime() : 0);
        await tx.round.update({
          where: { id: round.id },
          data: { status: 'ENDED', elapsedMs, runningSince: null, endedAt: now, timerVersion: { increment: 1 } },
        });
      }
      events.push({ type: 'documents-closed', documentIds: await closeDocuments(tx, { sessionId }) });
    }
    await tx.sessionEvent.create({ data: { sessionId, type: TRANSITION_EVENT[to], actorId: userId } });
    events.push({ type: 'session-changed', sessionId, reason: TRANSITION_REASON[to] });
    return { events };
  });
}
