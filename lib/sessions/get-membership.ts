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

/**
 * The caller's membership if they may invite people to the session: either peer of a peer session, or the lead
 * interviewer (its creator) of a classic one. A shadow interviewer is an INTERVIEWER too, but who joins is the
 * lead's call.
 */
export async function getInviterMembership(db: Db | DbTx, sessionId: string, userId: string): Promise<Membership & { isLead: boolean }> {
  const membership = await getHostMembership(db, sessionId, userId);
  const session = await db.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { createdById: true } });
  const isLead = session.createdById === userId;
  if (membership.role === 'INTERVIEWER' && !isLead) throw new AppError('FORBIDDEN', 'Only the lead interviewer can invite people to this session.');
  return { ...membership, isLead };
}
