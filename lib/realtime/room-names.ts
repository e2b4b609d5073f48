// Every socket.io room name comes from here, and is read back here, so access checks, broadcasts and clean-up
// can never disagree on a name.

/** Everyone in a session: lifecycle, timer and presence broadcasts. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** The session's interviewers only: anything a candidate must never receive goes here. */
export function interviewerRoom(sessionId: string): string {
  return `session:${sessionId}:interviewers`;
}

/** Subscribers of one Yjs document (a round's editor, or the private notes). */
export function documentRoom(documentId: string): string {
  return `document:${documentId}`;
}

/** Every socket of one user: their own data (their scorecard) follows them across tabs, never to others. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/**
 * Whoever interviews one round: its named interviewer (peer rounds, where roles swap and the session-wide
 * interviewer room is never joined), else the session's interviewers.
 */
export function roundInterviewersRoom(sessionId: string, roundInterviewerId: string | null): string {
  return roundInterviewerId ? userRoom(roundInterviewerId) : interviewerRoom(sessionId);
}

/** The document a room name stands for, or null when it names another kind of room. */
export function documentIdOfRoom(room: string): string | null {
  return room.startsWith('document:') ? room.slice('document:'.length) : null;
}

/** The session whose everyone-room this is, or null (its interviewer room, or another kind of room). */
export function sessionIdOfRoom(room: string): string | null {
  const match = /^session:([^:]+)$/.exec(room);
  return match ? match[1]! : null;
}
