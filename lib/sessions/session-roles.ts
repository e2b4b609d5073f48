import { SessionRole } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

export const SESSION_ROLES = enumValues(SessionRole);

/** A member's role in the session: INTERVIEWER/CANDIDATE for a whole classic session, PEER when roles swap. */
export type SessionRoleName = (typeof SESSION_ROLES)[number];

/** A member's role in one round: what every decision about interviewer-only material goes by. */
export type RoundRoleName = 'INTERVIEWER' | 'CANDIDATE';

interface RoundRoles {
  interviewerId: string | null;
  candidateId: string | null;
}

/**
 * Who a member is in one round. A round that names its interviewer or candidate (peer sessions, where roles
 * swap) decides for itself; otherwise the member's session role holds for every round. A PEER is never an
 * interviewer by session role: a peer round whose interviewer is not yet known (the partner has not joined)
 * makes nobody but its named interviewer one.
 */
export function roleInRound(userId: string, sessionRole: SessionRoleName, round: RoundRoles): RoundRoleName {
  if (round.interviewerId === null && round.candidateId === null) return sessionRole === 'INTERVIEWER' ? 'INTERVIEWER' : 'CANDIDATE';
  return round.interviewerId === userId ? 'INTERVIEWER' : 'CANDIDATE';
}

/**
 * May this member run the session itself (start, complete, invite)? The interviewer of a classic session;
 * either peer of a peer session. Round controls (timer, reveals, advance) go by roleInRound instead.
 */
export function canRunSession(sessionRole: SessionRoleName): boolean {
  return sessionRole === 'INTERVIEWER' || sessionRole === 'PEER';
}
