import type { RoundClockState } from '@/lib/sessions/control-round-timer';
import type { SessionView } from '@/lib/sessions/session-view';
import type { AckCallback } from './ack';

// The socket.io contract shared by the browser and the server. Commands are imperative (`domain:verb`) and
// always acknowledged ({ok:true,data} | {ok:false,code,message}); broadcasts are past tense. The server parses
// every payload with zod (lib/realtime/payloads.ts) and re-checks room membership on every event.

export interface SocketIdentity {
  id: string;
  name: string;
}

export interface SessionRef {
  sessionId: string;
}

export interface RoundRef extends SessionRef {
  roundId: string;
}

export interface DocumentRef extends SessionRef {
  documentId: string;
}

export interface DocumentJoined {
  /** What the client lacks, relative to the state vector it sent (the whole document without one). */
  update: Uint8Array;
  /** The server's state vector: the client answers with what the server lacks (edits made offline). */
  stateVector: Uint8Array;
  isReadOnly: boolean;
  /** Current cursors and names of the others in the document, if any. */
  awareness: Uint8Array | null;
}

export interface ClientToServerEvents {
  'auth:whoami': (ack: AckCallback<SocketIdentity>) => void;
  /** NTP-style sample for clock-offset correction. */
  'clock:ping': (ack: AckCallback<{ serverNow: number }>) => void;
  /** Joins the session's rooms (the interviewers' room too, for interviewers) and returns the caller's view. */
  'session:join': (payload: SessionRef, ack: AckCallback<SessionView>) => void;
  /** The caller's current view, after a `session:changed`. */
  'session:get': (payload: SessionRef, ack: AckCallback<SessionView>) => void;
  'session:start': (payload: SessionRef, ack: AckCallback<Record<string, never>>) => void;
  'session:complete': (payload: SessionRef, ack: AckCallback<Record<string, never>>) => void;
  'round:timer': (
    payload: RoundRef & { command: 'start' | 'pause' | 'resume' | 'extend' | 'end'; extendByMs?: number },
    ack: AckCallback<RoundClockState>,
  ) => void;
  'round:reveal-next': (payload: RoundRef, ack: AckCallback<{ roundQuestionId: string }>) => void;
  'round:advance': (payload: RoundRef, ack: AckCallback<{ currentRoundIndex: number }>) => void;
  'doc:join': (payload: DocumentRef & { stateVector?: Uint8Array }, ack: AckCallback<DocumentJoined>) => void;
  /** Acknowledged only once the update is durable in PostgreSQL; peers receive it before that. */
  'doc:update': (payload: DocumentRef & { update: Uint8Array; clientUpdateId: string }, ack: AckCallback<Record<string, never>>) => void;
  'doc:leave': (payload: DocumentRef, ack: AckCallback<Record<string, never>>) => void;
  'awareness:update': (payload: DocumentRef & { update: Uint8Array }, ack?: AckCallback<Record<string, never>>) => void;
}

export interface ServerToClientEvents {
  'doc:updated': (payload: { documentId: string; update: Uint8Array }) => void;
  'doc:read-only': (payload: { documentId: string }) => void;
  'awareness:updated': (payload: { documentId: string; update: Uint8Array }) => void;
  'round:clock': (payload: RoundClockState & { sessionId: string; serverNow: number }) => void;
  /** Something in the session changed (status, reveal, round, members): ask for a fresh `session:get`. */
  'session:changed': (payload: { sessionId: string; reason: string }) => void;
  'presence:changed': (payload: { sessionId: string; onlineUserIds: string[] }) => void;
  /** A refused event that carried no ack callback (unknown event, malformed payload). */
  'app:error': (payload: { event: string; code: string; message: string }) => void;
}

export interface SocketData {
  user: SocketIdentity & { email: string };
}

/** Why a handshake was refused; the browser shows it and sends the user to sign in. */
export const HANDSHAKE_UNAUTHENTICATED = 'UNAUTHENTICATED';
