import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { controlRoundTimer } from '@/lib/sessions/control-round-timer';
import { changeSessionStatus } from '@/lib/sessions/change-session-status';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { findSessionInvites } from '@/lib/sessions/find-session-invites';
import { getSessionView } from '@/lib/sessions/get-session-view';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { swapPlannedQuestion } from '@/lib/sessions/swap-planned-question';
import { buildSignUpInput } from '../../factories/user-factory';
import { withMigratedTestDatabase } from '../../support/test-database';

// The lobby's preparation rules (swap a planned question: only that round's interviewer, only before the round
// starts, only for an unused question of the same kind) and the shadow interviewer's seat (an interviewer who is
// not the lead: guides yes, inviting no).

const database = withMigratedTestDatabase();

async function account(name: string) {
  const input = buildSignUpInput({ name });
  return { ...input, id: (await registerUser(database.db, input)).id };
}

async function arrange() {
  const db = database.db;
  const lead = await account('Lena Lead');
  const candidate = await account('Cato Candidate');
  const shadow = await account('Sasha Shadow');
  const { id: sessionId } = await createSession(db, lead.id, { title: 'Prep', template: 'CUSTOM', roundKinds: ['SQL', 'PYTHON_ETL'] });
  await redeemInvite(db, (await createInvite(db, sessionId, lead.id, {})).token, candidate);
  await redeemInvite(db, (await createInvite(db, sessionId, lead.id, { inviteAs: 'SHADOW' })).token, shadow);
  const view = await getSessionView(db, sessionId, lead.id);
  return { db, lead, candidate, shadow, sessionId, view };
}

describe('lobby preparation', () => {
  it('lets the round’s interviewer swap a planned question for an unused one of the same kind, and shows the candidate none of it', async () => {
    const { db, lead, candidate, sessionId, view } = await arrange();
    const sqlRound = view.rounds[0]!;
    const planned = sqlRound.questions[0]!;
    expect(planned.guide).toBeDefined();
    const option = sqlRound.swapOptions![0]!;
    const usedIds = await db.roundQuestion.findMany({ where: { round: { sessionId } }, select: { questionId: true } });
    expect(usedIds.map((row) => row.questionId)).not.toContain(option.questionId);

    const candidateView = await getSessionView(db, sessionId, candidate.id);
    expect(candidateView.rounds.every((round) => round.swapOptions === undefined && round.questions.length === 0)).toBe(true);
    await expect(swapPlannedQuestion(db, { sessionId, roundQuestionId: planned.id, userId: candidate.id }, { questionId: option.questionId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    // Another kind's question, or one the session already uses, is refused.
    const pythonQuestion = view.rounds[1]!.swapOptions![0]!.questionId;
    await expect(swapPlannedQuestion(db, { sessionId, roundQuestionId: planned.id, userId: lead.id }, { questionId: pythonQuestion })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const usedPython = view.rounds[1]!.questions[0]!;
    const usedPythonId = (await db.roundQuestion.findUniqueOrThrow({ where: { id: usedPython.id }, select: { questionId: true } })).questionId;
    await expect(swapPlannedQuestion(db, { sessionId, roundQuestionId: planned.id, userId: lead.id }, { questionId: usedPythonId })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const { events } = await swapPlannedQuestion(db, { sessionId, roundQuestionId: planned.id, userId: lead.id }, { questionId: option.questionId });
    expect(events).toEqual([{ type: 'session-changed', sessionId, reason: 'round.question-swapped' }]);
    const after = await getSessionView(db, sessionId, lead.id);
    expect(after.rounds[0]!.questions[0]!.title).toBe(option.title);
    expect(after.rounds[0]!.swapOptions!.map((swap) => swap.questionId)).not.toContain(option.questionId);
    // A question chosen by hand is not redone when the candidate joins.
    expect((await db.roundQuestion.findUniqueOrThrow({ where: { id: planned.id }, select: { isAutoPicked: true } })).isAutoPicked).toBe(false);
  });

  it('refuses a swap once the round has started', async () => {
    const { db, lead, sessionId, view } = await arrange();
    await changeSessionStatus(db, sessionId, lead.id, 'LIVE');
    await controlRoundTimer(db, sessionId, view.rounds[0]!.id, lead.id, 'start');
    await expect(
      swapPlannedQuestion(db, { sessionId, roundQuestionId: view.rounds[0]!.questions[0]!.id, userId: lead.id }, { questionId: view.rounds[0]!.swapOptions![0]!.questionId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getSessionView(db, sessionId, lead.id)).rounds[0]!.swapOptions).toBeUndefined();
  });

  it('seats a shadow interviewer beside the lead: guides and swaps, but no invites', async () => {
    const { db, lead, candidate, shadow, sessionId } = await arrange();
    const shadowView = await getSessionView(db, sessionId, shadow.id);
    expect(shadowView.members.map((member) => [member.name, member.seat])).toEqual([
      ['Lena Lead', 'LEAD'],
      ['Cato Candidate', 'CANDIDATE'],
      ['Sasha Shadow', 'SHADOW'],
    ]);
    expect(shadowView.rounds[0]!.questions[0]!.guide).toBeDefined();
    expect(shadowView.canInvite).toBe(false);
    await expect(createInvite(db, sessionId, shadow.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(findSessionInvites(db, sessionId, shadow.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await findSessionInvites(db, sessionId, lead.id)).map((invite) => invite.kind).sort()).toEqual(['CANDIDATE', 'SHADOW']);

    // The candidate cannot make themselves an interviewer with a shadow link.
    const another = await createInvite(db, sessionId, lead.id, { inviteAs: 'SHADOW' });
    await expect(redeemInvite(db, another.token, candidate)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getSessionView(db, sessionId, candidate.id)).viewerRole).toBe('CANDIDATE');
  });
});
