import type { ReportRound } from '@/lib/history/session-report';
import { ScorecardFacts } from '@/components/rubric/scorecard-facts';
import { TableScroll } from '@/components/ui/table-scroll';

/** The round's scorecards in the report: wrap-up facts, then every signal's verdict, rating and note. */
export function ReportScorecards({ round, showsPrivacy }: { round: ReportRound; showsPrivacy: boolean }) {
  return (
    <>
      {round.scorecards.map((scorecard) => (
        <div key={scorecard.interviewerName} className="report-scorecard">
          <h4>Scorecard from {scorecard.interviewerName}</h4>
          <ScorecardFacts
            recommendation={scorecard.recommendation}
            levelEstimate={scorecard.levelEstimate}
            problemsSolved={scorecard.problemsSolved}
            questionsAsked={round.kind === 'SQL' ? round.questionsAsked : null}
          />
          {scorecard.strengths ? <p className="pre-wrap"><strong>Strengths.</strong> {scorecard.strengths}</p> : null}
          {scorecard.growthAreas ? <p className="pre-wrap"><strong>Growth areas.</strong> {scorecard.growthAreas}</p> : null}
          <TableScroll label="Signals">
            <table className="debrief-table">
              <thead>
                <tr>
                  <th scope="col">Signal</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Rating</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {scorecard.signals.map((signal) => (
                  <tr key={signal.key}>
                    <th scope="row">{signal.label}</th>
                    <td>
                      <span className={`verdict ${signal.isMet ? 'verdict-met' : signal.verdict === 'Not observed' ? 'verdict-unseen' : 'verdict-missed'}`}>{signal.verdict}</span>
                    </td>
                    <td>{signal.rating ?? '—'}</td>
                    <td className="pre-wrap">
                      {signal.note ? (
                        <>
                          {showsPrivacy ? <span className="muted">{signal.isNoteShared ? 'Shared: ' : 'Private: '}</span> : null}
                          {signal.note}
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
      ))}
    </>
  );
}
