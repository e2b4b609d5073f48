import type { DomainEvent } from './domain-event';

// Server actions run in Next's bundle and may not import server/, yet what they change must reach the people in
// the live room. They hand their commands' events to this bus; the custom server subscribes its publisher once at
// start-up (server/realtime/create-socket-server.ts). The subscriber lives on globalThis because Next bundles
// lib/ separately from the server's own copy of it (see lib/db.ts): both copies must share one.

type Publisher = (events: readonly DomainEvent[]) => void;

const globalForPublisher = globalThis as unknown as { mockloopDomainEventPublisher?: Publisher };

/** The server's publisher; set once at start-up. Returns the function that removes it. */
export function setDomainEventPublisher(publisher: Publisher): () => void {
  globalForPublisher.mockloopDomainEventPublisher = publisher;
  return () => {
    if (globalForPublisher.mockloopDomainEventPublisher === publisher) delete globalForPublisher.mockloopDomainEventPublisher;
  };
}

/**
 * Publishes a committed command's events. Without a server (a script, a unit test) nobody is listening and this
 * does nothing; a failing publisher never fails the change that was already committed.
 */
export function publishDomainEvents(events: readonly DomainEvent[]): void {
  if (events.length === 0) return;
  try {
    globalForPublisher.mockloopDomainEventPublisher?.(events);
  } catch (error) {
    console.error('publishing domain events failed', error);
  }
}
