import type { MatchRequestInput } from '@/lib/peer/match-request.schema';
import type { MatchRequestView } from '@/lib/peer/match-request-view';
import type { RoundClockState } from '@/lib/sessions/control-round-timer';
import type { ScorecardCommand } from '@/lib/scorecards/scorecard-commands.schema';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import type { SessionView } from '@/lib/sessions/session-view';
import type { FiredTwistGuide, FiredTwistView } from '@/lib/twists/fired-twist-view';
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
  /** What the server will take, so the editor refuses (and explains) an edit before sending it. */
  limits: DocumentLimits;
}

export interface DocumentLimits {
  /** Largest Yjs update one doc:update may carry, in bytes before base64 (SOCKET_MAX_MESSAGE_BYTES). */
  maxUpdateBytes: number;
  /** DOCUMENT_MAX_BYTES: the server refuses an update that would take `documentBytes` past it. */
  maxDocumentBytes: number;
  /** The document's size as the server counts it (stored snapshot and updates) at the time of the join. */
  documentBytes: number;
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
  /**
   * Acknowledged only once the update is durable in PostgreSQL; peers receive it before that. Updates on this
   * and the awareness events are base64 text (lib/realtime/update-encoding.ts). `awareness` is the sender's cursor
   * move that came with the edit, relayed in the same `doc:updated` (one message per keystroke, not two).
   */
  'doc:update': (payload: DocumentRef & { update: string; clientUpdateId: string; awareness?: string }, ack: AckCallback<Record<string, never>>) => void;
  'doc:leave': (payload: DocumentRef, ack: AckCallback<Record<string, never>>) => void;
  'awareness:update': (payload: DocumentRef & { update: string }, ack?: AckCallback<Record<string, never>>) => void;
  /**
   * Springs a revealed question's scripted twist on the candidate: the round's interviewer only, while its clock
   * runs. Firing one again answers with the first firing and announces nothing.
   */
  'twist:fire': (payload: RoundRef & { roundQuestionId: string; twistKey: string }, ack: AckCallback<{ twist: FiredTwistView; guide: FiredTwistGuide }>) => void;
  /** The caller's own scorecard for a round they interview (FORBIDDEN for its candidate). */
  'rubric:get': (payload: RoundRef, ack: AckCallback<ScorecardView>) => void;
  /** One scorecard write (mark, unmark, signal fields, wrap-up); answers with the scorecard as saved. */
  'rubric:save': (payload: SessionRef & { command: ScorecardCommand }, ack: AckCallback<ScorecardView>) => void;
  /**
   * Asks for a practice partner. Answers with the waiting request, or at once with the session when a
   * compatible request was already waiting (both users also receive `match:found`).
   */
  'match:request': (payload: MatchRequestInput, ack: AckCallback<MatchRequestView>) => void;
  /** Withdraws the caller's waiting request; `isCancelled` is false when there was none (or it just matched). */
  'match:cancel': (ack: AckCallback<{ isCancelled: boolean }>) => void;
}

export interface ServerToClientEvents {
  'doc:updated': (payload: { documentId: string; update: string; awareness?: string }) => void;
  'doc:read-only': (payload: { documentId: string }) => void;
  'awareness:updated': (payload: { documentId: string; update: string }) => void;
  'round:clock': (payload: RoundClockState & { sessionId: string; serverNow: number }) => void;
  /** Something in the session changed (status, reveal, round, members): ask for a fresh `session:get`. */
  'session:changed': (payload: { sessionId: string; reason: string }) => void;
  'presence:changed': (payload: { sessionId: string; onlineUserIds: string[] }) => void;
  /** The receiver's own scorecard changed in another of their tabs. Sent to that user's sockets only. */
  'rubric:changed': (payload: { sessionId: string; scorecard: ScorecardView }) => void;
  /** A twist was fired: what the candidate is shown, to the whole session. */
  'twist:fired': (payload: { sessionId: string; twist: FiredTwistView }) => void;
  /** The interviewer-only side of a fired twist (probed signal, strong answer), to the round's interviewers only. */
  'twist:guide': (payload: { sessionId: string; guide: FiredTwistGuide }) => void;
  /** A refused event that carried no ack callback (unknown event, malformed payload). */
  'app:error': (payload: { event: string; code: string; message: string }) => void;
  /** The receiver was matched with a partner: both users' sockets receive it and go to the session. */
  'match:found': (payload: SessionRef) => void;
  /** The receiver's partner did not join in time: their next (or current) request is matched first. */
  'match:partner-missing': (payload: SessionRef) => void;
}

export interface SocketData {
  user: SocketIdentity & { email: string };
}

/** Why a handshake was refused; the browser shows it and sends the user to sign in. */
export const HANDSHAKE_UNAUTHENTICATED = 'UNAUTHENTICATED';

/** A handshake refused because this user, or everyone behind this address, opened too many in the last minute. */
export const HANDSHAKE_RATE_LIMITED = 'RATE_LIMITED';

/** How long the browser waits before trying again after a RATE_LIMITED handshake. */
export const HANDSHAKE_RETRY_AFTER_MS = 15_000;
