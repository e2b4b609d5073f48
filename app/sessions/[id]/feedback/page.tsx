import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { IntentLink } from '@/components/ui/intent-link';
import { notFound } from 'next/navigation';
import { FeedbackRatingPanel } from '@/components/peer/feedback-rating-panel';
import { FeedbackReport } from '@/components/rubric/feedback-report';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { findFeedbackRatingTargets, type FeedbackRatingTarget } from '@/lib/peer/feedback-rating-target';
import type { FeedbackView } from '@/lib/scorecards/feedback-view';
import { getCandidateFeedback, getFeedbackPreview, getPeerFeedback, type PeerFeedback } from '@/lib/scorecards/get-feedback-view';
import { getMembership } from '@/lib/sessions/get-membership';
import { rateFeedbackAction } from './actions';
import { requireUser } from '../../../authenticated-action';

export const metadata: Metadata = { title: 'Feedback · mockloop' };

interface FeedbackPageProps {
  params: Promise<{ id: string }>;
}

/**
 * A candidate's published feedback (404 until published; opening it makes it final). An interviewer sees a
 * preview of their own feedback as the candidate will see it. A peer sees both: what their partner published
 * about the rounds they were the candidate in, and a preview of their own on the rounds they interviewed.
 */
export default async function FeedbackPage({ params }: FeedbackPageProps) {
  const { id } = await params;
  const user = await requireUser(`/sessions/${id}/feedback`);

  let view: FeedbackView | PeerFeedback;
  let ratingTargets: FeedbackRatingTarget[];
  try {
    const membership = await getMembership(getDb(), id, user.id);
    if (membership.role === 'PEER') view = await getPeerFeedback(getDb(), id, user.id);
    else view = membership.role === 'INTERVIEWER' ? await getFeedbackPreview(getDb(), id, user.id) : await getCandidateFeedback(getDb(), id, user.id);
    // Rounds this user took as the candidate whose interviewer has published (peer rounds name their own roles).
    ratingTargets = await findFeedbackRatingTargets(getDb(), id, user.id);
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
  const ratingPanel = ratingTargets.length > 0 ? <FeedbackRatingPanel sessionId={id} targets={ratingTargets} rate={rateFeedbackAction} /> : null;
  if ('given' in view) return <PeerFeedbackPage sessionId={id} feedback={view} ratingPanel={ratingPanel} />;

  return (
    <main className="page feedback">
      <p className="breadcrumb">
        <IntentLink href={`/sessions/${id}`}>← {view.title}</IntentLink>
      </p>
      <h1>Feedback</h1>
      {view.isPreview ? (
        <p className="notice">
          Preview: this is what the candidate will see once you publish. Private notes and the reasons for your overrides are not shown to them.{' '}
          <IntentLink href={`/sessions/${id}/debrief`}>Back to the debrief</IntentLink>
        </p>
      ) : (
        <p className="lede">Your interviewers’ feedback on this session: what they saw, when, and how it compares with the level anchors.</p>
      )}
      <FeedbackReport view={view} />
      {ratingPanel}
    </main>
  );
}

function PeerFeedbackPage({ sessionId, feedback, ratingPanel }: { sessionId: string; feedback: PeerFeedback; ratingPanel: ReactNode }) {
  return (
    <main className="page feedback">
      <p className="breadcrumb">
        <IntentLink href={`/sessions/${sessionId}`}>← {feedback.given.title}</IntentLink>
      </p>
      <h1>Feedback</h1>
      <section className="peer-feedback" aria-labelledby="feedback-received-heading">
        <h2 id="feedback-received-heading">Feedback from your partner</h2>
        {feedback.received ? (
          <>
            <p className="lede">On the rounds you were the candidate in: what they saw, when, and how it compares with the level anchors.</p>
            <FeedbackReport view={feedback.received} />
            {ratingPanel}
          </>
        ) : (
          <p className="muted">Your partner has not published their feedback yet.</p>
        )}
      </section>
      <section className="peer-feedback" aria-labelledby="feedback-given-heading">
        <h2 id="feedback-given-heading">Your feedback to your partner</h2>
        <p className="notice">
          Preview: this is what your partner will see once you publish. Private notes and the reasons for your overrides are not shown to them.{' '}
          <IntentLink href={`/sessions/${sessionId}/debrief`}>Back to the debrief</IntentLink>
        </p>
        <FeedbackReport view={feedback.given} />
      </section>
    </main>
  );
}
