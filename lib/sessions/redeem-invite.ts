import type { Db, DbTx } from '@/lib/db';
import { repickSessionQuestions } from './plan-session-questions';
import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { hashInviteToken, isWellFormedInviteToken } from './invite-token';

export interface InvitePreview {
  sessionId: string;
  sessionTitle: string;
  invitedBy: string;
  inviteeEmail: string | null;
  expiresAt: Date;
  /** A peer session: the holder joins as the partner and the two take turns interviewing. */
  isPeer: boolean;
  /** The holder joins as a shadow interviewer beside the lead: guides, their own scorecard and notes. */
  isShadow: boolean;
}

const UNKNOWN = 'This invite link is not valid. Ask your interviewer for a new one.';

async function loadUsableInvite(db: Db, token: string) {
  if (!isWellFormedInviteToken(token)) throw new AppError('NOT_FOUND', UNKNOWN);
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      id: true,
      sessionId: true,
      role: true,
      inviteeEmail: true,
      expiresAt: true,
      revokedAt: true,
      redeemedById: true,
      createdBy: { select: { name: true } },
      session: { select: { title: true, status: true } },
    },
  });
  if (!invite) throw new AppError('NOT_FOUND', UNKNOWN);
  if (invite.revokedAt) throw new AppError('FORBIDDEN', 'This invite was revoked. Ask your interviewer for a new one.');
  if (invite.expiresAt.getTime() <= Date.now()) {
    throw new AppError('FORBIDDEN', 'This invite has expired. Ask your interviewer for a new one.');
  }
  if (invite.session.status === 'COMPLETED' || invite.session.status === 'CANCELLED') {
    throw new AppError('CONFLICT', `This session has ${invite.session.status === 'COMPLETED' ? 'already finished' : 'been cancelled'}.`);
  }
  return invite;
}

/** What the invite page shows before anyone signs in: whose session, for whom, until when. */
export async function getInvitePreview(db: Db, token: string): Promise<InvitePreview> {
  const invite = await loadUsableInvite(db, token);
  return {
    sessionId: invite.sessionId,
    sessionTitle: invite.session.title,
    invitedBy: invite.createdBy.name,
    inviteeEmail: invite.inviteeEmail,
    expiresAt: invite.expiresAt,
    isPeer: invite.role === 'PEER',
    isShadow: invite.role === 'INTERVIEWER',
  };
}

/**
 * Joins the signed-in user to the session as its candidate, as a shadow interviewer (an INTERVIEWER invite), or
 * in a peer session as the second peer: then, in the
 * same transaction, they become the interviewer of every round the creator is candidate in and the candidate of
 * every round the creator interviews. Idempotent for the person who already redeemed it;
 * refused, with who it is for, to anyone else. The conditional update makes two people racing for one link safe;
 * a unique index (one CANDIDATE member per session), or in a peer session the session row lock, makes people
 * racing with different links of one session safe.
 */
export async function redeemInvite(db: Db, token: string, user: { id: string; email: string }): Promise<{ sessionId: string }> {
  const invite = await loadUsableInvite(db, token);
  if (invite.inviteeEmail && invite.inviteeEmail !== user.email.toLowerCase()) {
    throw new AppError(
      'FORBIDDEN',
      `This invite is for ${invite.inviteeEmail}, but you are signed in as ${user.email}. Sign out and sign in as ${invite.inviteeEmail} to join.`,
    );
  }
  if (invite.redeemedById === user.id) return { sessionId: invite.sessionId };
  if (invite.redeemedById) throw new AppError('CONFLICT', 'This invite has already been used by someone else. Ask your interviewer for a new one.');

  return db.$transaction(async (tx) => {
    const existing = await tx.sessionMember.findUnique({
      where: { sessionId_userId: { sessionId: invite.sessionId, userId: user.id } },
      select: { role: true },
    });
    if (existing?.role === 'INTERVIEWER') throw new AppError('CONFLICT', 'You are the interviewer of this session; send the link to your candidate.');
    if (invite.role === 'PEER') return joinAsPeer(tx, invite, user.id, existing !== null);
    if (invite.role === 'INTERVIEWER') return joinAsShadow(tx, invite, user.id, existing !== null);
    // The friendly answer for one after the other; at the same moment, only the unique index below can tell.
    const otherCandidate = await tx.sessionMember.findFirst({
      where: { sessionId: invite.sessionId, role: 'CANDIDATE', userId: { not: user.id } },
      select: { userId: true },
    });
    if (otherCandidate) throw alreadyHasCandidate();
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, redeemedById: null, revokedAt: null },
      data: { redeemedById: user.id, redeemedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError('CONFLICT', 'This invite has already been used by someone else. Ask your interviewer for a new one.');
    if (!existing) {
      await joinAsCandidate(tx, invite.sessionId, user.id);
      await repickSessionQuestions(tx, invite.sessionId);
    }
    await tx.sessionEvent.create({ data: { sessionId: invite.sessionId, type: 'session.candidate-joined', actorId: user.id } });
    return { sessionId: invite.sessionId };
  });
}

function alreadyHasCandidate(): AppError {
  return new AppError('CONFLICT', 'This session already has a candidate.');
}

async function joinAsCandidate(tx: DbTx, sessionId: string, userId: string): Promise<void> {
  try {
    await tx.sessionMember.create({ data: { sessionId, userId, role: 'CANDIDATE' } });
  } catch (error) {
    // "SessionMember_one_candidate_per_session": someone redeeming another invite of this session joined first,
    // after our check. Throwing rolls our invite claim back, so the link stays usable for someone else.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw alreadyHasCandidate();
    throw error;
  }
}

async function joinAsShadow(tx: DbTx, invite: { id: string; sessionId: string }, userId: string, isMember: boolean): Promise<{ sessionId: string }> {
  // A candidate may not turn themselves into an interviewer with a link meant for someone else.
  if (isMember) throw new AppError('CONFLICT', 'You are already in this session; send the link to the person who will shadow.');
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, redeemedById: null, revokedAt: null },
    data: { redeemedById: userId, redeemedAt: new Date() },
  });
  if (claimed.count === 0) throw new AppError('CONFLICT', 'This invite has already been used by someone else. Ask your interviewer for a new one.');
  await tx.sessionMember.create({ data: { sessionId: invite.sessionId, userId, role: 'INTERVIEWER' } });
  await tx.sessionEvent.create({ data: { sessionId: invite.sessionId, type: 'session.shadow-joined', actorId: userId } });
  return { sessionId: invite.sessionId };
}

async function joinAsPeer(tx: DbTx, invite: { id: string; sessionId: string }, userId: string, isMember: boolean): Promise<{ sessionId: string }> {
  if (isMember) throw new AppError('CONFLICT', 'You are already in this session; send the link to your partner.');
  // Locks the session row first, so two partners redeeming two invites at once are counted one after the other.
  await tx.$queryRaw`SELECT 1 FROM "InterviewSession" WHERE id = ${invite.sessionId} FOR UPDATE`;
  const peers = await tx.sessionMember.count({ where: { sessionId: invite.sessionId } });
  if (peers >= 2) throw new AppError('CONFLICT', 'This session already has both peers.');
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, redeemedById: null, revokedAt: null },
    data: { redeemedById: userId, redeemedAt: new Date() },
  });
  if (claimed.count === 0) throw new AppError('CONFLICT', 'This invite has already been used by someone else. Ask your partner for a new one.');
  await addSecondPeer(tx, invite.sessionId, userId);
  return { sessionId: invite.sessionId };
}

/**
 * Makes `userId` the second peer of a peer session: a PEER member, interviewer of every round the creator is
 * candidate in and candidate of every round the creator interviews. The round updates are conditional on the
 * empty side, so nothing can ever take a round over from a peer. Used by invites and by matching.
 */
export async function addSecondPeer(tx: DbTx, sessionId: string, userId: string): Promise<void> {
  await tx.sessionMember.create({ data: { sessionId, userId, role: 'PEER' } });
  await tx.round.updateMany({ where: { sessionId, interviewerId: null, candidateId: { not: null } }, data: { interviewerId: userId } });
  await tx.round.updateMany({ where: { sessionId, candidateId: null, interviewerId: { not: null } }, data: { candidateId: userId } });
  // Both peers are interviewed in this session: its picked questions are picked again for the two of them.
  await repickSessionQuestions(tx, sessionId);
  await tx.sessionEvent.create({ data: { sessionId, type: 'session.peer-joined', actorId: userId } });
}
