import { logger } from '@/lib/log';
import { processSingleton } from '@/lib/process-services';

// Changes made outside the socket world (a server action publishing feedback) must still reach the people in
// the live room. lib announces them here after its transaction commits; the custom server relays each one
// to the session's sockets as `session:changed`. The listeners are a process service (lib/process-services.ts)
// because Next bundles lib/ separately from the server's own copy of it: both copies must share one set.

export interface SessionAnnouncement {
  sessionId: string;
  /** Why, e.g. "feedback.published": clients refetch their view either way. */
  reason: string;
}

type Listener = (announcement: SessionAnnouncement) => void;

function listeners(): Set<Listener> {
  return processSingleton('sessionAnnouncementListeners', () => new Set<Listener>());
}

/** Subscribes; returns the unsubscribe function. */
export function onSessionAnnouncement(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Tells every subscriber. A failing listener never fails the change that was already committed. */
export function announceSessionChange(announcement: SessionAnnouncement): void {
  for (const listener of listeners()) {
    try {
      listener(announcement);
    } catch (error) {
      logger.error({ err: error }, 'a session announcement listener failed');
    }
  }
}
