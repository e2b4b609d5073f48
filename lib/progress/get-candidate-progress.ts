import type { Db } from '@/lib/db';
import { resolveFeedbackAuthors } from '@/lib/scorecards/resolve-feedback-authors';
import { roleInRound } from '@/lib/sessions/session-roles';
import type { ProgressRoundRow, ProgressSessionRow, ProgressSummary } from './progress-summary';
import { summarizeProgress } from './summarize-progress';

interface CandidateRound {
  sessionId: string;
  round: { id: string; position: number; kind: ProgressRoundRow['kind']; elapsedMs: number };
  /** The interviewers who ran the round and published. */
  authors: string[];
}

const releaseKey = (sessionId: string, interviewerId: string) => `${sessionId} ${interviewerId}`;

/**
 * The caller's progress as a candidate, across every session, from published feedback only: per round the
 * scorecards of the interviewers who ran it and published (the feedback page's rule), none of their notes.
 *
 * Like opening the feedback page, this marks the releases it draws on as opened, so an interviewer cannot
 * unpublish what the candidate has already read here. A release unpublished while this runs is left out:
 * only releases found opened after the marking count, and an opened release can no longer be taken back.
 */
export async function getCandidateProgress(db: Db, userId: string): Promise<ProgressSummary> {
  const memberships = await db.sessionMember.findMany({
    where: { userId, session: { feedbackReleases: { some: { interviewerId: { not: userId } } } } },
    select: {
      role: true,
      session: {
        select: {
          id: true,
          title: true,
          startedAt: true,
          createdAt: true,
          members: { where: { role: 'INTERVIEWER' }, select: { userId: true } },
          feedbackReleases: { select: { interviewerId: true } },
          rounds: {
            orderBy: { position: 'asc' },
            select: { id: true, position: true, kind: true, elapsedMs: true, interviewerId: true, candidateId: true },
          },
        },
      },
    },
  });

  const candidateRounds: CandidateRound[] = memberships.flatMap(({ role, session }) => {
    const published = new Set(session.feedbackReleases.map((release) => release.interviewerId));
    const interviewers = session.members.map((member) => member.userId);
    return session.rounds
      .filter((round) => roleInRound(userId, role, round) === 'CANDIDATE')
      .map((round) => ({ sessionId: session.id, round, authors: resolveFeedbackAuthors(round, interviewers, published) }))
      .filter((entry) => entry.authors.length > 0);
  });
  if (candidateRounds.length === 0) return summarizeProgress([]);

  const releases = [...new Map(candidateRounds.flatMap((entry) => entry.authors.map((id) => [releaseKey(entry.sessionId, id), { sessionId: entry.sessionId, interviewerId: id }]))).values()];
  await db.feedbackRelease.updateMany({ where: { openedAt: null, OR: releases }, data: { openedAt: new Date() } });
  const opened = await db.feedbackRelease.findMany({
    where: { openedAt: { not: null }, OR: releases },
    select: { sessionId: true, interviewerId: true },
  });
  const isOpened = new Set(opened.map((release) => releaseKey(release.sessionId, release.interviewerId)));
  const sources = candidateRounds
    .map((entry) => ({ ...entry, authors: entry.authors.filter((id) => isOpened.has(releaseKey(entry.sessionId, id))) }))
    .filter((entry) => entry.authors.length > 0);
  if (sources.length === 0) return summarizeProgress([]);

  const scorecards = await db.scorecard.findMany({
    where: { OR: sources.map((entry) => ({ roundId: entry.round.id, interviewerId: { in: entry.authors } })) },
    select: {
      roundId: true,
      interviewerId: true,
      recommendation: true,
      problemsSolved: true,
      signals: { select: { signalKey: true, rating: true, markedAtElapsedMs: true, verdictOverride: true } },
    },
  });

  const scorecardsByRound = new Map<string, typeof scorecards>();
  for (const scorecard of scorecards) scorecardsByRound.set(scorecard.roundId, [...(scorecardsByRound.get(scorecard.roundId) ?? []), scorecard]);
  const rows: ProgressSessionRow[] = memberships.map(({ session }) => ({
    sessionId: session.id,
    title: session.title,
    heldAt: session.startedAt ?? session.createdAt,
    rounds: sources
      .filter((entry) => entry.sessionId === session.id)
      .map(({ round }) => ({
        roundId: round.id,
        position: round.position,
        kind: round.kind,
        elapsedMs: round.elapsedMs,
        scorecards: scorecardsByRound.get(round.id) ?? [],
      })),
  }));
  return summarizeProgress(rows);
}
