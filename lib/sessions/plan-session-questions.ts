import type { Db, DbTx } from '@/lib/db';
import { pickQuestions, type PickableQuestion, type RoundToFill } from '@/lib/questions/pick-questions';
import { QUESTION_THEMES, type QuestionTheme } from '@/lib/questions/question-vocabulary';
import { getRoundFormat } from '@/lib/rounds/round-formats';
import type { RoundKind } from '@/lib/rounds/round-kind';

// Loads what pickQuestions needs (lib/questions/pick-questions.ts) and re-picks a session's questions once the
// people it interviews are known: an interviewer creates the session before the candidate has joined.

/** One identity for every version of a question: a built-in's slug (current or old version), else the row id. */
function identityOf(question: { id: string; builtInSlug: string | null; builtInVersionOf: string | null }): string {
  return question.builtInSlug ?? question.builtInVersionOf ?? question.id;
}

function themeOf(theme: string | null): QuestionTheme | null {
  return QUESTION_THEMES.find((known) => known === theme) ?? null;
}

/** The bank's current questions of these kinds that `authorId` may ask: the built-ins and their own. */
export async function loadQuestionPool(db: Db | DbTx, kinds: readonly RoundKind[], authorId: string): Promise<PickableQuestion[]> {
  const rows = await db.question.findMany({
    where: { deletedAt: null, roundKind: { in: [...new Set(kinds)] }, OR: [{ authorId: null }, { authorId }] },
    select: { id: true, roundKind: true, difficulty: true, theme: true, builtInSlug: true, builtInVersionOf: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({ id: row.id, roundKind: row.roundKind, difficulty: row.difficulty, theme: themeOf(row.theme), identity: identityOf(row) }));
}

/** How often each question identity was planned in any other session these people were members of (any role). */
export async function countQuestionUses(db: Db | DbTx, userIds: readonly string[], exceptSessionId?: string): Promise<Map<string, number>> {
  const uses = new Map<string, number>();
  if (userIds.length === 0) return uses;
  const asked = await db.roundQuestion.findMany({
    where: {
      round: {
        session: {
          ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}),
          members: { some: { userId: { in: [...userIds] } } },
        },
      },
    },
    select: { question: { select: { id: true, builtInSlug: true, builtInVersionOf: true } } },
  });
  for (const { question } of asked) uses.set(identityOf(question), (uses.get(identityOf(question)) ?? 0) + 1);
  return uses;
}

/**
 * Picks the session's questions again for the people it interviews (its candidate; in a peer session both peers),
 * in every round that has not started and whose questions were all picked, none chosen by hand. Called in the
 * transaction that adds the candidate or the second peer.
 */
export async function repickSessionQuestions(tx: DbTx, sessionId: string, random: () => number = Math.random): Promise<void> {
  const session = await tx.interviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      createdById: true,
      members: { select: { userId: true, role: true } },
      rounds: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          kind: true,
          status: true,
          questions: { select: { id: true, isAutoPicked: true, revealedAt: true, question: { select: { id: true, builtInSlug: true, builtInVersionOf: true } } } },
        },
      },
    },
  });
  const interviewed = session.members.filter((member) => member.role !== 'INTERVIEWER').map((member) => member.userId);
  const isRepickable = (round: (typeof session.rounds)[number]) =>
    round.status === 'PENDING' && round.questions.every((asked) => asked.isAutoPicked && asked.revealedAt === null);
  const repicked = session.rounds.filter(isRepickable);
  if (repicked.length === 0 || interviewed.length === 0) return;

  const kept = session.rounds.filter((round) => !isRepickable(round)).flatMap((round) => round.questions.map((asked) => identityOf(asked.question)));
  const rounds: RoundToFill[] = repicked.map((round) => ({ kind: round.kind, count: getRoundFormat(round.kind).maxQuestions }));
  const picked = pickQuestions(rounds, await loadQuestionPool(tx, rounds.map((round) => round.kind), session.createdById), {
    uses: await countQuestionUses(tx, interviewed, sessionId),
    taken: kept,
    random,
  });
  await tx.roundQuestion.deleteMany({ where: { roundId: { in: repicked.map((round) => round.id) } } });
  await tx.roundQuestion.createMany({
    data: repicked.flatMap((round, index) =>
      (picked[index] ?? []).map((questionId, position) => ({ roundId: round.id, questionId, position, isAutoPicked: true })),
    ),
  });
}
