import { expect } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import type { SessionView } from '@/lib/sessions/session-view';
import type { SqlCheckView } from '@/lib/sql-check/sql-check-result';
import { createSessionBetween } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import type { HttpSession } from '../../support/http-session';
import type { LiveTestServer } from '../../support/live-test-server';
import { RoomClient } from '../../support/room-client';
import { callServerAction, findServerActionId } from '../../support/server-action';

// A played SQL round and its report's check action, shared by the SQL check's integration files.

const ACTIONS_FILE = 'app/sessions/[id]/report/actions.ts';

export interface PlayedRound {
  sessionId: string;
  roundId: string;
  roundQuestionIds: string[];
  interviewer: HttpSession;
  candidate: HttpSession;
}

/** A SQL round asking `slugs` in order, in which the candidate writes `document`; ended unless told otherwise. */
export async function playSqlRound(live: LiveTestServer, slugs: string[], document: string, { end = true } = {}): Promise<PlayedRound> {
  const interviewerInput = buildSignUpInput({ name: 'Ivy Interviewer' });
  const candidateInput = buildSignUpInput({ name: 'Cam Candidate' });
  const interviewerUser = await registerUser(live.db, interviewerInput);
  const candidateUser = await registerUser(live.db, candidateInput);
  const questions = await live.db.question.findMany({ where: { builtInSlug: { in: slugs } }, select: { id: true, builtInSlug: true } });
  const questionIds = slugs.map((slug) => questions.find((question) => question.builtInSlug === slug)!.id);
  const sessionId = await createSessionBetween(live.db, interviewerUser.id, candidateUser, {
    title: 'SQL check',
    template: 'SQL_VELOCITY_DRILL',
    questionIds: { '0': questionIds },
  });

  const interviewerHttp = await live.signIn(interviewerInput);
  const candidateHttp = await live.signIn(candidateInput);
  const interviewer = await RoomClient.connect(interviewerHttp);
  const candidate = await RoomClient.connect(candidateHttp);
  const view = await interviewer.data<SessionView>('session:join', { sessionId });
  await candidate.data('session:join', { sessionId });
  await interviewer.data('session:start', { sessionId });
  const round = view.rounds[0]!;
  await interviewer.data('round:timer', { sessionId, roundId: round.id, command: 'start' });
  for (let shown = 1; shown < slugs.length; shown += 1) await interviewer.data('round:reveal-next', { sessionId, roundId: round.id });
  await candidate.openDocument(sessionId, round.editorDocumentId);
  expect((await candidate.type(sessionId, round.editorDocumentId, document)).ok).toBe(true);
  if (end) await interviewer.data('round:timer', { sessionId, roundId: round.id, command: 'end' });
  interviewer.close();
  candidate.close();

  const asked = await live.db.roundQuestion.findMany({ where: { roundId: round.id }, orderBy: { position: 'asc' }, select: { id: true } });
  return {
    sessionId,
    roundId: round.id,
    roundQuestionIds: asked.map((question) => question.id),
    interviewer: interviewerHttp,
    candidate: candidateHttp,
  };
}

export type CheckAck = { ok: true; data: SqlCheckView } | { ok: false; code: string; message: string };

/** Runs the check through the report page's server action, as a browser would; `raw` is the response as sent. */
export async function runCheck(viewer: HttpSession, played: PlayedRound, questionIndex: number): Promise<{ ack: CheckAck; ms: number; raw: string }> {
  const started = performance.now();
  const response = await callServerAction(viewer, `/sessions/${played.sessionId}/report`, findServerActionId(ACTIONS_FILE, 'runSqlCheckAction'), [
    played.sessionId,
    played.roundId,
    played.roundQuestionIds[questionIndex],
  ]);
  const ms = performance.now() - started;
  expect(response.status).toBe(200);
  const line = response.text.split('\n').find((row) => /^\w+:\{"ok":/.test(row));
  if (!line) throw new Error(`no ack in ${response.text.slice(0, 500)}`);
  return { ack: JSON.parse(line.slice(line.indexOf(':') + 1)) as CheckAck, ms, raw: response.text };
}

export function resultOf(ack: CheckAck) {
  if (!ack.ok) throw new Error(`refused: ${ack.code} ${ack.message}`);
  return ack.data.run!.result;
}
