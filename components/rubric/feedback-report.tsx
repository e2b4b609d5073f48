import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { describeRule } from '@/lib/rubric/judge-signal';
import type { FeedbackScorecardView, FeedbackView } from '@/lib/scorecards/feedback-view';
import { STAFF_BAR_CALL_LABELS } from '@/lib/scorecards/scorecard-vocabulary';
import { ScorecardFacts } from './scorecard-facts';
import { formatElapsed } from '@/lib/timer/round-clock';
import { VerdictBadge } from './verdict-badge';
import { TableScroll } from '@/components/ui/table-scroll';

/** Published feedback, read-only: per round the verdicts, ratings with their anchors, shared notes, wrap-up. */
export function FeedbackReport({ view }: { view: FeedbackView }) {
  // Unique per report: a peer's feedback page shows two.
  const loopCallHeadingId = `loop-call-heading-${view.isPreview ? 'preview' : 'published'}`;
  return (
    <>
      {view.loopCalls.length > 0 ? (
        <section aria-labelledby={loopCallHeadingId}>
          <h2 id={loopCallHeadingId}>Overall</h2>
          {view.loopCalls.map((call) => (
            <div key={call.interviewerName} className="card">
              <p>
                <strong>{call.interviewerName}:</strong> {call.staffBarCall ? STAFF_BAR_CALL_LABELS[call.staffBarCall] : 'no overall call'}
              </p>
              {call.rationale ? <p className="pre-wrap">{call.rationale}</p> : null}
            </div>
          ))}
        </section>
      ) : null}
      {view.rounds.length === 0 ? <p className="muted">No round has been scored yet.</p> : null}
      {view.rounds.map((round) => (
        <section key={round.roundId} className="feedback-round" aria-labelledby={`feedback-${round.roundId}`}>
          <h2 id={`feedback-${round.roundId}`}>
            Round {round.position + 1}: {ROUND_KIND_LABELS[round.kind]}
            <span className="muted"> · {formatElapsed(round.elapsedMs)} of {formatElapsed(round.durationMs)}</span>
          </h2>
          {round.scorecards.map((scorecard) => (
            <FeedbackScorecard key={scorecard.interviewerName} scorecard={scorecard} questionsAsked={round.questionsAsked} isSql={round.kind === 'SQL'} />
          ))}
        </section>
      ))}
    </>
  );
}

function FeedbackScorecard({ scorecard, questionsAsked, isSql }: { scorecard: FeedbackScorecardView; questionsAsked: number; isSql: boolean }) {
  return (
    <div className="card feedback-scorecard" data-testid="feedback-scorecard">
      <h3>From {scorecard.interviewerName}</h3>
      <ScorecardFacts
        recommendation={scorecard.recommendation}
        levelEstimate={scorecard.levelEstimate}
        problemsSolved={scorecard.problemsSolved}
        questionsAsked={isSql ? questionsAsked : null}
      />
      {scorecard.strengths ? (
        <>
          <h4>Strengths</h4>
          <p className="pre-wrap">{scorecard.strengths}</p>
        </>
      ) : null}
      {scorecard.growthAreas ? (
        <>
          <h4>Growth areas</h4>
          <p className="pre-wrap">{scorecard.growthAreas}</p>
        </>
      ) : null}
      <TableScroll label="Signals">
        <table className="debrief-table">
          <caption className="visually-hidden">Signals</caption>
          <thead>
            <tr>
              <th scope="col">Signal</th>
              <th scope="col">Expected</th>
              <th scope="col">Observed at</th>
              <th scope="col">Verdict</th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            {scorecard.signals.map((signal) => (
              <tr key={signal.key} data-testid="feedback-signal">
                <th scope="row">
                  {signal.label}
                  {signal.sharedNote ? <p className="cell-note">{signal.sharedNote}</p> : null}
                </th>
                <td>{describeRule(signal.rule, signal.pairLabel)}</td>
                <td className="mono">{signal.markedAtElapsedMs === null ? '—' : formatElapsed(signal.markedAtElapsedMs)}</td>
                <td>
                  <VerdictBadge rule={signal.rule} outcome={signal} />
                </td>
                <td>
                  {signal.rating ? (
                    <>
                      <span className="badge level">{signal.rating}</span> <span className="muted">{signal.ratingAnchor}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
