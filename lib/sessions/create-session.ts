import { inTransaction, type Db, type DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { buildCustomLoop, buildPeerSwapLoop } from '@/lib/rounds/chosen-loops';
import { E6_FULL_LOOP, SQL_VELOCITY_DRILL, buildSingleRoundLoop, type LoopTemplate } from '@/lib/rounds/loop-templates';
import { getRoundFormat } from '@/lib/rounds/round-formats';
import type { RoundKind } from '@/lib/rounds/round-kind';
import { pickQuestions } from '@/lib/questions/pick-questions';
import { isBoardOnByDefault } from '@/lib/boards/board-availability';
import { isSqlHighlightingOnByDefault } from '@/lib/rounds/sql-editor-rounds';
import { createSessionSchema } from './create-session.schema';
import { countQuestionUses, loadQuestionPool } from './plan-session-questions';
import { invalidInput } from './field-errors';

function resolveLoop(template: string, roundKinds: RoundKind[]): LoopTemplate {
  switch (template) {
    case 'E6_FULL_LOOP':
      return E6_FULL_LOOP;
    case 'SQL_VELOCITY_DRILL':
      return SQL_VELOCITY_DRILL;
    case 'SINGLE_ROUND':
      return buildSingleRoundLoop(roundKinds[0]!);
    case 'PEER_SWAP':
      return buildPeerSwapLoop(roundKinds);
    default:
      return buildCustomLoop(roundKinds);
  }
}

/**
 * Creates a session with its creator as interviewer: rounds with their format copied in, questions (hand-picked
 * or picked by pickQuestions: balanced, varied, fewest uses by the people interviewed first, never one twice in a
 * session; re-picked for the candidate when they join, see repickSessionQuestions), one
 * editor document per round and the private notes document. All in one transaction (the caller's, when handed
 * a transaction client: a peer match creates its session inside the match's transaction).
 *
 * A peer session (PEER_SWAP) makes its creator a PEER and names them interviewer or candidate of each round; the
 * other side is filled in when the partner joins. Its private notes are one document per round, readable by
 * that round's interviewer only: A's notes about B must never reach B in the round B interviews.
 */
export async function createSession(db: Db | DbTx, userId: string, input: unknown, random: () => number = Math.random): Promise<{ id: string }> {
  const parsed = createSessionSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { title, template, roundKinds, questionIds, scheduledAt } = parsed.data;
  const loop = resolveLoop(template, roundKinds);

  const isPeerSession = loop.rounds.some((round) => round.interviewer !== undefined);
  const pool = await loadQuestionPool(db, loop.rounds.map((round) => round.kind), userId);
  const byId = new Map(pool.map((question) => [question.id, question]));

  const used = new Set<string>();
  const chosenByHand = loop.rounds.map((round, position) => {
    const picked = questionIds[String(position)];
    if (!picked || picked.length === 0) return null;
    for (const id of picked) {
      const question = byId.get(id);
      if (!question || question.roundKind !== round.kind) {
        throw new AppError('INVALID_INPUT', 'A chosen question does not exist or belongs to another round.', {
          fieldErrors: { questionIds: [`Round ${position + 1}: choose ${round.kind} questions from the bank.`] },
        });
      }
      if (used.has(question.identity)) throw new AppError('INVALID_INPUT', 'A question can be asked only once per session.');
      used.add(question.identity);
    }
    return picked.slice(0, getRoundFormat(round.kind).maxQuestions);
  });
  // The rest are picked for the people interviewed. Here that is only the creator of a peer session (they are the
  // candidate of half its rounds); an interviewer's candidate joins later, and the picks are redone for them then.
  const toPick = loop.rounds.flatMap((round, position) => (chosenByHand[position] ? [] : [{ position, kind: round.kind, count: round.questionCount }]));
  const picked = pickQuestions(toPick, pool, { uses: await countQuestionUses(db, isPeerSession ? [userId] : []), taken: used, random });
  const plannedQuestions = loop.rounds.map((_round, position) => {
    const byHand = chosenByHand[position];
    if (byHand) return byHand.map((questionId) => ({ questionId, isAutoPicked: false }));
    return (picked[toPick.findIndex((round) => round.position === position)] ?? []).map((questionId) => ({ questionId, isAutoPicked: true }));
  });

  return inTransaction(db, async (tx) => {
    const session = await tx.interviewSession.create({
      data: {
        title,
        loopTemplate: loop.key,
        scheduledAt: scheduledAt ?? null,
        createdById: userId,
        members: { create: { userId, role: isPeerSession ? 'PEER' : 'INTERVIEWER' } },
        ...(isPeerSession ? {} : { documents: { create: { kind: 'INTERVIEWER_NOTES' } } }),
      },
      select: { id: true },
    });
    for (const [position, round] of loop.rounds.entries()) {
      const format = getRoundFormat(round.kind);
      await tx.round.create({
        data: {
          sessionId: session.id,
          position,
          kind: round.kind,
          format,
          durationMs: format.durationMinutes * 60_000,
          boardEnabled: isBoardOnByDefault(round.kind),
          sqlHighlighting: isSqlHighlightingOnByDefault(round.kind),
          ...(round.interviewer === 'CREATOR' ? { interviewerId: userId } : round.interviewer === 'PARTNER' ? { candidateId: userId } : {}),
          questions: {
            create: (plannedQuestions[position] ?? []).map((planned, index) => ({ ...planned, position: index })),
          },
          documents: {
            create: [
              { sessionId: session.id, kind: 'ROUND_EDITOR' as const },
              { sessionId: session.id, kind: 'BOARD' as const },
              ...(isPeerSession ? [{ sessionId: session.id, kind: 'INTERVIEWER_NOTES' as const }] : []),
            ],
          },
        },
      });
    }
    await tx.sessionEvent.create({
      data: { sessionId: session.id, type: 'session.created', actorId: userId, payload: { template: loop.key } },
    });
    return session;
  });
}
