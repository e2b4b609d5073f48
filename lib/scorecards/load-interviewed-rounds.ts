import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSessionAccess } from '@/lib/sessions/get-session-access';
import { SCORED_ROUND_SELECT } from './load-scored-round';

/** The session's rounds with the caller's role in each; NOT_FOUND unless the caller is a member. */
export async function loadRoundsWithRoles(db: Db | DbTx, sessionId: string, userId: string) {
  const { membership, roleIn } = await getSessionAccess(db, sessionId, userId);
  const session = await db.interviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { id: true, title: true, status: true, rounds: { orderBy: { position: 'asc' }, select: SCORED_ROUND_SELECT } },
  });
  const rounds = session.rounds.map((round) => ({ ...round, viewerRole: roleIn(round) }));
  return { session, membership, rounds };
}

/** The rounds the caller interviews; FORBIDDEN when there are none (a candidate has no rubric to see). */
export async function loadInterviewedRounds(db: Db | DbTx, sessionId: string, userId: string) {
  const loaded = await loadRoundsWithRoles(db, sessionId, userId);
  const interviewed = loaded.rounds.filter((round) => round.viewerRole === 'INTERVIEWER');
  if (interviewed.length === 0) throw new AppError('FORBIDDEN', 'Only the interviewers of this session can see its scorecards.');
  return { ...loaded, rounds: interviewed };
}
