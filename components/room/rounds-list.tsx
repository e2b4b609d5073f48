import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import type { RoundView } from '@/lib/sessions/session-view';
import { formatElapsed } from '@/lib/timer/round-clock';

const STATUS = { PENDING: 'not started', RUNNING: 'running', PAUSED: 'paused', ENDED: 'done' } as const;

/** The loop at a glance: which round is on and how the others went. */
export function RoundsList({ rounds, currentRoundIndex }: { rounds: RoundView[]; currentRoundIndex: number }) {
  return (
    <ol className="rounds-list" aria-label="Rounds">
      {rounds.map((round) => (
        <li key={round.id} className={round.position === currentRoundIndex ? 'current' : undefined} aria-current={round.position === currentRoundIndex ? 'step' : undefined}>
          <span>{ROUND_KIND_LABELS[round.kind]}</span>
          <span className="muted">
            {round.format.durationMinutes} min · {STATUS[round.clock.status]}
            {round.clock.status === 'ENDED' ? ` in ${formatElapsed(round.clock.elapsedMs)}` : ''}
            {/* Rounds that name their sides (peer sessions) say which side the viewer is on. */}
            {round.interviewerId !== null || round.candidateId !== null ? (round.viewerRole === 'INTERVIEWER' ? ' · you interview' : ' · you are interviewed') : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
