import type { Db } from '@/lib/db';
import { findDocumentIds } from '@/lib/documents/document-store';
import { documentRoom, sessionRoom } from '@/lib/realtime/room-names';
import { advanceRound } from '@/lib/sessions/advance-round';
import { controlRoundTimer } from '@/lib/sessions/control-round-timer';
import { revealNextQuestion } from '@/lib/sessions/reveal-next-question';
import type { MockloopSocketServer } from './socket-types';
import type { DocumentRegistry } from './document-registry';
import { handle, requireRoom, type HandlerKit } from './handler-kit';

const JOIN_FIRST = 'Join the session first.';

export function registerRoundHandlers(kit: HandlerKit, io: MockloopSocketServer, db: Db, registry: DocumentRegistry): void {
  const { socket } = kit;
  const userId = socket.data.user.id;

  handle(kit, 'round:timer', async ({ sessionId, roundId, command, extendByMs }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const state = await controlRoundTimer(db, sessionId, roundId, userId, command, extendByMs);
    io.to(sessionRoom(sessionId)).emit('round:clock', { ...state, sessionId, serverNow: Date.now() });
    if (command === 'start' || command === 'end') {
      io.to(sessionRoom(sessionId)).emit('session:changed', { sessionId, reason: `round.${command}` });
    }
    if (command === 'end') {
      for (const documentId of await findDocumentIds(db, { sessionId, roundId })) {
        registry.markReadOnly(documentId);
        io.to(documentRoom(documentId)).emit('doc:read-only', { documentId });
      }
    }
    return state;
  });

  handle(kit, 'round:reveal-next', async ({ sessionId, roundId }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const revealed = await revealNextQuestion(db, sessionId, roundId, userId);
    io.to(sessionRoom(sessionId)).emit('session:changed', { sessionId, reason: 'question.revealed' });
    return revealed;
  });

  handle(kit, 'round:advance', async ({ sessionId, roundId }) => {
    requireRoom(socket, sessionRoom(sessionId), JOIN_FIRST);
    const advanced = await advanceRound(db, sessionId, roundId, userId);
    io.to(sessionRoom(sessionId)).emit('session:changed', { sessionId, reason: 'round.current' });
    return advanced;
  });
}
