import type { SessionRoleName } from '@/lib/sessions/session-roles';

export const SESSION_ROLE_LABELS: Record<SessionRoleName, string> = {
  INTERVIEWER: 'Interviewer',
  CANDIDATE: 'Candidate',
  PEER: 'Peer',
};
