import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { WithEvents } from '@/lib/events/domain-event';
import { elapsedAt } from '@/lib/timer/round-clock';
import { clockOf, loadControlledRound } from './load-controlled-round';

/**
 * Reveals the round's next planned question. The question on screen until now is marked done at this
 * moment: for SQL that is the per-problem split (when it was shown, when the candidate moved on).
 */
export async function revealNextQuestion(db: Db, sessionId: string, roundId: string, userId: string): Promise<WithEvents<{ roundQuestionId: string }>> {
  return db.$transaction(async (tx) => {
    const round = await loadControlledRound(tx, sessionId, roundId, userId);
    if (round.status !== 'RUNNING' && round.status !== 'PAUSED') throw new AppError('CONFLICT', 'Start the round first.');
    const next = await tx.roundQuestion.findFirst({ where: { roundId, revealedAt: null }, orderBy: { position: 'asc' }, select: { id: true } });
    if (!next) throw new AppError('CONFLICT', 'Every planned question has been revealed.');
    const now = new Date();
    const elapsedMs = elapsedAt(clockOf(round), now.getTime());
    await tx.roundQuestion.updateMany({
      where: { roundId, revealedAt: { not: null }, completedAt: null },
      data: { completedAt: now, completedAtElapsedMs: elapsedMs },
    });
    // Conditional, so a double click reveals one question, not two.
    const { count } = await tx.roundQuestion.updateMany({
      where: { id: next.id, revealedAt: null },
      data: { revealedAt: now, revealedAtElapsedMs: elapsedMs },
    });
    if (count === 0) throw new AppError('CONFLICT', 'That question was just revealed.');
    await tx.sessionEvent.create({
      data: { sessionId, roundId, type: 'question.revealed', actorId: userId, payload: { roundQuestionId: next.id, elapsedMs } },
    });
    return { roundQuestionId: next.id, events: [{ type: 'session-changed', sessionId, reason: 'question.revealed' }] };
  });
}
