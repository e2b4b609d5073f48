import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { WithEvents } from '@/lib/events/domain-event';
import { loadInterviewedRounds } from './load-interviewed-rounds';
import { recordRubricAudit } from './record-rubric-audit';

export interface FeedbackReleaseView {
  publishedAt: string;
  openedAt: string | null;
}

/**
 * Publishes the caller's feedback (their scorecards and loop call) to the candidate. Idempotent: a double
 * submit publishes once. Only after the session is complete, and only with a scorecard to publish.
 */
export async function publishFeedback(db: Db, sessionId: string, userId: string): Promise<WithEvents<FeedbackReleaseView>> {
  const release = await db.$transaction(async (tx) => {
    const { session } = await loadInterviewedRounds(tx, sessionId, userId);
    if (session.status !== 'COMPLETED') throw new AppError('CONFLICT', 'Complete the session before publishing feedback.');
    const scorecards = await tx.scorecard.count({ where: { sessionId, interviewerId: userId } });
    if (scorecards === 0) throw new AppError('CONFLICT', 'There is nothing to publish yet: score at least one round first.');
    // ON CONFLICT DO NOTHING: concurrent publishes make one release and one audit line.
    const { count } = await tx.feedbackRelease.createMany({ data: [{ sessionId, interviewerId: userId }], skipDuplicates: true });
    if (count === 1) await recordRubricAudit(tx, { sessionId, actorId: userId, action: 'feedback.publish' });
    return toView(await tx.feedbackRelease.findUniqueOrThrow({ where: { sessionId_interviewerId: { sessionId, interviewerId: userId } } }));
  });
  // A candidate still in the room sees "Read your feedback" appear without reloading.
  return { ...release, events: [{ type: 'session-changed', sessionId, reason: 'feedback.published' }] };
}

/** Takes the caller's feedback back, which is possible only until the candidate has opened it. */
export async function unpublishFeedback(db: Db, sessionId: string, userId: string): Promise<WithEvents<object>> {
  await db.$transaction(async (tx) => {
    await loadInterviewedRounds(tx, sessionId, userId);
    const { count } = await tx.feedbackRelease.deleteMany({ where: { sessionId, interviewerId: userId, openedAt: null } });
    if (count === 0) {
      const opened = await tx.feedbackRelease.findUnique({ where: { sessionId_interviewerId: { sessionId, interviewerId: userId } } });
      if (opened) throw new AppError('CONFLICT', 'The candidate has already opened your feedback, so it can no longer be unpublished.');
      return;
    }
    await recordRubricAudit(tx, { sessionId, actorId: userId, action: 'feedback.unpublish' });
  });
  return { events: [{ type: 'session-changed', sessionId, reason: 'feedback.unpublished' }] };
}

function toView(release: { publishedAt: Date; openedAt: Date | null }): FeedbackReleaseView {
  return { publishedAt: release.publishedAt.toISOString(), openedAt: release.openedAt?.toISOString() ?? null };
}
