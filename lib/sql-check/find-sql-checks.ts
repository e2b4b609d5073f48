import type { Db } from '@/lib/db';
import { sqlFixtureOf } from './built-in-fixtures';
import { toSqlCheckRunView, type SqlCheckView } from './sql-check-result';

/**
 * The checks of the asked questions of ended SQL rounds, by round id, for a viewer whose membership the caller
 * has already established (the session report). `interviewedRoundIds`: rounds the viewer interviews, who see
 * the results whole and the fixture's notes on what it catches; in other rounds they get the candidate view.
 */
export async function findSqlChecks(db: Db, endedSqlRoundIds: string[], interviewedRoundIds: ReadonlySet<string>): Promise<Map<string, SqlCheckView[]>> {
  const byRound = new Map<string, SqlCheckView[]>(endedSqlRoundIds.map((id) => [id, []]));
  if (endedSqlRoundIds.length === 0) return byRound;
  const asked = await db.roundQuestion.findMany({
    where: { roundId: { in: endedSqlRoundIds }, revealedAt: { not: null } },
    orderBy: [{ roundId: 'asc' }, { position: 'asc' }],
    select: {
      id: true,
      roundId: true,
      question: { select: { builtInSlug: true, builtInVersionOf: true } },
      sqlCheckRun: { select: { answerSql: true, result: true, updatedAt: true } },
    },
  });
  for (const question of asked) {
    const views = byRound.get(question.roundId)!;
    const fixture = sqlFixtureOf(question.question.builtInSlug ?? question.question.builtInVersionOf);
    const isInterviewer = interviewedRoundIds.has(question.roundId);
    views.push({
      roundQuestionId: question.id,
      questionNumber: views.length + 1,
      isCheckable: fixture !== null,
      run: toSqlCheckRunView(question.sqlCheckRun, isInterviewer),
      ...(fixture && isInterviewer ? { exposes: fixture.exposes } : {}),
      isInterviewerView: isInterviewer,
    });
  }
  return byRound;
}
