import { z } from 'zod';
import { matchRequestSchema } from '@/lib/peer/match-request.schema';
import type { MatchRequestView } from '@/lib/peer/match-request-view';
import type { RecordingView } from '@/lib/recordings/recording-view';
import { MAX_CHUNK_BYTES } from '@/lib/recordings/recording-limits';
import { scorecardCommandSchema } from '@/lib/scorecards/scorecard-commands.schema';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import type { RoundClockState } from '@/lib/sessions/control-round-timer';
import type { SessionView } from '@/lib/sessions/session-view';
import { TIMER_COMMANDS } from '@/lib/timer/round-clock';
import type { FiredTwistGuide, FiredTwistView } from '@/lib/twists/fired-twist-view';
import type { CallJoined, CallLeaveReason, CallMediaState, CallParticipant, CallSignal } from '@/lib/calls/call-types';
import type { AckCallback } from './ack';
import type { DocumentJoined, SessionRef, SocketIdentity } from './socket-events';
import { decodeUpdate } from './update-encoding';

// The socket protocol, written once. Each event names its direction: a command is sent by a client, parsed by
// the server with its `input` schema and always acknowledged ({ok:true,data} | {ok:false,code,message}); a
// broadcast is sent by the server (past tense) and carries no ack. socket.io's event maps, the server's
// validation and its list of known events are all derived from SOCKET_CONTRACT, so adding an event is one entry
// here plus its handler. Replies are typed, not parsed: the server writes them.
//
// zod stays on the server: the browser imports this module's TYPES only (`import type`, enforced by lint in
// components/ and app/), so none of these schemas reach a client bundle.

/** What the server will accept, fixed per server at start-up (SOCKET_MAX_MESSAGE_BYTES). */
export interface ContractLimits {
  maxUpdateBytes: number;
}

type InputSchema = z.ZodType | ((limits: ContractLimits) => z.ZodType);

interface Command<Input extends InputSchema, Reply, IsAckOptional extends boolean> {
  direction: 'client-to-server';
  /** The payload's schema, or how to build it from the server's limits (built once per server, not per message). */
  input: Input;
  /** An event the client may send without an ack callback; refusals then come back as `app:error`. */
  isAckOptional: IsAckOptional;
  /** Type only: what the ack carries on success. */
  reply?: Reply;
}

interface Broadcast<Payload> {
  direction: 'server-to-client';
  /** Type only. */
  payload?: Payload;
}

function command<Reply>() {
  return <Input extends InputSchema>(input: Input): Command<Input, Reply, false> => ({ direction: 'client-to-server', input, isAckOptional: false });
}

function notice<Reply>() {
  return <Input extends InputSchema>(input: Input): Command<Input, Reply, true> => ({ direction: 'client-to-server', input, isAckOptional: true });
}

function broadcast<Payload>(): Broadcast<Payload> {
  return { direction: 'server-to-client' };
}

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'malformed id');

/**
 * A Yjs update sent as base64 text (see update-encoding.ts), decoded and size-checked. The text is kept beside the
 * bytes: relaying it as received spares encoding it again for every keystroke.
 */
export function base64Update(maxBytes: number) {
  return z
    .base64('expected a base64-encoded update')
    .max(Math.ceil(maxBytes / 3) * 4, `larger than ${maxBytes} bytes`)
    .transform((base64) => ({ base64, bytes: decodeUpdate(base64) }))
    .refine(({ bytes }) => bytes.byteLength > 0, 'empty update')
    .refine(({ bytes }) => bytes.byteLength <= maxBytes, `larger than ${maxBytes} bytes`);
}

/** Cursor messages are small whatever the update limit: a larger one is not a cursor. */
const awarenessUpdate = ({ maxUpdateBytes }: ContractLimits) => base64Update(Math.min(maxUpdateBytes, 16_384));

const noPayload = z.undefined();
const sessionRef = z.object({ sessionId: id });
const roundRef = z.object({ sessionId: id, roundId: id });
const documentRef = z.object({ sessionId: id, documentId: id });

export const SOCKET_CONTRACT = {
  'auth:whoami': command<SocketIdentity>()(noPayload),
  /** NTP-style sample for clock-offset correction. */
  'clock:ping': command<{ serverNow: number }>()(noPayload),
  /** Joins the session's rooms (the interviewers' room too, for interviewers) and returns the caller's view. */
  'session:join': command<SessionView>()(sessionRef),
  /** The caller's current view, after a `session:changed`. */
  'session:get': command<SessionView>()(sessionRef),
  'session:start': command<Record<string, never>>()(sessionRef),
  'session:complete': command<Record<string, never>>()(sessionRef),
  'round:timer': command<RoundClockState>()(
    z.object({
      sessionId: id,
      roundId: id,
      command: z.enum(TIMER_COMMANDS),
      expectedVersion: z.number().int().min(0).optional(),
      extendByMs: z.number().int().positive().max(60 * 60 * 1000).optional(),
    }),
  ),
  'round:reveal-next': command<{ roundQuestionId: string }>()(roundRef),
  'round:advance': command<{ currentRoundIndex: number }>()(roundRef),
  /** The round's interviewer shows or hides its board; both sides hear it as `session:changed`. */
  'round:board': command<{ isBoardEnabled: boolean }>()(z.object({ sessionId: id, roundId: id, isEnabled: z.boolean() })),
  /** The round's interviewer turns the editor's SQL colours on or off (SQL and modeling rounds); both sides hear `session:changed`. */
  'round:sql-highlighting': command<{ isSqlHighlighted: boolean }>()(z.object({ sessionId: id, roundId: id, isEnabled: z.boolean() })),
  /** The state vector (base64, like every Yjs payload), if sent, asks only for what the client lacks. */
  'doc:join': command<DocumentJoined>()(({ maxUpdateBytes }: ContractLimits) =>
    z.object({ sessionId: id, documentId: id, stateVector: base64Update(maxUpdateBytes).optional() }),
  ),
  /**
   * Acknowledged only once the update is durable in PostgreSQL; peers receive it before that. Updates on this
   * and every other event are base64 text (lib/realtime/update-encoding.ts). `awareness` is the sender's cursor
   * move that came with the edit, relayed in the same `doc:updated` (one message per keystroke, not two).
   */
  'doc:update': command<Record<string, never>>()((limits: ContractLimits) =>
    z.object({
      sessionId: id,
      documentId: id,
      update: base64Update(limits.maxUpdateBytes),
      clientUpdateId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
      awareness: awarenessUpdate(limits).optional(),
    }),
  ),
  'doc:leave': command<Record<string, never>>()(documentRef),
  'awareness:update': notice<Record<string, never>>()((limits: ContractLimits) =>
    z.object({ sessionId: id, documentId: id, update: awarenessUpdate(limits) }),
  ),
  /**
   * Springs a revealed question's scripted twist on the candidate: the round's interviewer only, while its clock
   * runs. Firing one again answers with the first firing and announces nothing.
   */
  'twist:fire': command<{ twist: FiredTwistView; guide: FiredTwistGuide }>()(
    z.object({
      sessionId: id,
      roundId: id,
      roundQuestionId: id,
      twistKey: z.string().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'malformed twist key'),
    }),
  ),
  /** The caller's own scorecard for a round they interview (FORBIDDEN for its candidate). */
  'rubric:get': command<ScorecardView>()(roundRef),
  /** One scorecard write (mark, unmark, signal fields, wrap-up); answers with the scorecard as saved. */
  'rubric:save': command<ScorecardView>()(z.object({ sessionId: id, command: scorecardCommandSchema })),
  /**
   * Asks for a practice partner. Answers with the waiting request, or at once with the session when a
   * compatible request was already waiting (both users also receive `match:found`). The schema is lib/peer's
   * (requestMatch parses its input with it too).
   */
  'match:request': command<MatchRequestView>()(matchRequestSchema),
  /** Withdraws the caller's waiting request; `isCancelled` is false when there was none (or it just matched). */
  'match:cancel': command<{ isCancelled: boolean }>()(noPayload),

  'doc:updated': broadcast<{ documentId: string; update: string; awareness?: string }>(),
  'doc:read-only': broadcast<{ documentId: string }>(),
  'awareness:updated': broadcast<{ documentId: string; update: string }>(),
  'round:clock': broadcast<RoundClockState & { sessionId: string; serverNow: number }>(),
  /** Something in the session changed (status, reveal, round, members): ask for a fresh `session:get`. */
  'session:changed': broadcast<{ sessionId: string; reason: string }>(),
  'presence:changed': broadcast<{ sessionId: string; onlineUserIds: string[] }>(),
  /** The receiver's own scorecard changed in another of their tabs. Sent to that user's sockets only. */
  'rubric:changed': broadcast<{ sessionId: string; scorecard: ScorecardView }>(),
  /** A twist was fired: what the candidate is shown, to the whole session. */
  'twist:fired': broadcast<{ sessionId: string; twist: FiredTwistView }>(),
  /** The interviewer-only side of a fired twist (probed signal, strong answer), to the round's interviewers only. */
  'twist:guide': broadcast<{ sessionId: string; guide: FiredTwistGuide }>(),
  /** A refused event that carried no ack callback (unknown event, malformed payload). */
  'app:error': broadcast<{ event: string; code: string; message: string }>(),
  /** The receiver was matched with a partner: both users' sockets receive it and go to the session. */
  'match:found': broadcast<SessionRef>(),
  /** The receiver's partner did not join in time: their next (or current) request is matched first. */
  'match:partner-missing': broadcast<SessionRef>(),

  // Recording (issue 22): consent over the room socket, then each browser's own microphone in acknowledged chunks.
  /** The interviewer asks to record the current round; everyone present must consent. Answers with the recording. */
  'recording:request': command<RecordingView>()(sessionRef),
  /** The caller's own yes or no, from their own browser. */
  'recording:consent': command<RecordingView>()(z.object({ sessionId: id, recordingId: id, isConsenting: z.boolean() })),
  /** Any member stops the recording (or withdraws an ask). */
  'recording:stop': command<RecordingView>()(z.object({ sessionId: id, recordingId: id })),
  /** The session's recording that is asking or running, if any (after a join or a reconnect). */
  'recording:get': command<{ recording: RecordingView | null }>()(sessionRef),
  /**
   * One chunk of the caller's own microphone (Opus/WebM, base64), acknowledged once stored in PostgreSQL; a resend
   * of a stored (track, sequence) is acknowledged as a duplicate. Never larger than twice the message limit, so a
   * chunk always fits the transport's frame (maxHttpBufferSize is four times that limit).
   */
  'recording:chunk': command<{ sequence: number; isDuplicate: boolean }>()(({ maxUpdateBytes }: ContractLimits) =>
    z.object({
      sessionId: id,
      recordingId: id,
      trackId: id,
      sequence: z.number().int().min(0).max(1_000_000),
      trackStartedAt: z.number().int().positive(),
      trackRoundElapsedMs: z.number().int().min(0),
      recordedAt: z.number().int().positive(),
      roundElapsedMs: z.number().int().min(0),
      data: base64Update(Math.min(MAX_CHUNK_BYTES, maxUpdateBytes * 2)),
    }),
  ),
  /** Deletes the caller's own audio of one recording (others' voices stay). */
  'recording:delete-mine': command<{ deletedTracks: number }>()(z.object({ sessionId: id, recordingId: id })),
  /** A recording of the session was asked for, answered, started or stopped: the whole session hears it. */
  'recording:changed': broadcast<{ sessionId: string; recording: RecordingView }>(),
  // Calls (issue 22): WebRTC signalling between the members of a session, over this socket. Media goes peer to
  // peer; the server only relays offers, answers and ICE candidates between sockets in the same session's call.
  /** Enters the session's call (session:join first). Answers with who is in it and the ICE servers to use. */
  'call:join': command<CallJoined>()(z.object({ sessionId: id, isMuted: z.boolean(), isCameraOff: z.boolean() })),
  /** Leaves the call; the others receive `call:left`. Leaving a call one is not in is not an error. */
  'call:leave': command<Record<string, never>>()(sessionRef),
  /** The caller's microphone or camera was turned on or off: the others' tiles say so. */
  'call:state': command<Record<string, never>>()(z.object({ sessionId: id, isMuted: z.boolean(), isCameraOff: z.boolean() })),
  /**
   * An offer, answer or ICE candidate for one other participant of the same call (`to`: their participant id). A
   * session description is a few kilobytes (more with many codecs); a candidate line is short.
   */
  'call:signal': command<Record<string, never>>()(
    z
      .object({
        sessionId: id,
        to: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'malformed participant id'),
        description: z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(32_768) }).optional(),
        candidate: z
          .object({
            candidate: z.string().max(1_024),
            sdpMid: z.string().max(64).nullish(),
            sdpMLineIndex: z.number().int().min(0).max(64).nullish(),
            usernameFragment: z.string().max(256).nullish(),
          })
          .optional(),
      })
      .refine((signal) => (signal.description === undefined) !== (signal.candidate === undefined), 'send a description or a candidate, one of them'),
  ),

  'call:joined': broadcast<{ sessionId: string; participant: CallParticipant }>(),
  'call:left': broadcast<{ sessionId: string; participantId: string; reason: CallLeaveReason }>(),
  'call:state-changed': broadcast<{ sessionId: string; participantId: string } & CallMediaState>(),
  /** A signal from `from`, sent to the receiver alone. */
  'call:signalled': broadcast<{ sessionId: string; from: string } & CallSignal>(),
} as const;

type Contract = typeof SOCKET_CONTRACT;

/** Every event a client may send. */
export type CommandEvent = { [E in keyof Contract]: Contract[E] extends { direction: 'client-to-server' } ? E : never }[keyof Contract];
/** Every event the server sends. */
export type BroadcastEvent = Exclude<keyof Contract, CommandEvent>;

/** The schema that parses a command's payload, once built for a server's limits. */
export type CommandSchema<E extends CommandEvent> = Contract[E]['input'] extends (limits: ContractLimits) => infer Schema ? Schema : Contract[E]['input'];
/** A command's payload as the handler receives it (parsed and transformed). */
export type CommandPayload<E extends CommandEvent> = z.output<CommandSchema<E>>;
/** What a command's successful ack carries. */
export type CommandReply<E extends CommandEvent> = NonNullable<Contract[E]['reply']>;
export type BroadcastPayload<E extends BroadcastEvent> = NonNullable<Contract[E]['payload']>;

type CommandListener<E extends CommandEvent> = [z.input<CommandSchema<E>>] extends [undefined]
  ? (ack: AckCallback<CommandReply<E>>) => void
  : Contract[E]['isAckOptional'] extends true
    ? (payload: z.input<CommandSchema<E>>, ack?: AckCallback<CommandReply<E>>) => void
    : (payload: z.input<CommandSchema<E>>, ack: AckCallback<CommandReply<E>>) => void;

/** socket.io's map of what clients send (the server's listen map, the client's emit map). */
export type ClientToServerEvents = { [E in CommandEvent]: CommandListener<E> };
/** socket.io's map of what the server sends. */
export type ServerToClientEvents = { [E in BroadcastEvent]: (payload: BroadcastPayload<E>) => void };

/** Every command a client may send; the server answers anything else with INVALID_INPUT. */
export const COMMAND_EVENTS: readonly CommandEvent[] = Object.entries(SOCKET_CONTRACT).flatMap(([event, entry]) =>
  entry.direction === 'client-to-server' ? [event as CommandEvent] : [],
);

export type CommandSchemas = { [E in CommandEvent]: CommandSchema<E> };

/**
 * Every command's payload schema for one server's limits. Built once per server: zod compiles a parser per schema
 * object, which is not per-socket (let alone per-message) work.
 */
export function buildCommandSchemas(limits: ContractLimits): CommandSchemas {
  const entries = COMMAND_EVENTS.map((event) => {
    const input: InputSchema = SOCKET_CONTRACT[event].input;
    return [event, typeof input === 'function' ? input(limits) : input] as const;
  });
  return Object.fromEntries(entries) as CommandSchemas;
}
