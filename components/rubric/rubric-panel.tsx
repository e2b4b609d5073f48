'use client';

import { useCallback, useEffect, useState } from 'react';
import { sendCommand, type RoomSocket } from '@/components/room/socket-request';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import type { ClockStatus } from '@/lib/timer/round-clock';
import { ScorecardEditor } from './scorecard-editor';
import type { SaveScorecard } from './use-scorecard-autosave';

interface RubricPanelProps {
  socket: RoomSocket;
  /** Connected and joined: the server refuses rubric commands before. The panel stays, with its drafts, while not. */
  isJoined: boolean;
  sessionId: string;
  roundId: string;
  roundStatus: ClockStatus;
}

const OFFLINE = 'You are offline. Your edit is kept on screen; retry once the connection is back.';

/**
 * The interviewer's scorecard in the live room, over the room's socket. The rubric is fetched only here, by
 * an interviewer of the round: it is never part of the page or of a candidate's session view.
 */
export function RubricPanel({ socket, isJoined, sessionId, roundId, roundStatus }: RubricPanelProps) {
  const [loaded, setLoaded] = useState<ScorecardView | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Again when the round starts or ends: whether "observed now" is possible comes with the scorecard.
  useEffect(() => {
    if (!isJoined) return;
    let isCurrent = true;
    void sendCommand(socket, 'rubric:get', { sessionId, roundId }).then((ack) => {
      if (!isCurrent) return;
      if (ack.ok) {
        setLoaded(ack.data);
        setError(null);
      } else setError(ack.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [socket, isJoined, sessionId, roundId, roundStatus]);

  useEffect(() => {
    const onChanged = (payload: { sessionId: string; scorecard: ScorecardView }) => {
      if (payload.sessionId === sessionId && payload.scorecard.roundId === roundId) setLoaded(payload.scorecard);
    };
    socket.on('rubric:changed', onChanged);
    return () => {
      socket.off('rubric:changed', onChanged);
    };
  }, [socket, sessionId, roundId]);

  const save: SaveScorecard = useCallback(
    async (command) =>
      isJoined ? sendCommand(socket, 'rubric:save', { sessionId, command }) : { ok: false, code: 'UNAVAILABLE', message: OFFLINE },
    [socket, isJoined, sessionId],
  );

  if (error) {
    return (
      <section className="panel">
        <p className="form-error" role="alert">
          The scorecard could not be loaded: {error}
        </p>
      </section>
    );
  }
  if (!loaded || loaded.roundId !== roundId) return <p className="panel muted">Loading your scorecard…</p>;
  return (
    <div className="panel">
      <ScorecardEditor key={roundId} initial={loaded} external={loaded} save={save} />
    </div>
  );
}
