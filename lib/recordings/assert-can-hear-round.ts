import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { resolveFeedbackAuthors } from '@/lib/scorecards/resolve-feedback-authors';
import { getSessionAccess } from '@/lib/sessions/get-session-access';

/**
 * Who may hear a round's recorded voices follows who may see its feedback: whoever interviews the round at once;
 * its candidate only once an interviewer who ran it has published feedback (the report's own rule). A stranger
 * gets NOT_FOUND, like everywhere else. Reading this opens nothing.
 */
export async function assertCanHearRound(db: Db, sessionId: string, roundId: string, userId: string): Promise<void> {
  const access = await getSessionAccess(db, sessionId, userId);
  const round = await db.round.findFirst({ where: { id: roundId, sessionId }, select: { interviewerId: true, candidateId: true } });
  if (!round) throw new AppError('NOT_FOUND', 'That round does not exist in this session.');
  if (access.roleIn(round) === 'INTERVIEWER') return;
  const [releases, interviewers] = await Promise.all([
    db.feedbackRelease.findMany({ where: { sessionId }, select: { interviewerId: true } }),
    db.sessionMember.findMany({ where: { sessionId, role: 'INTERVIEWER' }, select: { userId: true } }),
  ]);
  const published = new Set(releases.map((release) => release.interviewerId));
  const authors = resolveFeedbackAuthors(round, interviewers.map((member) => member.userId), published);
  if (authors.length === 0) throw new AppError('FORBIDDEN', 'You can hear this recording once your feedback is published.');
}
