import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RoundClock } from '@/lib/timer/round-clock';
import { getMembership } from './get-membership';
import { roleInRound } from './session-roles';

type Tx = Prisma.TransactionClient;

/** A round the caller runs (interviewer of that round), in a LIVE session; the base of every round command. */
export async function loadControlledRound(db: Db | Tx, sessionId: string, roundId: string, userId: string) {
  const membership = await getMembership(db as Db, sessionId, userId);
  const round = await db.round.findFirst({
    where: { id: roundId, sessionId },
    select: {
      id: true,
      position: true,
      status: true,
      durationMs: true,
      elapsedMs: true,
      runningSince: true,
      timerVersion: true,
      interviewerId: true,
      candidateId: true,
      session: { select: { status: true, currentRoundIndex: true } },
    },
  });
  if (!round) throw new AppError('NOT_FOUND', 'That round does not exist in this session.');
  if (roleInRound(userId, membership.role, round) !== 'INTERVIEWER') {
    throw new AppError('FORBIDDEN', 'Only the interviewer of this round can do that.');
  }
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
