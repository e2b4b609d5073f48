'use client';

import { useEffect, useId, useState } from 'react';
import type { RoundView } from '@/lib/sessions/session-view';
import { formatElapsed } from '@/lib/timer/round-clock';
import type { FiredTwistGuide, FiredTwistView } from '@/lib/twists/fired-twist-view';
import { sendCommand, type RoomSocket } from './socket-request';
import { useCommand } from './use-command';
import { FormError } from '@/components/ui/form-error';

interface TwistPanelProps {
  /** The room's socket, for hearing about twists fired from another interviewer's screen. */
  socket: RoomSocket | null;
  /** Connected and joined: null while commands would be refused. */
  commandSocket: RoomSocket | null;
  sessionId: string;
  /** An interviewer's view of the round: its questions carry their guides, twists included. */
  round: RoundView;
  onFired: (twist: FiredTwistView) => void;
}

/**
 * The interviewer's scripted twists for the round, beside the scorecard: each with the signal it probes and what a
 * strong answer covers, fired with one click. Built only from the guides in an interviewer's view; a candidate's
 * view has no guides, so this never renders for them.
 */
export function TwistPanel({ socket, commandSocket, sessionId, round, onFired }: TwistPanelProps) {
  const command = useCommand();
  const headingId = useId();
  const [listenFor, setListenFor] = useState('');

  const withTwists = round.questions.filter((question) => (question.guide?.twists.length ?? 0) > 0);
  const titleOf = (guide: FiredTwistGuide) =>
    withTwists.find((question) => question.id === guide.roundQuestionId)?.guide?.twists.find((twist) => twist.key === guide.twistKey)?.title ?? 'A twist';

  useEffect(() => {
    if (!socket) return;
    const onGuide = (payload: { sessionId: string; guide: FiredTwistGuide }) => {
      if (payload.sessionId !== sessionId || payload.guide.roundId !== round.id) return;
      setListenFor(`${titleOf(payload.guide)} was fired. Listen for: ${payload.guide.probesSignalLabel}.`);
    };
    socket.on('twist:guide', onGuide);
    return () => {
      socket.off('twist:guide', onGuide);
    };
  });

  if (withTwists.length === 0) return null;
  const fired = new Map(round.firedTwists.map((twist) => [`${twist.roundQuestionId}:${twist.twistKey}`, twist]));
  const isRunning = round.clock.status === 'RUNNING';
  // The question being asked: the latest revealed and not yet done, else the next to reveal. Its twists are open;
  // the other questions' fold away under their titles.
  const revealed = withTwists.filter((question) => question.revealedAt !== null);
  const current =
    revealed.filter((question) => question.completedAtElapsedMs === null).at(-1) ??
    withTwists.find((question) => question.revealedAt === null) ??
    revealed.at(-1);
  const others = withTwists.filter((question) => question !== current);

  const fire = (roundQuestionId: string, twistKey: string) => {
    if (!commandSocket) return;
    void command
      .run(`${roundQuestionId}:${twistKey}`, () => sendCommand(commandSocket, 'twist:fire', { sessionId, roundId: round.id, roundQuestionId, twistKey }))
      .then((ack) => {
        if (ack?.ok) onFired(ack.data.twist);
      });
  };

  const renderGroup = (question: (typeof withTwists)[number], isCurrent: boolean) => (
    <div className="twist-group" data-testid="twist-group">
      {isCurrent && withTwists.length > 1 ? <h3>Now: {question.title}</h3> : null}
      <ul className="twist-list">
        {question.guide!.twists.map((twist) => {
          const firedTwist = fired.get(`${question.id}:${twist.key}`);
          const label = question.guide!.signalLabels[twist.probesSignalKey] ?? twist.probesSignalKey;
          const blocker = question.revealedAt === null ? 'Reveal this question first.' : isRunning ? null : 'Fire while the round is running.';
          return (
            <li key={twist.key} className="twist-item" data-testid="twist-item" data-twist-key={twist.key}>
              <p className="twist-item-title">
                <strong>{twist.title}</strong>
              </p>
              <p className="twist-probes">
                Probes: <span className="badge" data-testid="twist-probes">{label}</span>
              </p>
              <p>{twist.prompt}</p>
              {twist.strongAnswer ? (
                <details>
                  <summary>What a strong answer covers</summary>
                  <p>{twist.strongAnswer}</p>
                </details>
              ) : null}
              {firedTwist ? (
                <p className="twist-fired">Fired at {formatElapsed(firedTwist.firedAtElapsedMs)}</p>
              ) : (
                <p className="twist-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={blocker !== null || command.pending !== null || !commandSocket}
                    onClick={() => fire(question.id, twist.key)}
                    aria-label={`Fire twist: ${twist.title}`}
                  >
                    {command.pending === `${question.id}:${twist.key}` ? 'Firing…' : 'Fire twist'}
                  </button>
                  {blocker ? <span className="muted"> {blocker}</span> : null}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );

  return (
    <section className="panel twist-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Twists</h2>
      <p className="muted">The candidate sees a twist’s title and text once you fire it; the rest stays with you.</p>
      <p className="twist-listen" role="status">
        {listenFor}
      </p>
      {current ? renderGroup(current, true) : null}
      {others.map((question) => (
        <details key={question.id} className="twist-other">
          <summary>
            {question.title} ({question.guide!.twists.length} {question.guide!.twists.length === 1 ? 'twist' : 'twists'})
          </summary>
          {renderGroup(question, false)}
        </details>
      ))}
      <FormError message={command.error} />
    </section>
  );
}
