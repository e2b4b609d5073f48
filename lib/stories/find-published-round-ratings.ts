import type { Db } from '@/lib/db';
import type { LevelEstimate } from '@/lib/scorecards/scorecard-vocabulary';
import { resolveFeedbackAuthors } from '@/lib/scorecards/resolve-feedback-authors';
import { roleInRound } from '@/lib/sessions/session-roles';
import type { StoryRatingView } from './story-views';

/**
 * The published verdicts on rounds the caller was the candidate in, by round id: the feedback page's rule (the
 * interviewers who ran the round and published), recommendation and level only. Rounds without published
 * feedback are absent. Like the feedback and progress pages, showing them marks those releases opened, so an
 * interviewer cannot take back what the candidate has read here; a release unpublished meanwhile is left out.
 */
export async function findPublishedRoundRatings(db: Db, userId: string, roundIds: readonly string[]): Promise<Map<string, StoryRatingView[]>> {
  if (roundIds.length === 0) return new Map();
  const rounds = await db.round.findMany({
    where: { id: { in: [...roundIds] }, session: { members: { some: { userId } } } },
    select: {
      id: true,
      sessionId: true,
      interviewerId: true,
      candidateId: true,
      session: {
        select: {
          members: { select: { userId: true, role: true } },
          feedbackReleases: { select: { interviewerId: true } },
        },
      },
    },
  });
  const sources = rounds.flatMap((round) => {
    const role = round.session.members.find((member) => member.userId === userId)?.role;
    if (!role || roleInRound(userId, role, round) !== 'CANDIDATE') return [];
    const interviewers = round.session.members.filter((member) => member.role === 'INTERVIEWER').map((member) => member.userId);
    const published = new Set(round.session.feedbackReleases.map((release) => release.interviewerId));
    const authors = resolveFeedbackAuthors(round, interviewers, published);
    return authors.length > 0 ? [{ roundId: round.id, sessionId: round.sessionId, authors }] : [];
  });
  if (sources.length === 0) return new Map();

  const releases = sources.flatMap((source) => source.authors.map((interviewerId) => ({ sessionId: source.sessionId, interviewerId })));
  await db.feedbackRelease.updateMany({ where: { openedAt: null, OR: releases }, data: { openedAt: new Date() } });
  const opened = new Set(
    (await db.feedbackRelease.findMany({ where: { openedAt: { not: null }, OR: releases }, select: { sessionId: true, interviewerId: true } })).map(
      (release) => `${release.sessionId} ${release.interviewerId}`,
    ),
  );
  const readable = sources
    .map((source) => ({ ...source, authors: source.authors.filter((id) => opened.has(`${source.sessionId} ${id}`)) }))
    .filter((source) => source.authors.length > 0);
  if (readable.length === 0) return new Map();

  const scorecards = await db.scorecard.findMany({
    where: { OR: readable.map((source) => ({ roundId: source.roundId, interviewerId: { in: source.authors } })) },
    orderBy: { createdAt: 'asc' },
    select: { roundId: true, recommendation: true, levelEstimate: true, interviewer: { select: { name: true } } },
  });
  return new Map(
    readable.map((source) => [
      source.roundId,
      scorecards
        .filter((scorecard) => scorecard.roundId === source.roundId)
        .map((scorecard) => ({
          interviewerName: scorecard.interviewer.name,
          recommendation: scorecard.recommendation,
          levelEstimate: scorecard.levelEstimate as LevelEstimate | null,
        })),
    ]),
  );
}
