import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { WithEvents } from '@/lib/events/domain-event';
import { loadControlledRound } from './load-controlled-round';

/** Moves the session on to the round after the current one, once the current one has ended. */
export async function advanceRound(db: Db, sessionId: string, roundId: string, userId: string): Promise<WithEvents<{ currentRoundIndex: number }>> {
  return db.$transaction(async (tx) => {
    const round = await loadControlledRound(tx, sessionId, roundId, userId);
    if (round.position !== round.session.currentRoundIndex) throw new AppError('CONFLICT', 'That is not the current round.');
    if (round.status !== 'ENDED') throw new AppError('CONFLICT', 'End this round before moving on.');
    const next = await tx.round.findFirst({ where: { sessionId, position: round.position + 1 }, select: { id: true } });
    if (!next) throw new AppError('CONFLICT', 'This was the last round: complete the session instead.');
    const { count } = await tx.interviewSession.updateMany({
      where: { id: sessionId, currentRoundIndex: round.position },
      data: { currentRoundIndex: round.position + 1 },
    });
    if (count === 0) throw new AppError('CONFLICT', 'The session already moved on.');
    await tx.sessionEvent.create({ data: { sessionId, roundId: next.id, type: 'round.current', actorId: userId } });
    return { currentRoundIndex: round.position + 1, events: [{ type: 'session-changed', sessionId, reason: 'round.current' }] };
  });
}
