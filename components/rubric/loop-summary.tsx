import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { resolveSignalOutcome } from '@/lib/rubric/judge-signal';
import type { DebriefRoundView, DebriefScorecardView } from '@/lib/scorecards/debrief-view';
import { RECOMMENDATION_LABELS } from '@/lib/scorecards/scorecard-vocabulary';
import { TableScroll } from '@/components/ui/table-scroll';

function signalsMet(round: DebriefRoundView, scorecard: DebriefScorecardView): number {
  return round.signals.filter((signal) => {
    const entry = scorecard.entries[signal.key];
    const pairMark = signal.rule.kind === 'ORDERED' ? (scorecard.entries[signal.rule.before]?.markedAtElapsedMs ?? null) : null;
    return resolveSignalOutcome(signal.rule, { markedAtElapsedMs: entry?.markedAtElapsedMs ?? null, pairMarkedAtElapsedMs: pairMark }, entry?.override?.verdict ?? null)
      .isMet;
  }).length;
}

/** One line per round and interviewer: how many signals were met, the recommendation and the level. */
export function LoopSummary({ rounds }: { rounds: DebriefRoundView[] }) {
  return (
    <TableScroll label="Loop summary">
      <table className="debrief-table" aria-label="Loop summary">
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Interviewer</th>
            <th scope="col">Signals met</th>
            <th scope="col">Recommendation</th>
            <th scope="col">Level</th>
          </tr>
        </thead>
        <tbody>
          {rounds.flatMap((round) =>
            round.scorecards.length === 0
              ? [
                  <tr key={round.roundId}>
                    <th scope="row">
                      {round.position + 1}. {ROUND_KIND_LABELS[round.kind]}
                    </th>
                    <td colSpan={4} className="muted">
                      Not scored
                    </td>
                  </tr>,
                ]
              : round.scorecards.map((scorecard) => (
                  <tr key={`${round.roundId}-${scorecard.interviewerId}`}>
                    <th scope="row">
                      {round.position + 1}. {ROUND_KIND_LABELS[round.kind]}
                    </th>
                    <td>{scorecard.interviewerName}</td>
                    <td>
                      {signalsMet(round, scorecard)} of {round.signals.length}
                    </td>
                    <td>{scorecard.wrapUp.recommendation ? RECOMMENDATION_LABELS[scorecard.wrapUp.recommendation] : '—'}</td>
                    <td>{scorecard.wrapUp.levelEstimate ?? '—'}</td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
