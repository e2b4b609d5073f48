// The call's socket.io rooms, beside lib/realtime/room-names.ts (whose session-room parser must not mistake them
// for a session's everyone-room: both names carry a third segment).

/** Every socket in a session's call: joins, leaves and media state go here. */
export function callRoom(sessionId: string): string {
  return `session:${sessionId}:call`;
}

/**
 * One socket in one session's call. A signal is sent to this room, never to a bare socket id: a socket that is not
 * in this session's call (or has left it) is in no such room, so nothing can reach it through the relay.
 */
export function callParticipantRoom(sessionId: string, participantId: string): string {
  return `session:${sessionId}:call:${participantId}`;
}

/** The session whose call this room is, or null. */
export function sessionIdOfCallRoom(room: string): string | null {
  const match = /^session:([^:]+):call$/.exec(room);
  return match ? match[1]! : null;
}
