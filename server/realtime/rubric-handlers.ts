import type { Db } from '@/lib/db';
import { sessionRoom, userRoom } from '@/lib/realtime/room-names';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import { getScorecardView } from '@/lib/scorecards/get-scorecard-view';
import { handle, requireRoom, type HandlerKit } from './handler-kit';

const JOIN_FIRST = 'Join the session first.';

/** The interviewer's scorecard in the room. lib decides who may read or write it; nothing is broadcast to the room. */
export function registerRubricHandlers(kit: HandlerKit, db: Db): void {
  const { socket } = kit;
  const userId = socket.data.user.id;

  handle(kit, 'rubric:get', async ({ sessionId, roundId }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    return getScorecardView(db, sessionId, roundId, userId);
  });

  handle(kit, 'rubric:save', async ({ sessionId, command }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const scorecard = await applyScorecardCommand(db, sessionId, userId, command);
    // The caller's other tabs only: a scorecard is its author's alone.
    socket.to(userRoom(userId)).emit('rubric:changed', { sessionId, scorecard });
    return scorecard;
  });
}
