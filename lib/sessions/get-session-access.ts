import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getMembership, type Membership } from './get-membership';
import { roleInRound, type RoundRoleName } from './session-roles';

// The one access guard for "a member of this session, in this role in this round". Every loader that hands out a
// round or something of a round (scorecards, round commands, documents, SQL checks) decides through it, so a
// stranger always meets the same NOT_FOUND and a member the same role rule (roleInRound).

/** What the role rule reads of a round. */
interface RoundRoles {
  interviewerId: string | null;
  candidateId: string | null;
}

/** A session-wide thing (a classic session's notes) has no round: the member's session role decides. */
const WHOLE_SESSION: RoundRoles = { interviewerId: null, candidateId: null };

export interface SessionAccess {
  membership: Membership;
  /** The caller's role in this round of the session, or in the session as a whole for null. */
  roleIn(round: RoundRoles | null): RoundRoleName;
}

/** The caller's access to a session; NOT_FOUND for a stranger, who cannot tell it from no session at all. */
export async function getSessionAccess(db: Db | DbTx, sessionId: string, userId: string): Promise<SessionAccess> {
  const membership = await getMembership(db, sessionId, userId);
  return { membership, roleIn: (round) => roleInRound(userId, membership.role, round ?? WHOLE_SESSION) };
}

/**
 * One round of the session (with `select`), for a caller who is `role` in it: NOT_FOUND for a stranger or a round of
 * another session, FORBIDDEN with `forbidden` for a member in the other role.
 */
export async function getRoundAs<S extends Prisma.RoundSelect & { interviewerId: true; candidateId: true }>(
  db: Db | DbTx,
  target: { sessionId: string; roundId: string; userId: string },
  role: RoundRoleName,
  forbidden: string,
  select: S,
): Promise<Prisma.RoundGetPayload<{ select: S }>> {
  const access = await getSessionAccess(db, target.sessionId, target.userId);
  const round = (await db.round.findFirst({ where: { id: target.roundId, sessionId: target.sessionId }, select })) as Prisma.RoundGetPayload<{ select: S }> | null;
  if (!round) throw new AppError('NOT_FOUND', 'That round does not exist in this session.');
  if (access.roleIn(round as RoundRoles) !== role) throw new AppError('FORBIDDEN', forbidden);
  return round;
}
