// Changes made outside the socket world (a server action publishing feedback) must still reach the people in
// the live room. lib announces them here after its transaction commits; the custom server relays each one
// to the session's sockets as `session:changed`. The listeners live on globalThis because Next bundles lib/
// separately from the server's own copy of it (see lib/db.ts): both copies must share one set.

export interface SessionAnnouncement {
  sessionId: string;
  /** Why, e.g. "feedback.published": clients refetch their view either way. */
  reason: string;
}

type Listener = (announcement: SessionAnnouncement) => void;

const globalForListeners = globalThis as unknown as { mockloopSessionListeners?: Set<Listener> };

function listeners(): Set<Listener> {
  globalForListeners.mockloopSessionListeners ??= new Set();
  return globalForListeners.mockloopSessionListeners;
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
      console.error('a session announcement listener failed', error);
    }
  }
}
