import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { resolveSignalOutcome } from '@/lib/rubric/judge-signal';
import type { DebriefRoundView, DebriefScorecardView } from '@/lib/scorecards/debrief-view';
import type { RubricSignalView } from '@/lib/scorecards/scorecard-view';
import { RECOMMENDATION_LABELS } from '@/lib/scorecards/scorecard-vocabulary';
import { formatElapsed } from '@/lib/timer/round-clock';
import { VerdictBadge } from './verdict-badge';
import { TableScroll } from '@/components/ui/table-scroll';

/** Every interviewer's marks, verdicts and ratings for one round, side by side, then their wrap-ups. */
export function DebriefRoundTable({ round }: { round: DebriefRoundView }) {
  const captionId = `debrief-round-${round.roundId}`;
  return (
    <section className="card debrief-round" aria-labelledby={captionId}>
      <h3 id={captionId}>
        Round {round.position + 1}: {ROUND_KIND_LABELS[round.kind]}
        <span className="muted">
          {' '}
          · {round.status === 'PENDING' ? 'not run' : `ran ${formatElapsed(round.elapsedMs)} of ${formatElapsed(round.durationMs)}`}
        </span>
      </h3>
      {round.scorecards.length === 0 ? (
        <p className="muted">Nobody has scored this round yet.</p>
      ) : (
        <TableScroll label="Scorecards">
          <table className="debrief-table">
            <thead>
              <tr>
                <th scope="col">Signal</th>
                {round.scorecards.map((scorecard) => (
                  <th scope="col" key={scorecard.interviewerId}>
                    {scorecard.interviewerName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {round.signals.map((signal) => (
                <tr key={signal.key}>
                  <th scope="row">{signal.label}</th>
                  {round.scorecards.map((scorecard) => (
                    <td key={scorecard.interviewerId}>
                      <SignalCell signal={signal} scorecard={scorecard} />
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="wrap-up-row">
                <th scope="row">Recommendation</th>
                {round.scorecards.map((scorecard) => (
                  <td key={scorecard.interviewerId}>{scorecard.wrapUp.recommendation ? RECOMMENDATION_LABELS[scorecard.wrapUp.recommendation] : '—'}</td>
                ))}
              </tr>
              <tr className="wrap-up-row">
                <th scope="row">Level estimate</th>
                {round.scorecards.map((scorecard) => (
                  <td key={scorecard.interviewerId}>{scorecard.wrapUp.levelEstimate ?? '—'}</td>
                ))}
              </tr>
              {round.kind === 'SQL' ? (
                <tr className="wrap-up-row">
                  <th scope="row">Problems solved</th>
                  {round.scorecards.map((scorecard) => (
                    <td key={scorecard.interviewerId}>
                      {scorecard.wrapUp.problemsSolved === null ? '—' : `${scorecard.wrapUp.problemsSolved} of ${round.questionsAsked}`}
                    </td>
                  ))}
                </tr>
              ) : null}
            </tbody>
          </table>
        </TableScroll>
      )}
      {round.scorecards.map((scorecard) =>
        scorecard.wrapUp.strengths || scorecard.wrapUp.growthAreas ? (
          <div key={scorecard.interviewerId} className="wrap-up-text">
            <h4>{scorecard.interviewerName}</h4>
            {scorecard.wrapUp.strengths ? <p><strong>Strengths.</strong> {scorecard.wrapUp.strengths}</p> : null}
            {scorecard.wrapUp.growthAreas ? <p><strong>Growth areas.</strong> {scorecard.wrapUp.growthAreas}</p> : null}
          </div>
        ) : null,
      )}
    </section>
  );
}

function SignalCell({ signal, scorecard }: { signal: RubricSignalView; scorecard: DebriefScorecardView }) {
  const entry = scorecard.entries[signal.key];
  const pairMark = signal.rule.kind === 'ORDERED' ? (scorecard.entries[signal.rule.before]?.markedAtElapsedMs ?? null) : null;
  const markedAt = entry?.markedAtElapsedMs ?? null;
  const outcome = resolveSignalOutcome(signal.rule, { markedAtElapsedMs: markedAt, pairMarkedAtElapsedMs: pairMark }, entry?.override?.verdict ?? null);
  return (
    <div className="signal-cell">
      {markedAt !== null ? <span className="mono">{formatElapsed(markedAt)}</span> : null}
      <VerdictBadge rule={signal.rule} outcome={outcome} />
      {entry?.rating ? <span className="badge level">{entry.rating}</span> : null}
      {entry?.override ? <span className="muted override-reason">Override: {entry.override.reason}</span> : null}
      {entry?.note ? (
        <span className="muted cell-note">
          {entry.noteShareable ? 'Shared note: ' : 'Private note: '}
          {entry.note}
        </span>
      ) : null}
    </div>
  );
}
