import type { Db } from '@/lib/db';
import { sessionRoom } from '@/lib/realtime/room-names';
import { fireTwist } from '@/lib/twists/fire-twist';
import { handle, requireRoom, type HandlerKit } from './handler-kit';
import type { DomainEventPublisher } from './publish-domain-events';

/** Scripted twists. lib decides who may fire; the publisher decides who hears what. */
export function registerTwistHandlers(kit: HandlerKit, db: Db, publish: DomainEventPublisher): void {
  const { socket } = kit;
  const userId = socket.data.user.id;

  handle(kit, 'twist:fire', async ({ sessionId, roundId, roundQuestionId, twistKey }) => {
    requireRoom(socket, sessionRoom(sessionId), 'Join the session first.');
    const fired = await fireTwist(db, sessionId, roundId, userId, { roundQuestionId, twistKey });
    publish(fired.events);
    return { twist: fired.twist, guide: fired.guide };
  });
}
