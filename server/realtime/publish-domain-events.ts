import type { DomainEvent } from '@/lib/events/domain-event';
import { documentRoom, roundInterviewersRoom, sessionRoom } from '@/lib/realtime/room-names';
import type { DocumentRegistry } from './document-registry';
import type { MockloopSocketServer } from './socket-types';

// The one place where what a lib command changed becomes messages: socket emits to the rooms that should hear
// it, and the registry calls that keep live documents in step with the database. Socket handlers hand it their
// commands' events directly; server actions through lib/events/domain-event-bus.ts. `io.to(room)` reaches every
// node's sockets (the adapter); the registry tells the other nodes itself (markReadOnly).

export type DomainEventPublisher = (events: readonly DomainEvent[]) => void;

/** Only room broadcasts are needed here (typed by the contract), not the whole server. */
type RoomBroadcaster = Pick<MockloopSocketServer, 'to'>;

export function createDomainEventPublisher(io: RoomBroadcaster, registry: DocumentRegistry): DomainEventPublisher {
  return (events) => {
    for (const event of events) {
      switch (event.type) {
        case 'session-changed':
          io.to(sessionRoom(event.sessionId)).emit('session:changed', { sessionId: event.sessionId, reason: event.reason });
          break;
        case 'documents-closed':
          // The database closed them in the command's transaction; this stops the live copies taking edits.
          for (const documentId of event.documentIds) {
            registry.markReadOnly(documentId);
            io.to(documentRoom(documentId)).emit('doc:read-only', { documentId });
          }
          break;
        case 'round-clock': {
          const { sessionId, roundId, clock, timerVersion } = event;
          io.to(sessionRoom(sessionId)).emit('round:clock', { roundId, clock, timerVersion, sessionId, serverNow: Date.now() });
          break;
        }
        case 'twist-fired':
          // The room hears only what the candidate is now shown; the probed signal and strong answer go to the
          // round's interviewers, a room its candidate is never in.
          io.to(sessionRoom(event.sessionId)).emit('twist:fired', { sessionId: event.sessionId, twist: event.twist });
          io.to(roundInterviewersRoom(event.sessionId, event.roundInterviewerId)).emit('twist:guide', { sessionId: event.sessionId, guide: event.guide });
          break;
      }
    }
  };
}
