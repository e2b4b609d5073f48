import type { PeerProfile } from '@/lib/peer/get-peer-profile';

const asPercent = (value: number | null) => (value === null ? '—' : `${value}%`);

/** Reliability (sessions attended of those matched, no-shows) and the feedback-quality ratings received. */
export function PeerProfileCard({ profile }: { profile: PeerProfile }) {
  const { reliability, feedbackQuality } = profile;
  return (
    <div className="peer-profile">
      <section className="card" aria-labelledby="reliability-heading">
        <h2 id="reliability-heading">Reliability</h2>
        <p className="peer-figure" data-testid="reliability">
          {asPercent(reliability.percent)}
        </p>
        <dl className="peer-stats">
          <dt>Matched sessions</dt>
          <dd>{reliability.settledMatches}</dd>
          <dt>Attended</dt>
          <dd>{reliability.attended}</dd>
          <dt>No-shows</dt>
          <dd data-testid="no-shows">{reliability.noShows}</dd>
        </dl>
        <p className="muted">A match counts once its joining window has passed; joining after it counts as a no-show.</p>
      </section>
      <section className="card" aria-labelledby="feedback-quality-heading">
        <h2 id="feedback-quality-heading">Your feedback, as candidates rated it</h2>
        {feedbackQuality.count === 0 ? (
          <p className="muted">No ratings yet. Candidates rate the feedback you publish to them after a round you interviewed.</p>
        ) : (
          <dl className="peer-stats">
            <dt>Helpful</dt>
            <dd data-testid="helpful-percent">{asPercent(feedbackQuality.helpfulPercent)}</dd>
            <dt>Specific</dt>
            <dd>{asPercent(feedbackQuality.specificPercent)}</dd>
            <dt>Ratings</dt>
            <dd>{feedbackQuality.count}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
