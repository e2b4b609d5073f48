import { logger } from '@/lib/log';
import { processSingleton } from '@/lib/process-services';
import type { DomainEvent } from './domain-event';

// Server actions run in Next's bundle and may not import server/, yet what they change must reach the people in
// the live room. They hand their commands' events to this bus; the custom server subscribes its publisher once at
// start-up (server/realtime/create-socket-server.ts). Its slot is a process service (lib/process-services.ts),
// because Next bundles lib/ apart from the server's own copy of it: both copies must share one.

type Publisher = (events: readonly DomainEvent[]) => void;

function slot(): { publisher?: Publisher } {
  return processSingleton('domainEventPublisher', () => ({}));
}

/** The server's publisher; set once at start-up. Returns the function that removes it. */
export function setDomainEventPublisher(publisher: Publisher): () => void {
  const shared = slot();
  shared.publisher = publisher;
  return () => {
    if (shared.publisher === publisher) delete shared.publisher;
  };
}

/**
 * Publishes a committed command's events. Without a server (a script, a unit test) nobody is listening and this
 * does nothing; a failing publisher never fails the change that was already committed.
 */
export function publishDomainEvents(events: readonly DomainEvent[]): void {
  if (events.length === 0) return;
  try {
    slot().publisher?.(events);
  } catch (error) {
    logger.error({ err: error }, 'publishing domain events failed');
  }
}
