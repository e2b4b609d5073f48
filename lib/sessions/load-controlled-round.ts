import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RoundClock } from '@/lib/timer/round-clock';
import { getRoundAs } from './get-session-access';

/** A round the caller runs (interviewer of that round), in a LIVE session; the base of every round command. */
export async function loadControlledRound(db: Db | DbTx, sessionId: string, roundId: string, userId: string) {
  const round = await getRoundAs(db, { sessionId, roundId, userId }, 'INTERVIEWER', 'Only the interviewer of this round can do that.', {
    id: true,
    position: true,
    kind: true,
    status: true,
    durationMs: true,
    elapsedMs: true,
    runningSince: true,
    timerVersion: true,
    interviewerId: true,
    candidateId: true,
    session: { select: { status: true, currentRoundIndex: true } },
  });
  if (round.session.status !== 'LIVE') throw new AppError('CONFLICT', 'Start the session first.');
  return round;
}

export function clockOf(round: { status: string; durationMs: number; elapsedMs: number; runningSince: Date | null }): RoundClock {
  return {
    status: round.status as RoundClock['status'],
    durationMs: round.durationMs,
    elapsedMs: round.elapsedMs,
    runningSince: round.runningSince?.getTime() ?? null,
  };
}
