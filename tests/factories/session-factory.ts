import { registerUser } from '@/lib/auth/register-user';
import type { Db } from '@/lib/db';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { buildSignUpInput } from './user-factory';

export interface SeededSession {
  sessionId: string;
  interviewer: { id: string; email: string; password: string; name: string };
  candidate: { id: string; email: string; password: string; name: string };
}

/** An interviewer, a candidate who joined through an invite, and a session (SQL drill unless told otherwise). */
export async function createSessionWithCandidate(db: Db, template = 'SQL_VELOCITY_DRILL'): Promise<SeededSession> {
  const interviewerInput = buildSignUpInput({ name: 'Ivy Interviewer' });
  const candidateInput = buildSignUpInput({ name: 'Cam Candidate' });
  const interviewer = await registerUser(db, interviewerInput);
  const candidate = await registerUser(db, candidateInput);
  const sessionId = await createSessionBetween(db, interviewer.id, candidate, { title: 'Practice loop', template });
  return {
    sessionId,
    interviewer: { ...interviewerInput, id: interviewer.id },
    candidate: { ...candidateInput, id: candidate.id },
  };
}

/** A session created by an existing interviewer and joined, through an invite, by an existing candidate. */
export async function createSessionBetween(
  db: Db,
  interviewerId: string,
  candidate: { id: string; email: string },
  input: { title: string; template: string; roundKinds?: string[]; questionIds?: Record<string, string[]> },
): Promise<string> {
  const { id: sessionId } = await createSession(db, interviewerId, input);
  const invite = await createInvite(db, sessionId, interviewerId, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  return sessionId;
}
