import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getMembership } from '@/lib/sessions/get-membership';
import { roleInRound } from '@/lib/sessions/session-roles';

type Tx = Prisma.TransactionClient;

/**
 * A round the caller may score: a member of the session (NOT_FOUND otherwise: strangers learn nothing)
 * who interviews that round (FORBIDDEN for its candidate). The base of every scorecard read and write.
 */
export async function loadScoredRound(db: Db | Tx, sessionId: string, roundId: string, userId: string) {
  const membership = await getMembership(db as Db, sessionId, userId);
  const round = await db.round.findFirst({
    where: { id: roundId, sessionId },
    select: {
      id: true,
      position: true,
      kind: true,
      status: true,
      durationMs: true,
      elapsedMs: true,
      runningSince: true,
      interviewerId: true,
      candidateId: true,
      _count: { select: { questions: { where: { revealedAt: { not: null } } } } },
    },
  });
  if (!round) throw new AppError('NOT_FOUND', 'That round does not exist in this session.');
  if (roleInRound(userId, membership.role, round) !== 'INTERVIEWER') {
    throw new AppError('FORBIDDEN', 'Only the interviewer of this round can see or change its scorecard.');
  }
  return round;
}

/** Published feedback is what the candidate reads: it cannot change underneath them. */
export async function lockedReasonFor(db: Db | Tx, sessionId: string, interviewerId: string): Promise<string | null> {
  const release = await db.feedbackRelease.findUnique({
    where: { sessionId_interviewerId: { sessionId, interviewerId } },
    select: { openedAt: true },
  });
  if (!release) return null;
  return release.openedAt
    ? 'The candidate has read your published feedback, so it can no longer change.'
    : 'Your feedback is published. Unpublish it to edit.';
}

export async function assertNotLocked(db: Db | Tx, sessionId: string, interviewerId: string): Promise<void> {
  const reason = await lockedReasonFor(db, sessionId, interviewerId);
  if (reason) throw new AppError('CONFLICT', reason);
}
