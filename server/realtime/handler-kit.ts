import type { ZodType } from 'zod';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { refusalOf, type Ack } from '@/lib/realtime/ack';
import type { CommandEvent, CommandPayload, CommandReply, CommandSchemas } from '@/lib/realtime/contract';
import type { EventBudget } from './event-budget';
import type { MockloopSocket } from './socket-types';

type AnyAck = (ack: Ack<unknown>) => void;

/**
 * An error as the ack shape; unexpected errors are logged with their stack and the socket's id (and user), and reach
 * the client as a generic message.
 */
export function toErrorAck(error: unknown, socket: MockloopSocket): Ack<never> {
  if (!(error instanceof AppError)) logger.error({ err: error, socketId: socket.id, userId: socket.data.user.id }, 'socket handler failed');
  return refusalOf(error);
}

export interface HandlerKit {
  socket: MockloopSocket;
  /** Per socket. */
  limiter: EventBudget;
  /** Per user, over all their sockets: more tabs (or scripted sockets) do not multiply the budget. */
  userLimiter: EventBudget;
  /** Every command's payload schema, built once per server (lib/realtime/contract.ts). */
  schemas: CommandSchemas;
}

/**
 * Registers a command: rate limit → parse (its contract schema) → handler → ack. Malformed payloads, refused
 * commands and failures answer this socket only; nothing reaches the room and the server keeps running.
 */
export function handle<E extends CommandEvent>(
  kit: HandlerKit,
  event: E,
  handler: (payload: CommandPayload<E>) => Promise<CommandReply<E>>,
): void {
  const schema: ZodType = kit.schemas[event];
  // Widened to every command: socket.io's listener typing cannot follow a generic event name.
  kit.socket.on(event as CommandEvent, async (...args: unknown[]) => {
    const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as AnyAck) : undefined;
    // A payload-less command (e.g. clock:ping) arrives as just its ack callback.
    const payload = args.length > 0 && typeof args[0] !== 'function' ? args[0] : undefined;
    const reply = (result: Ack<unknown>) => {
      if (ack) ack(result);
      else if (!result.ok) kit.socket.emit('app:error', { event, code: result.code, message: result.message });
    };
    // The user's budget is spent only by what the socket's allowed (as before, when the two were awaited in turn).
    if (!kit.limiter.trySpend(kit.socket.id) || !kit.userLimiter.trySpend(kit.socket.data.user.id)) {
      reply({ ok: false, code: 'RATE_LIMITED', message: 'Too many messages; slow down.' });
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply({ ok: false, code: 'INVALID_INPUT', message: `Malformed ${event} payload: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      return;
    }
    try {
      const data = await handler(parsed.data as CommandPayload<E>);
      reply({ ok: true, data: data ?? {} });
    } catch (error) {
      reply(toErrorAck(error, kit.socket));
    }
  });
}

/** Every event re-checks that the socket is in the room it names; joining is where access is decided. */
export function requireRoom(socket: MockloopSocket, room: string, message: string): void {
  if (!socket.rooms.has(room)) throw new AppError('FORBIDDEN', message);
}
