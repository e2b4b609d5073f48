import type { ReportRound } from '@/lib/history/session-report';
import { formatElapsed } from '@/lib/timer/round-clock';

/**
 * The round on one bar: the first-minutes window shaded, each question's reveal, twist and signal mark placed
 * at its round time. The list under the bar says the same in words, for screen readers and for print.
 */
export function TimelineBar({ round }: { round: ReportRound }) {
  const spanMs = Math.max(round.durationMs, round.elapsedMs, 1);
  const at = (ms: number) => `${Math.min(100, (ms / spanMs) * 100)}%`;
  const events = [
    ...round.questions
      .filter((question) => question.revealedAtElapsedMs !== null)
      .map((question) => ({ ms: question.revealedAtElapsedMs!, text: `Question shown: ${question.title}`, kind: 'question' as const })),
    ...round.marks.map((mark) => ({ ms: mark.elapsedMs, text: `${mark.label}: ${mark.verdict} (${mark.interviewerName})`, kind: mark.isMet ? ('met' as const) : ('missed' as const) })),
    ...round.twists.map((twist) => ({
      ms: twist.firedAtElapsedMs,
      text: `Twist fired: ${twist.title}${twist.probesSignalLabel ? ` (probes ${twist.probesSignalLabel})` : ''}`,
      kind: 'twist' as const,
    })),
  ].sort((a, b) => a.ms - b.ms);

  return (
    <figure className="timeline">
      <div className="timeline-bar" aria-hidden="true">
        {round.firstWindowMs ? (
          <div className="timeline-window" style={{ width: at(round.firstWindowMs) }} title={`First ${formatElapsed(round.firstWindowMs)}`} />
        ) : null}
        {round.elapsedMs > round.durationMs ? <div className="timeline-overtime" style={{ left: at(round.durationMs), right: 0 }} /> : null}
        {events.map((event, index) => (
          <span key={index} className={`timeline-tick timeline-${event.kind}`} style={{ left: at(event.ms) }} />
        ))}
      </div>
      <div className="timeline-scale" aria-hidden="true">
        <span>0:00</span>
        {round.firstWindowMs ? <span style={{ left: at(round.firstWindowMs) }}>{formatElapsed(round.firstWindowMs)}</span> : null}
        <span className="timeline-end">{formatElapsed(spanMs)}</span>
      </div>
      <figcaption className="visually-hidden">
        Timeline of round {round.position + 1}; the first {round.firstWindowMs ? formatElapsed(round.firstWindowMs) : ''} are shaded.
      </figcaption>
      {events.length > 0 ? (
        <ol className="timeline-events" aria-label={`Round ${round.position + 1} timeline`}>
          {events.map((event, index) => (
            <li key={index} className={`timeline-event-${event.kind}`} data-testid="timeline-event">
              <span className="mono">{formatElapsed(event.ms)}</span> {event.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No marks on this round{round.scorecards.length === 0 ? '' : ' yet'}.</p>
      )}
    </figure>
  );
}
