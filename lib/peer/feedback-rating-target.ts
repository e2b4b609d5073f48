import type { Db, DbTx } from '@/lib/db';
import type { RoundKind } from '@/lib/rounds/round-kind';
import { loadRoundsWithRoles } from '@/lib/scorecards/load-interviewed-rounds';
import { resolveFeedbackAuthors } from '@/lib/scorecards/resolve-feedback-authors';

/** An interviewer whose published feedback on a round the caller may rate, with the caller's rating so far. */
export interface FeedbackRatingTarget {
  roundId: string;
  position: number;
  kind: RoundKind;
  interviewerId: string;
  interviewerName: string;
  isRated: boolean;
  isHelpful: boolean;
  isSpecific: boolean;
}

/**
 * What the caller may rate in a session: for each round they were the candidate in, each interviewer of it
 * who has published feedback. Empty for anyone else. NOT_FOUND unless the caller is a member.
 */
export async function findFeedbackRatingTargets(db: Db | DbTx, sessionId: string, userId: string): Promise<FeedbackRatingTarget[]> {
  const { rounds } = await loadRoundsWithRoles(db, sessionId, userId);
  const candidateRounds = rounds.filter((round) => round.viewerRole === 'CANDIDATE');
  if (candidateRounds.length === 0) return [];
  const [releases, interviewers, ratings] = await Promise.all([
    db.feedbackRelease.findMany({ where: { sessionId }, select: { interviewerId: true, interviewer: { select: { name: true } } } }),
    db.sessionMember.findMany({ where: { sessionId, role: 'INTERVIEWER' }, select: { userId: true } }),
    db.feedbackRating.findMany({ where: { sessionId, raterId: userId } }),
  ]);
  const published = new Set(releases.map((release) => release.interviewerId));
  const sessionInterviewers = interviewers.map((member) => member.userId);
  return candidateRounds.flatMap((round) =>
    resolveFeedbackAuthors(round, sessionInterviewers, published).map((interviewerId) => {
      const rating = ratings.find((candidate) => candidate.roundId === round.id && candidate.interviewerId === interviewerId);
      return {
        roundId: round.id,
        position: round.position,
        kind: round.kind,
        interviewerId,
        interviewerName: releases.find((release) => release.interviewerId === interviewerId)?.interviewer.name ?? 'Interviewer',
        isRated: Boolean(rating),
        isHelpful: rating?.isHelpful ?? false,
        isSpecific: rating?.isSpecific ?? false,
      };
    }),
  );
}
