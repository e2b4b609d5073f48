import type { Server as HttpServer } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server } from 'socket.io';
import { readSocketIdentity } from '@/lib/auth/read-socket-identity';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import {
  HANDSHAKE_UNAUTHENTICATED,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '@/lib/realtime/socket-events';
import { leaveDocument, registerDocumentHandlers } from './document-handlers';
import type { DocumentRegistry } from './document-registry';
import { toErrorAck, type HandlerKit } from './handler-kit';
import { broadcastPresence } from './presence';
import { registerRoundHandlers } from './round-handlers';
import { registerSessionHandlers } from './session-handlers';

export type MockloopSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketServerOptions {
  db: Db;
  registry: DocumentRegistry;
  authSecret: string;
  secureCookie: boolean;
  /** Largest message a client may send, in bytes (a Yjs update or awareness message). */
  maxMessageBytes: number;
  /** Events one socket may send per second before it is told to slow down. */
  maxEventsPerSecond: number;
}

const KNOWN_EVENTS = new Set<string>([
  'auth:whoami',
  'clock:ping',
  'session:join',
  'session:get',
  'session:start',
  'session:complete',
  'round:timer',
  'round:reveal-next',
  'round:advance',
  'doc:join',
  'doc:update',
  'doc:leave',
  'awareness:update',
]);

export function createSocketServer(httpServer: HttpServer, options: SocketServerOptions): MockloopSocketServer {
  const io: MockloopSocketServer = new Server(httpServer, {
    serveClient: false,
    // Engine.io drops a connection whose frame exceeds this; frames under it but over maxMessageBytes get a
    // clear error ack instead, from the payload schemas.
    maxHttpBufferSize: options.maxMessageBytes * 2,
    // Next's dev server also upgrades connections (hot reload) on this HTTP server; leave those to it.
    destroyUpgrade: false,
  });
  const limiter = new RateLimiterMemory({ keyPrefix: 'socket-events', points: options.maxEventsPerSecond, duration: 1 });

  io.use(async (socket, next) => {
    try {
      const identity = await readSocketIdentity(socket.request.headers, options.authSecret, options.secureCookie);
      if (!identity) return next(new Error(HANDSHAKE_UNAUTHENTICATED));
      socket.data.user = { id: identity.id, name: identity.name, email: identity.email };
      next();
    } catch {
      next(new Error(HANDSHAKE_UNAUTHENTICATED));
    }
  });

  io.on('connection', (socket) => {
    const kit: HandlerKit = { socket, limiter };

    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const refusal = toErrorAck(new AppError('INVALID_INPUT', `Unknown event "${event}".`));
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(refusal);
      else socket.emit('app:error', { event, code: 'INVALID_INPUT', message: `Unknown event "${event}".` });
    });

    socket.on('auth:whoami', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, data: { id: socket.data.user.id, name: socket.data.user.name } });
    });

    registerSessionHandlers(kit, io, options.db, options.registry);
    registerRoundHandlers(kit, io, options.db, options.registry);
    registerDocumentHandlers(kit, options.db, options.registry, options.maxMessageBytes);

    socket.on('disconnecting', () => {
      const sessions: string[] = [];
      for (const room of socket.rooms) {
        if (room.startsWith('document:')) leaveDocument(kit, options.registry, room.slice('document:'.length));
        else if (/^session:[^:]+$/.test(room)) sessions.push(room.slice('session:'.length));
      }
      // After the socket has left its rooms, tell the others who is still here.
      setImmediate(() => sessions.forEach((sessionId) => void broadcastPresence(io, sessionId)));
    });
  });

  return io;
}
