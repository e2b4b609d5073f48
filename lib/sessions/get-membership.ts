import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { canRunSession, type SessionRoleName } from './session-roles';

export interface Membership {
  sessionId: string;
  userId: string;
  role: SessionRoleName;
}

/** The caller's membership, or NOT_FOUND: a stranger cannot tell a session they are not in from none at all. */
export async function getMembership(db: Db | DbTx, sessionId: string, userId: string): Promise<Membership> {
  const member = await db.sessionMember.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { sessionId: true, userId: true, role: true },
  });
  if (!member) throw new AppError('NOT_FOUND', 'That session does not exist or you are not part of it.');
  return member;
}

/** The caller's membership if they may run the session itself (start, complete, invite): see canRunSession. */
export async function getHostMembership(db: Db | DbTx, sessionId: string, userId: string): Promise<Membership> {
  const membership = await getMembership(db, sessionId, userId);
  if (!canRunSession(membership.role)) throw new AppError('FORBIDDEN', 'Only the interviewer can do that.');
  return membership;
}
