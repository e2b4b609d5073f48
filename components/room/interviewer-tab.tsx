'use client';

import { RubricPanel } from '@/components/rubric/rubric-panel';
import type { RoundView } from '@/lib/sessions/session-view';
import type { FiredTwistView } from '@/lib/twists/fired-twist-view';
import type { RoomSocket } from './socket-request';
import { TwistPanel } from './twist-panel';

interface InterviewerTabProps {
  socket: RoomSocket;
  isJoined: boolean;
  commandSocket: RoomSocket | null;
  sessionId: string;
  round: RoundView;
  onFiredTwist: (twist: FiredTwistView) => void;
}

/**
 * The interviewer's scorecard tab: the signals to mark first (that is what an interviewer reaches for mid-answer),
 * then the twists of the question being asked. The room loads this module only for
 * a viewer who interviews the round (next/dynamic in room.tsx), so a candidate's browser never downloads it.
 */
export function InterviewerTab({ socket, isJoined, commandSocket, sessionId, round, onFiredTwist }: InterviewerTabProps) {
  return (
    <>
      <RubricPanel socket={socket} isJoined={isJoined} sessionId={sessionId} roundId={round.id} roundStatus={round.clock.status} />
      <TwistPanel socket={socket} commandSocket={commandSocket} sessionId={sessionId} round={round} onFired={onFiredTwist} />
    </>
  );
}
