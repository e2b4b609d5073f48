'use client';

import { useState } from 'react';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import type { RoundClockState } from '@/lib/sessions/control-round-timer';
import type { RoundView } from '@/lib/sessions/session-view';
import { elapsedAt, formatClock, formatElapsed, remainingAt, type TimerCommand } from '@/lib/timer/round-clock';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { sendCommand, type RoomSocket } from './socket-request';
import { useCommand } from './use-command';
import { useNow } from './use-now';
import { FormError } from '@/components/ui/form-error';

const EXTEND_BY_MS = 5 * 60_000;
const FIRST_CHECK_AT_MS = 2 * 60_000;

interface RoundTimerProps {
  socket: RoomSocket | null;
  sessionId: string;
  round: RoundView;
  roundCount: number;
  /** serverTime ≈ Date.now() + clockOffset. */
  clockOffset: number;
  /** The viewer interviews this round of a live session. */
  canControl: boolean;
  onClock: (state: RoundClockState) => void;
  /** After a command whose effects arrive as a fresh view (advance, complete). */
  onChanged: () => void;
}

/** Elapsed time as m:ss, counting whole seconds up. */
const STATUS_LABELS = { PENDING: 'Not started', RUNNING: 'Running', PAUSED: 'Paused' } as const;

export function RoundTimer({ socket, sessionId, round, roundCount, clockOffset, canControl, onClock, onChanged }: RoundTimerProps) {
  const now = useNow();
  const command = useCommand();
  const [dismissedCheck, setDismissedCheck] = useState<string | null>(null);
  const { clock, format } = round;
  // Rendered from the server's clock: both screens agree whatever their own clocks say.
  const serverNow = now === null ? null : now + clockOffset;
  const remaining = serverNow === null ? null : remainingAt(clock, serverNow);
  const elapsed = serverNow === null ? clock.elapsedMs : elapsedAt(clock, serverNow);
  const isOver = remaining !== null && remaining < 0;
  const isLive = clock.status === 'RUNNING' || clock.status === 'PAUSED';

  const display =
    clock.status === 'ENDED'
      ? 'Ended'
      : remaining === null
        ? '–:––'
        : clock.status === 'PENDING'
          ? formatClock(clock.durationMs)
          : isOver
            ? `${formatClock(remaining).replace('-', '+')} over`
            : formatClock(remaining);

  const timer = (name: string, commandName: TimerCommand) => () => {
    if (!socket) return;
    void command
      .run(name, () =>
        sendCommand(socket, 'round:timer', {
          sessionId,
          roundId: round.id,
          command: commandName,
          ...(commandName === 'extend' ? { extendByMs: EXTEND_BY_MS } : {}),
        }),
      )
      .then((ack) => {
        if (ack?.ok) onClock(ack.data);
      });
  };
  const advance = () => {
    if (!socket) return;
    void command.run('advance', () => sendCommand(socket, 'round:advance', { sessionId, roundId: round.id })).then((ack) => {
      if (ack?.ok) onChanged();
    });
  };
  const complete = () => {
    if (!socket) return;
    void command.run('complete', () => sendCommand(socket, 'session:complete', { sessionId })).then((ack) => {
      if (ack?.ok) onChanged();
    });
  };

  const isBusy = command.pending !== null || !socket;
  const pendingLabel = (name: string, idle: string, busy: string) => (command.pending === name ? busy : idle);
  const isLastRound = round.position >= roundCount - 1;
  const showFirstCheck = canControl && isLive && elapsed >= FIRST_CHECK_AT_MS && dismissedCheck !== round.id;

  return (
    <section className="round-timer" aria-label="Round timer">
      <p className="timer-round">
        Round {round.position + 1} of {roundCount} · {ROUND_KIND_LABELS[round.kind]} · {format.durationMinutes} min
      </p>
      <p className={`timer-remaining${isOver && clock.status !== 'ENDED' ? ' overtime' : ''}${clock.status === 'PAUSED' || clock.status === 'ENDED' ? ' paused' : ''}`} data-testid="timer-remaining">
        {display}
      </p>
      <p className="timer-status" data-testid="timer-status">
        {clock.status === 'ENDED'
          ? `Ran ${formatElapsed(clock.elapsedMs)} of ${formatElapsed(clock.durationMs)}`
          : STATUS_LABELS[clock.status]}
      </p>

      {round.kind === 'SQL' ? <SqlPacing round={round} elapsed={elapsed} /> : null}

      {showFirstCheck ? (
        <div className="first-check" role="status">
          <p>
            <strong>Two-minute check.</strong> Did the candidate do this yet? {format.firstTwoMinutes.expectation}
          </p>
          <button type="button" className="button subtle" onClick={() => setDismissedCheck(round.id)}>
            Dismiss
          </button>
        </div>
      ) : null}

      {canControl ? (
        <div className="timer-controls">
          {clock.status === 'PENDING' ? (
            <button type="button" className="button primary" disabled={isBusy} onClick={timer('start', 'start')}>
              {pendingLabel('start', 'Start round', 'Starting…')}
            </button>
          ) : null}
          {clock.status === 'RUNNING' ? (
            <button type="button" className="button" disabled={isBusy} onClick={timer('pause', 'pause')}>
              {pendingLabel('pause', 'Pause', 'Pausing…')}
            </button>
          ) : null}
          {clock.status === 'PAUSED' ? (
            <button type="button" className="button primary" disabled={isBusy} onClick={timer('resume', 'resume')}>
              {pendingLabel('resume', 'Resume', 'Resuming…')}
            </button>
          ) : null}
          {isLive ? (
            <>
              <button type="button" className="button" disabled={isBusy} onClick={timer('extend', 'extend')}>
                {pendingLabel('extend', '+5 min', 'Adding…')}
              </button>
              <ConfirmButton
                className="button danger"
                disabled={isBusy}
                label={pendingLabel('end', 'End round', 'Ending…')}
                title="End this round now?"
                consequence={
                  <p>
                    The clock stops and the editor becomes read-only for both of you, for good: the candidate cannot type
                    another character in this round.{isOver ? null : ` ${remaining === null ? '' : `${formatClock(remaining)} remain${remaining >= 60_000 ? '' : 's'}.`}`}
                  </p>
                }
                confirmLabel="End round"
                onConfirm={timer('end', 'end')}
              />
            </>
          ) : null}
          {clock.status === 'ENDED' && !isLastRound ? (
            <button type="button" className="button primary" disabled={isBusy} onClick={advance}>
              {pendingLabel('advance', 'Next round', 'Moving on…')}
            </button>
          ) : null}
          {clock.status === 'ENDED' ? (
            <ConfirmButton
              className={`button${isLastRound ? ' primary' : ''}`}
              disabled={isBusy}
              label={pendingLabel('complete', 'Complete session', 'Completing…')}
              title="Complete the session?"
              consequence={
                <p>
                  {isLastRound ? 'Every round is done.' : `${roundCount - round.position - 1} of ${roundCount} rounds have not been played; they will not be.`} The
                  session closes for everyone and its documents become read-only; the debrief and the report open.
                </p>
              }
              confirmLabel="Complete session"
              onConfirm={complete}
            />
          ) : null}
        </div>
      ) : null}
      <FormError message={command.error} />
    </section>
  );
}

/** SQL is a velocity round: which problem is on, and how its time compares with the per-problem budget. */
function SqlPacing({ round, elapsed }: { round: RoundView; elapsed: number }) {
  const revealed = round.questions.filter((question) => question.revealedAtElapsedMs !== null);
  const current = revealed.filter((question) => question.completedAtElapsedMs === null).at(-1);
  const budgetMs = round.format.perQuestionBudgetMinutes * 60_000;
  const onCurrent = current?.revealedAtElapsedMs != null ? elapsed - current.revealedAtElapsedMs : null;
  return (
    <p className="pacing" data-testid="pacing">
      {revealed.length > 0 ? `Problem ${revealed.length} of ${round.plannedQuestionCount}` : `${round.plannedQuestionCount} problems`} · budget{' '}
      {formatElapsed(budgetMs)} each
      {onCurrent !== null && round.clock.status !== 'ENDED' ? (
        <>
          {' · '}
          <span className={onCurrent > budgetMs ? 'overtime' : undefined}>this one {formatElapsed(onCurrent)}</span>
        </>
      ) : null}
    </p>
  );
}
