export type SessionRoleName = 'INTERVIEWER' | 'CANDIDATE';

interface RoundRoles {
  interviewerId: string | null;
  candidateId: string | null;
}

/**
 * Who a member is in one round. A round that names its interviewer and candidate (peer sessions, where roles
 * swap) decides for itself; otherwise the member's session role holds for every round.
 */
export function roleInRound(userId: string, sessionRole: SessionRoleName, round: RoundRoles): SessionRoleName {
  if (round.interviewerId === null && round.candidateId === null) return sessionRole;
  return round.interviewerId === userId ? 'INTERVIEWER' : 'CANDIDATE';
}
