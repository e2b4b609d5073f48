import type { Db } from '@/lib/db';
import { closeDocuments } from '@/lib/documents/document-store';
import { AppError } from '@/lib/errors';
import type { DomainEvent, WithEvents } from '@/lib/events/domain-event';
import { applyTimerCommand, elapsedAt, type RoundClock, type TimerCommand } from '@/lib/timer/round-clock';
import { clockOf, loadControlledRound } from './load-controlled-round';

export interface RoundClockState {
  roundId: string;
  clock: RoundClock;
  timerVersion: number;
}

/**
 * Applies a timer command to the round's stored clock. Starting reveals the first question; ending freezes
 * the clock, closes the open question's split and makes the round's documents read-only (in the same transaction,
 * so no update is stored into them after the commit).
 */
export async function controlRoundTimer(
  db: Db,
  sessionId: string,
  roundId: string,
  userId: string,
  command: TimerCommand,
  extendByMs?: number,
): Promise<WithEvents<RoundClockState>> {
  return db.$transaction(async (tx) => {
    const round = await loadControlledRound(tx, sessionId, roundId, userId);
    if (command === 'start' && round.position !== round.session.currentRoundIndex) {
      throw new AppError('CONFLICT', 'Only the current round can be started.');
    }
    const nowMs = Date.now();
    const next = applyTimerCommand(clockOf(round), command, nowMs, extendByMs);
    const now = new Date(nowMs);
    // Optimistic: another interviewer's command in between makes this one fail instead of overwriting it.
    const { count } = await tx.round.updateMany({
      where: { id: roundId, timerVersion: round.timerVersion },
      data: {
        status: next.status,
        durationMs: next.durationMs,
        elapsedMs: next.elapsedMs,
        runningSince: next.runningSince === null ? null : new Date(next.runningSince),
        timerVersion: round.timerVersion + 1,
        ...(command === 'start' ? { startedAt: now } : {}),
        ...(command === 'end' ? { endedAt: now } : {}),
      },
    });
    if (count === 0) throw new AppError('CONFLICT', 'The timer changed at the same moment; try again.');
    const timerVersion = round.timerVersion + 1;
    const events: DomainEvent[] = [{ type: 'round-clock', sessionId, roundId, clock: next, timerVersion }];
    if (command === 'start' || command === 'end') events.push({ type: 'session-changed', sessionId, reason: `round.${command}` });

    if (command === 'start') {
      const first = await tx.roundQuestion.findFirst({ where: { roundId, revealedAt: null }, orderBy: { position: 'asc' }, select: { id: true } });
      if (first) await tx.roundQuestion.update({ where: { id: first.id }, data: { revealedAt: now, revealedAtElapsedMs: 0 } });
    }
    if (command === 'end') {
      await tx.roundQuestion.updateMany({
        where: { roundId, revealedAt: { not: null }, completedAt: null },
        data: { completedAt: now, completedAtElapsedMs: elapsedAt(next, nowMs) },
      });
      events.push({ type: 'documents-closed', documentIds: await closeDocuments(tx, { sessionId, roundId }) });
    }
    await tx.sessionEvent.create({
      data: {
        sessionId,
        roundId,
        type: `round.${command}`,
        actorId: userId,
        payload: { elapsedMs: elapsedAt(next, nowMs), ...(extendByMs ? { extendByMs } : {}) },
      },
    });
    return { roundId, clock: next, timerVersion, events };
  });
}
