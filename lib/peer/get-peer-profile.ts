import type { Db } from '@/lib/db';

export interface PeerReliability {
  /** Matches whose no-show window has passed (a match still inside it counts for nobody yet). */
  settledMatches: number;
  attended: number;
  noShows: number;
  /** attended / settledMatches, 0–100; null before the first settled match. */
  percent: number | null;
}

export interface FeedbackQuality {
  /** Ratings candidates gave this user's published feedback. */
  count: number;
  helpfulPercent: number | null;
  specificPercent: number | null;
}

export interface PeerProfile {
  userId: string;
  name: string;
  reliability: PeerReliability;
  feedbackQuality: FeedbackQuality;
}

const percentOf = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 100));

/** A user's reliability as a practice partner and how candidates rated the feedback they gave. */
export async function getPeerProfile(db: Db, userId: string): Promise<PeerProfile> {
  const [user, settledMatches, noShows, count, helpful, specific] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true } }),
    db.matchRequest.count({ where: { userId, status: 'MATCHED', noShowCheckedAt: { not: null } } }),
    db.peerNoShow.count({ where: { userId } }),
    db.feedbackRating.count({ where: { interviewerId: userId } }),
    db.feedbackRating.count({ where: { interviewerId: userId, isHelpful: true } }),
    db.feedbackRating.count({ where: { interviewerId: userId, isSpecific: true } }),
  ]);
  const attended = Math.max(0, settledMatches - noShows);
  return {
    userId: user.id,
    name: user.name,
    reliability: { settledMatches, attended, noShows, percent: percentOf(attended, settledMatches) },
    feedbackQuality: { count, helpfulPercent: percentOf(helpful, count), specificPercent: percentOf(specific, count) },
  };
}
