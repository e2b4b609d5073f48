import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getRoundAs } from '@/lib/sessions/get-session-access';

/** What a scorecard shows of its round (the revealed questions counted), for one round or a session's list. */
export const SCORED_ROUND_SELECT = {
  id: true,
  position: true,
  kind: true,
  status: true,
  durationMs: true,
  elapsedMs: true,
  interviewerId: true,
  candidateId: true,
  _count: { select: { questions: { where: { revealedAt: { not: null } } } } },
} as const;

/**
 * A round the caller may score: a member of the session (NOT_FOUND otherwise: strangers learn nothing)
 * who interviews that round (FORBIDDEN for its candidate). The base of every scorecard read and write.
 */
export async function loadScoredRound(db: Db | DbTx, sessionId: string, roundId: string, userId: string) {
  return getRoundAs(db, { sessionId, roundId, userId }, 'INTERVIEWER', 'Only the interviewer of this round can see or change its scorecard.', {
    ...SCORED_ROUND_SELECT,
    runningSince: true,
  });
}

/** Published feedback is what the candidate reads: it cannot change underneath them. */
export async function lockedReasonFor(db: Db | DbTx, sessionId: string, interviewerId: string): Promise<string | null> {
  const release = await db.feedbackRelease.findUnique({
    where: { sessionId_interviewerId: { sessionId, interviewerId } },
    select: { openedAt: true },
  });
  if (!release) return null;
  return release.openedAt
    ? 'The candidate has read your published feedback, so it can no longer change.'
    : 'Your feedback is published. Unpublish it to edit.';
}

export async function assertNotLocked(db: Db | DbTx, sessionId: string, interviewerId: string): Promise<void> {
  const reason = await lockedReasonFor(db, sessionId, interviewerId);
  if (reason) throw new AppError('CONFLICT', reason);
}
