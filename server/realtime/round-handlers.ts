import type { Db } from '@/lib/db';
import { sessionRoom } from '@/lib/realtime/room-names';
import { setBoardEnabled } from '@/lib/boards/set-board-enabled';
import { setSqlHighlighting } from '@/lib/rounds/set-sql-highlighting';
import { advanceRound } from '@/lib/sessions/advance-round';
import { controlRoundTimer } from '@/lib/sessions/control-round-timer';
import { revealNextQuestion } from '@/lib/sessions/reveal-next-question';
import { handle, requireRoom, type HandlerKit } from './handler-kit';
import type { DomainEventPublisher } from './publish-domain-events';

const JOIN_FIRST = 'Join the session first.';

export function registerRoundHandlers(kit: HandlerKit, db: Db, publish: DomainEventPublisher): void {
  const { socket } = kit;
  const userId = socket.data.user.id;

  handle(kit, 'round:timer', async ({ sessionId, roundId, command, extendByMs }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const { events, ...state } = await controlRoundTimer(db, sessionId, roundId, userId, command, extendByMs);
    publish(events);
    return state;
  });

  handle(kit, 'round:reveal-next', async ({ sessionId, roundId }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const { events, ...revealed } = await revealNextQuestion(db, sessionId, roundId, userId);
    publish(events);
    return revealed;
  });

  handle(kit, 'round:advance', async ({ sessionId, roundId }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const { events, ...advanced } = await advanceRound(db, sessionId, roundId, userId);
    publish(events);
    return advanced;
  });

  handle(kit, 'round:board', async ({ sessionId, roundId, isEnabled }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const { events, ...state } = await setBoardEnabled(db, sessionId, roundId, userId, isEnabled);
    publish(events);
    return state;
  });

  handle(kit, 'round:sql-highlighting', async ({ sessionId, roundId, isEnabled }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const { events, ...state } = await setSqlHighlighting(db, sessionId, roundId, userId, isEnabled);
    publish(events);
    return state;
  });
}
