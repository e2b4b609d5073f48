import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

// Who may read a question's interviewer guide (solution, hints, probes, twists): its author, or the member who
// interviews a round that uses the question: the round's named interviewer (peers swap roles round by round),
// or an INTERVIEWER member when the round names nobody. As in roleInRound, a round naming only its candidate
// (a peer round waiting for the partner) gives nobody its guides.
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
              OR: [
                // A round naming its interviewer (peer sessions): that member, whatever their session role.
                { interviewerId: userId, session: { members: { some: { userId } } } },
                { interviewerId: null, candidateId: null, session: { members: { some: { userId, role: 'INTERVIEWER' } } } },
              ],
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
