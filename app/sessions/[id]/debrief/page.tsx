import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { notFound } from 'next/navigation';
import { AuditLog } from '@/components/rubric/audit-log';
import { DebriefScorecard } from '@/components/rubric/debrief-scorecard';
import { DebriefRoundTable } from '@/components/rubric/debrief-summary';
import { LoopCallForm } from '@/components/rubric/loop-call-form';
import { LoopSummary } from '@/components/rubric/loop-summary';
import { PublishControls } from '@/components/rubric/publish-controls';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import type { DebriefView } from '@/lib/scorecards/debrief-view';
import { getDebriefView } from '@/lib/scorecards/get-debrief-view';
import { getScorecardView } from '@/lib/scorecards/get-scorecard-view';
import { STAFF_BAR_CALL_LABELS } from '@/lib/scorecards/scorecard-vocabulary';
import { publishFeedbackAction, saveLoopCallAction, saveScorecardAction, unpublishFeedbackAction } from './actions';
import { requireUser } from '../../../authenticated-action';

export const metadata: Metadata = { title: 'Debrief · mockloop' };

interface DebriefPageProps {
  params: Promise<{ id: string }>;
}

/** Interviewers only (a candidate or a stranger gets a 404): the scorecards side by side, the call, publishing. */
export default async function DebriefPage({ params }: DebriefPageProps) {
  const { id } = await params;
  const user = await requireUser(`/sessions/${id}/debrief`);

  let view: DebriefView;
  try {
    view = await getDebriefView(getDb(), id, user.id);
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
  const myScorecards = await Promise.all(view.rounds.map((round) => getScorecardView(getDb(), id, round.roundId, user.id)));
  const myCall = view.loopCalls.find((call) => call.interviewerId === user.id) ?? null;
  const myRelease = view.releases.find((release) => release.interviewerId === user.id) ?? null;
  const hasScored = view.rounds.some((round) => round.scorecards.some((scorecard) => scorecard.interviewerId === user.id));
  const blockedReason =
    view.status !== 'COMPLETED' ? 'Complete the session first.' : hasScored ? null : 'Score at least one round first.';

  return (
    <main className="page debrief">
      <p className="breadcrumb">
        <IntentLink href={`/sessions/${id}`}>← {view.title}</IntentLink>
      </p>
      <h1>Debrief</h1>
      <p className="lede">
        {view.candidateNames.length > 0 ? `Candidate: ${view.candidateNames.join(', ')}. ` : ''}Only the interviewers of this session see this page.
      </p>

      <nav className="section-index" aria-label="On this page">
        <ol>
          <li>
            <a href="#summary">Summary</a>
          </li>
          <li>
            <a href="#gaps">Coverage gaps</a>
          </li>
          <li>
            <a href="#my-scorecards">Your scorecards</a>
          </li>
          <li>
            <a href="#call">Staff-bar call</a>
          </li>
          <li>
            <a href="#publish">Feedback to the candidate</a>
          </li>
          <li>
            <a href="#history">Change history</a>
          </li>
        </ol>
      </nav>

      <section id="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <LoopSummary rounds={view.rounds} />
        {view.rounds.map((round) => (
          <DebriefRoundTable key={round.roundId} round={round} />
        ))}
      </section>

      <section id="gaps" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Coverage gaps</h2>
        {view.coverageGaps.length === 0 ? (
          <p className="muted">Every signal was probed by someone.</p>
        ) : (
          <>
            <p className="muted">Signals nobody marked or rated: no evidence either way. Probe them next time.</p>
            <ul className="coverage-gaps" aria-label="Signals never probed">
              {view.coverageGaps.map((gap) => (
                <li key={`${gap.roundId}-${gap.signalKey}`}>
                  Round {gap.roundPosition + 1} ({ROUND_KIND_LABELS[view.rounds.find((round) => round.roundId === gap.roundId)!.kind]}): {gap.label}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section id="my-scorecards" aria-labelledby="my-scorecards-heading">
        <h2 id="my-scorecards-heading">Your scorecards</h2>
        {myScorecards.map((scorecard) => (
          <details key={scorecard.roundId} className="card" open={myScorecards.length === 1}>
            <summary>
              Round {scorecard.roundPosition + 1}: {ROUND_KIND_LABELS[scorecard.roundKind]}
            </summary>
            <DebriefScorecard initial={scorecard} saveAction={saveScorecardAction} />
          </details>
        ))}
      </section>

      <section id="call" aria-labelledby="call-heading">
        <h2 id="call-heading">Staff-bar call</h2>
        {view.loopCalls
          .filter((call) => call.interviewerId !== user.id)
          .map((call) => (
            <div key={call.interviewerId} className="card">
              <h3>{call.interviewerName}</h3>
              <p>{call.staffBarCall ? STAFF_BAR_CALL_LABELS[call.staffBarCall] : 'No call yet'}</p>
              {call.rationale ? <p className="pre-wrap">{call.rationale}</p> : null}
            </div>
          ))}
        <div className="card">
          <LoopCallForm saved={myCall} isLocked={myRelease !== null} action={saveLoopCallAction.bind(null, id)} />
        </div>
      </section>

      <section id="publish" aria-labelledby="publish-heading">
        <h2 id="publish-heading">Feedback to the candidate</h2>
        <div className="card">
          <PublishControls
            sessionId={id}
            release={myRelease}
            blockedReason={blockedReason}
            publish={publishFeedbackAction.bind(null, id)}
            unpublish={unpublishFeedbackAction.bind(null, id)}
          />
        </div>
      </section>

      <section id="history" aria-labelledby="history-heading">
        <h2 id="history-heading">Change history</h2>
        <AuditLog lines={view.audit} />
      </section>
    </main>
  );
}
