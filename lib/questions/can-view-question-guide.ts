import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

// Who may read a question's interviewer guide (solution, hints, probes, twists): its author, or an INTERVIEWER
// member of a session with a round that uses the question and that they run (a round's interviewerId is null
// when every interviewer of the session runs it; set when peers swap roles round by round).
//
// Built-in solutions are deliberately NOT browsable in the bank by everyone: the peer who will be the
// candidate next week must not pre-read them. They appear once you interview a session that uses the
// question. Prompts, titles, rounds and difficulties stay visible to everyone signed in: candidates see
// prompts anyway.

/** The rule as a Prisma filter on Question, so reads can carry it in their own `where` instead of checking after. */
export function guideViewableBy(userId: string): Prisma.QuestionWhereInput {
  return {
    OR: [
      { authorId: userId },
      {
        roundQuestions: {
          some: {
            round: {
              OR: [{ interviewerId: null }, { interviewerId: userId }],
              session: { members: { some: { userId, role: 'INTERVIEWER' } } },
            },
          },
        },
      },
    ],
  };
}

export async function canViewQuestionGuide(db: Db, userId: string, questionId: string): Promise<boolean> {
  const count = await db.question.count({ where: { AND: [{ id: questionId }, guideViewableBy(userId)] } });
  return count > 0;
}
