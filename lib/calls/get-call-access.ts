import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSessionAccess } from '@/lib/sessions/get-session-access';
import { isFinal, type SessionStatusName } from '@/lib/sessions/session-lifecycle';

/**
 * Whether the caller may be in this session's call: any member (interviewers, shadows, the candidate, peers)
 * while the session is open, the lobby included, so a pair can say hello before the start. A stranger meets the
 * membership guard's NOT_FOUND; a finished or cancelled session's call is closed.
 */
export async function assertCallAccess(db: Db, sessionId: string, userId: string): Promise<void> {
  await getSessionAccess(db, sessionId, userId);
  const session = await db.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true } });
  if (isFinal(session.status as SessionStatusName)) throw new AppError('CONFLICT', 'This session has ended, and its call with it.');
}
