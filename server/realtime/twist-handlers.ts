import type { Db } from '@/lib/db';
import { roundInterviewersRoom, sessionRoom } from '@/lib/realtime/room-names';
import { fireTwist } from '@/lib/twists/fire-twist';
import type { MockloopSocketServer } from './socket-types';
import { handle, requireRoom, type HandlerKit } from './handler-kit';

/** Scripted twists. lib decides who may fire; this file decides who hears what. */
export function registerTwistHandlers(kit: HandlerKit, io: MockloopSocketServer, db: Db): void {
  const { socket } = kit;
  const userId = socket.data.user.id;

  handle(kit, 'twist:fire', async ({ sessionId, roundId, roundQuestionId, twistKey }) => {
    requireRoom(socket, sessionRoom(sessionId), 'Join the session first.');
    const fired = await fireTwist(db, sessionId, roundId, userId, { roundQuestionId, twistKey });
    if (fired.isNew) {
      // The room hears only what the candidate is now shown; the probed signal and strong answer go to the
      // round's interviewers, a room its candidate is never in.
      io.to(sessionRoom(sessionId)).emit('twist:fired', { sessionId, twist: fired.twist });
      io.to(roundInterviewersRoom(sessionId, fired.roundInterviewerId)).emit('twist:guide', { sessionId, guide: fired.guide });
    }
    return { twist: fired.twist, guide: fired.guide };
  });
}
