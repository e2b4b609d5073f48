import type { ProgressSummary } from '@/lib/progress/progress-summary';
import { LineChart } from './line-chart';
import { buildProgressCharts } from './progress-charts';

/** The progress page's charts: across rounds (first two minutes, SQL pace), then per round kind. */
export function ProgressReport({ summary }: { summary: ProgressSummary }) {
  const charts = buildProgressCharts(summary);
  return (
    <>
      <section aria-labelledby="across-rounds-heading">
        <h2 id="across-rounds-heading">Across rounds</h2>
        <p className="muted">
          Each round has one thing to show in its first two minutes (in SQL, naming the partition filter; in data modeling, stating the grain): a round
          counts as met when the interviewer saw it in time, or said so by overriding the clock. SQL pace is the problems solved and the time they took on the round
          clock, as they were: a short round is never scaled up to 30 minutes.
        </p>
        <div className="progress-chart-grid">
          {charts.firstTwoMinutes ? (
            <LineChart {...charts.firstTwoMinutes} />
          ) : (
            <p className="card empty">No published round has a first-two-minutes judgement yet.</p>
          )}
          {charts.sqlPace ? (
            <LineChart {...charts.sqlPace} />
          ) : (
            <p className="card empty">No published SQL round has a problems-solved count yet. {charts.sqlRoundsLeftOut}</p>
          )}
        </div>
      </section>

      <section aria-labelledby="by-round-heading">
        <h2 id="by-round-heading">By round</h2>
        <p className="muted">
          Signal ratings are the levels whose anchors your answers matched (E4 = 4, E5 = 5, E6 = 6), averaged per interviewer and then across
          interviewers. Recommendations run from strong no (1) to strong yes (6).
        </p>
        {charts.byRoundKind.length === 0 ? <p className="empty">No published round has a rating or a recommendation yet.</p> : null}
        {charts.byRoundKind.map(({ kind, label, ratings, recommendations }) => (
          <section key={kind} className="progress-kind" aria-labelledby={`progress-${kind}`}>
            <h3 id={`progress-${kind}`}>{label}</h3>
            <div className="progress-chart-grid">
              {ratings ? <LineChart {...ratings} /> : <p className="card empty">No rated signals published for {label} yet.</p>}
              {recommendations ? <LineChart {...recommendations} /> : <p className="card empty">No recommendations published for {label} yet.</p>}
            </div>
          </section>
        ))}
      </section>
    </>
  );
}
