import { z } from 'zod';
import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { DomainEvent } from '@/lib/events/domain-event';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RoundKind } from '@/lib/rounds/round-kind';
import { getRoundAs } from './get-session-access';

const swapPlannedQuestionSchema = z.object({ questionId: z.string().trim().min(1, 'Choose a question to ask instead.') });

/** The questions a round's interviewer may plan instead (same kind, not deleted, theirs or built in). */
export function swappableQuestionsWhere(userId: string, kind: RoundKind, usedQuestionIds: readonly string[]): Prisma.QuestionWhereInput {
  return { deletedAt: null, roundKind: kind, OR: [{ authorId: null }, { authorId: userId }], id: { notIn: [...usedQuestionIds] } };
}

/**
 * Replaces a planned question of a round that has not started with another of the same round kind that the session
 * does not use yet. Only that round's interviewer (roleInRound) may; a candidate never learns what was planned.
 * The round row is locked first, so a start racing the swap either sees the new plan or refuses the swap.
 */
export async function swapPlannedQuestion(
  db: Db,
  target: { sessionId: string; roundQuestionId: string; userId: string },
  input: unknown,
): Promise<{ events: DomainEvent[] }> {
  const parsed = swapPlannedQuestionSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Choose a question to ask instead.');
  const { questionId } = parsed.data;
  const { sessionId, roundQuestionId, userId } = target;

  return db.$transaction(async (tx) => {
    const planned = await tx.roundQuestion.findFirst({ where: { id: roundQuestionId, round: { sessionId } }, select: { roundId: true, questionId: true } });
    if (!planned) throw new AppError('NOT_FOUND', 'That question is not planned in this session.');
    await tx.$queryRaw`SELECT 1 FROM "Round" WHERE id = ${planned.roundId} FOR UPDATE`;
    const round = await getRoundAs(tx, { sessionId, roundId: planned.roundId, userId }, 'INTERVIEWER', 'Only the interviewer of this round can change its questions.', {
      interviewerId: true,
      candidateId: true,
      kind: true,
      status: true,
    });
    if (round.status !== 'PENDING') throw new AppError('CONFLICT', 'This round has started; its questions can no longer be swapped.');
    if (planned.questionId === questionId) return { events: [] };
    const used = await usedQuestionIds(tx, sessionId);
    const replacement = await tx.question.findFirst({ where: { AND: [{ id: questionId }, swappableQuestionsWhere(userId, round.kind, used)] }, select: { id: true } });
    if (!replacement) throw new AppError('INVALID_INPUT', 'Choose a question of the same round kind that this session does not already use.');
    try {
      // Chosen by hand: the repick when the candidate joins (plan-session-questions.ts) leaves it alone.
      await tx.roundQuestion.update({ where: { id: roundQuestionId }, data: { questionId, isAutoPicked: false } });
    } catch (error) {
      // [roundId, questionId] is unique: another swap in this round took the same question first.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('CONFLICT', 'That question is already planned for this round.');
      throw error;
    }
    await tx.sessionEvent.create({ data: { sessionId, type: 'round.question-swapped', actorId: userId, roundId: planned.roundId, payload: { from: planned.questionId, to: questionId } } });
    return { events: [{ type: 'session-changed', sessionId, reason: 'round.question-swapped' }] };
  });
}

async function usedQuestionIds(tx: DbTx, sessionId: string): Promise<string[]> {
  const rows = await tx.roundQuestion.findMany({ where: { round: { sessionId } }, select: { questionId: true } });
  return rows.map((row) => row.questionId);
}
