import type { Socket } from 'socket.io-client';
import type { Ack } from '@/lib/realtime/ack';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a command waits for its ack before the UI says the server did not answer. */
export const ACK_TIMEOUT_MS = 10_000;

const NO_ANSWER = 'The server did not answer in time. Check your connection and try again.';

type Command = keyof ClientToServerEvents;
type CommandArgs<E extends Command> = Parameters<ClientToServerEvents[E]>;
/** The payload arguments of a command (everything before its ack callback). */
type PayloadOf<E extends Command> = CommandArgs<E> extends [...infer Payload, (ack: never) => void] ? Payload : never;
/** What a successful ack of the command carries. */
type AckDataOf<E extends Command> = CommandArgs<E> extends [...unknown[], (ack: Ack<infer Data>) => void] ? Data : never;

/**
 * Sends one command and resolves with its ack, or with an UNAVAILABLE ack when none arrives within
 * ACK_TIMEOUT_MS, so every caller handles exactly one shape. (socket.io's own typing of
 * `timeout().emitWithAck` loses the ack type, hence the one cast here.)
 */
export async function sendCommand<E extends Command>(socket: RoomSocket, event: E, ...payload: PayloadOf<E>): Promise<Ack<AckDataOf<E>>> {
  const timed = socket.timeout(ACK_TIMEOUT_MS);
  const emitWithAck = timed.emitWithAck as unknown as (event: E, ...args: unknown[]) => Promise<unknown>;
  try {
    const ack = await emitWithAck.call(timed, event, ...payload);
    if (ack && typeof ack === 'object' && 'ok' in ack) return ack as Ack<AckDataOf<E>>;
    return { ok: false, code: 'INTERNAL', message: 'The server sent an answer this page does not understand.' };
  } catch {
    return { ok: false, code: 'UNAVAILABLE', message: NO_ANSWER };
  }
}
