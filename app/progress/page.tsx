import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { ProgressReport } from '@/components/progress/progress-report';
import { getDb } from '@/lib/db';
import { getCandidateProgress } from '@/lib/progress/get-candidate-progress';
import { requireUser } from '../authenticated-action';

export const metadata: Metadata = { title: 'Progress · mockloop' };

/** The signed-in user's progress as a candidate, drawn from feedback their interviewers published. */
export default async function ProgressPage() {
  const user = await requireUser('/progress');
  const summary = await getCandidateProgress(getDb(), user.id);
  const count = summary.sessions.length;

  return (
    <main className="page progress">
      <h1>Progress</h1>
      {count === 0 ? (
        <div className="card progress-empty">
          <h2>Nothing to chart yet</h2>
          <p>
            Progress is drawn from the feedback your interviewers publish after a session you took as the candidate. Once an interviewer completes a session
            and publishes their scorecards, it appears here as one point per session: your signal ratings per round, the first two minutes, your SQL pace and
            the recommendations.
          </p>
          <p className="muted">
            Feedback that is not published stays with the interviewer. See <IntentLink href="/sessions">your sessions</IntentLink>.
          </p>
        </div>
      ) : (
        <>
          <p className="lede">
            From the feedback published to you in {count === 1 ? '1 session' : `${count} sessions`}, oldest first. Each point is one session, with its value
            written beside it; every chart has its numbers in a data table below it.
          </p>
          <ProgressReport summary={summary} />
        </>
      )}
    </main>
  );
}
