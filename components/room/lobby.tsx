'use client';

import type { ReactNode } from 'react';
import { LocalTime } from '@/components/sessions/local-time';
import type { SessionView } from '@/lib/sessions/session-view';
import { hasPartner } from './has-partner';
import { LobbyPreparation, type SwapQuestionAction } from './lobby-preparation';
import { MemberList } from './member-list';
import { RoundsList } from './rounds-list';
import { sendCommand, type RoomSocket } from './socket-request';
import { useCommand } from './use-command';
import { FormError } from '@/components/ui/form-error';

interface LobbyProps {
  socket: RoomSocket | null;
  view: SessionView;
  onlineUserIds: ReadonlySet<string>;
  /** Interviewers only (rendered by the server page with its actions). */
  invitePanel: ReactNode;
  /** Interviewers: replaces a planned question before its round starts. */
  swapQuestionAction: SwapQuestionAction | null;
  onChanged: () => void;
}

/** Before the session starts: who is here, the invites, the interviewer's start button and their preparation. */
export function Lobby({ socket, view, onlineUserIds, invitePanel, swapQuestionAction, onChanged }: LobbyProps) {
  const command = useCommand();
  const isInterviewer = view.canRunSession;
  const hasCandidate = hasPartner(view);

  const start = () => {
    if (!socket) return;
    void command.run('start', () => sendCommand(socket, 'session:start', { sessionId: view.id })).then((ack) => {
      if (ack?.ok) onChanged();
    });
  };

  return (
    <div className="lobby">
      <section className="card">
        <h2>Waiting room</h2>
        {view.scheduledAt ? (
          <p className="muted">
            Scheduled for <LocalTime iso={view.scheduledAt} />
          </p>
        ) : null}
        <MemberList members={view.members} onlineUserIds={onlineUserIds} viewerId={view.viewerId} />
        {isInterviewer ? (
          <div className="lobby-start">
            <button type="button" className="button primary" disabled={command.pending !== null || !socket} onClick={start}>
              {command.pending ? 'Starting…' : 'Start session'}
            </button>
            {!hasCandidate ? <span className="muted">No candidate has joined yet; you can still start, e.g. to try the room.</span> : null}
          </div>
        ) : (
          <p className="waiting" role="status">
            Waiting for the interviewer to start.
          </p>
        )}
        <FormError message={command.error} />
      </section>
      <section className="card">
        <h2>Plan</h2>
        {/* Nothing is current before the session starts. */}
        <RoundsList rounds={view.rounds} currentRoundIndex={-1} />
      </section>
      {isInterviewer ? invitePanel : null}
      <LobbyPreparation rounds={view.rounds.filter((round) => round.viewerRole === 'INTERVIEWER')} swapAction={swapQuestionAction} />
    </div>
  );
}
