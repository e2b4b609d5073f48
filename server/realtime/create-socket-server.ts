import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { readSocketIdentity } from '@/lib/auth/read-socket-identity';
import type { Ack } from '@/lib/realtime/ack';
import {
  HANDSHAKE_UNAUTHENTICATED,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '@/lib/realtime/socket-events';

export type MockloopSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketServerOptions {
  authSecret: string;
  secureCookie: boolean;
  /** Largest message a client may send, in bytes. */
  maxMessageBytes: number;
}

export function createSocketServer(httpServer: HttpServer, options: SocketServerOptions): MockloopSocketServer {
  const io: MockloopSocketServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: options.maxMessageBytes,
    // Next's dev server also upgrades connections (hot reload) on this HTTP server; leave those to it.
    destroyUpgrade: false,
  });

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
    socket.on('auth:whoami', (ack) => {
      if (typeof ack !== 'function') return;
      const reply: Ack<{ id: string; name: string }> = {
        ok: true,
        data: { id: socket.data.user.id, name: socket.data.user.name },
      };
      ack(reply);
    });
  });

  return io;
}
