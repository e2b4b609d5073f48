import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import { resolveClientIp } from '@/lib/auth/client-ip';
import { Server, type ServerOptions } from 'socket.io';
import { readSocketIdentity } from '@/lib/auth/read-socket-identity';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createRateLimiter } from '@/lib/rate-limits/create-rate-limiter';
import { isCrossSiteRequest, type OriginPolicy } from '@/lib/security/request-origin';
import { buildCommandSchemas, COMMAND_EVENTS } from '@/lib/realtime/contract';
import { HANDSHAKE_RATE_LIMITED, HANDSHAKE_UNAUTHENTICATED } from '@/lib/realtime/socket-events';
import { documentIdOfRoom, sessionIdOfRoom, userRoom } from '@/lib/realtime/room-names';
import { setDomainEventPublisher } from '@/lib/events/domain-event-bus';
import { leaveDocument, registerDocumentHandlers } from './document-handlers';
import { EventBudget } from './event-budget';
import type { DocumentRegistry } from './document-registry';
import { registerCallHandlers } from './call-handlers';
import { toErrorAck, type HandlerKit } from './handler-kit';
import { broadcastPresence } from './presence';
import { registerMatchHandlers } from './match-handlers';
import { createDomainEventPublisher } from './publish-domain-events';
import { registerRecordingHandlers } from './recording-handlers';
import { registerRoundHandlers } from './round-handlers';
import { registerRubricHandlers } from './rubric-handlers';
import { registerSessionHandlers } from './session-handlers';
import type { MockloopSocketServer } from './socket-types';
import { registerTwistHandlers } from './twist-handlers';

export interface SocketServerOptions {
  db: Db;
  registry: DocumentRegistry;
  authSecret: string;
  /** Whether a handshake came over TLS, which decides the session cookie's name (`__Secure-` or not). */
  isTlsRequest: (headers: IncomingHttpHeaders) => boolean;
  /** Handshakes a browser says another site made are refused (cross-site websocket hijacking). */
  originPolicy: OriginPolicy;
  /** Take the client address from X-Forwarded-For, for the per-address connection limit. */
  trustProxy: boolean;
  /** Largest message a client may send, in bytes (a Yjs update or awareness message). */
  maxMessageBytes: number;
  /** Events one socket may send per second before it is told to slow down. */
  maxEventsPerSecond: number;
  /** Events one user may send per second over all their sockets, so opening more sockets buys no more. */
  maxEventsPerUserPerSecond: number;
  /** Handshakes one signed-in user may start per minute, from wherever. */
  maxConnectionsPerUserPerMinute: number;
  /** Handshakes of signed-in users one client address may start per minute: a loose bound for a shared NAT. */
  maxConnectionsPerIpPerMinute: number;
  /** Handshakes without a valid session one client address may start per minute. */
  maxAnonymousConnectionsPerIpPerMinute: number;
  /** How long a matched peer has to join the session before the no-show check records them. */
  peerNoShowWindowMs: number;
  /** Shares rooms with other server processes (Redis); unset, this process is the only node. */
  adapter?: ServerOptions['adapter'];
}

/** Every command a client may send (the contract's); anything else is answered INVALID_INPUT. */
const KNOWN_EVENTS: ReadonlySet<string> = new Set<string>(COMMAND_EVENTS);

/** engine.io's frame limit for a given application message limit (see maxHttpBufferSize below). */
export function transportBufferBytes(maxMessageBytes: number): number {
  return maxMessageBytes * 4;
}

export function createSocketServer(httpServer: HttpServer, options: SocketServerOptions): MockloopSocketServer {
  const io: MockloopSocketServer = new Server(httpServer, {
    serveClient: false,
    // Engine.io drops a connection whose frame exceeds this, and the client would only see "reconnecting" and
    // send the same message again. So it sits well above the application's limit: an update up to about three
    // times maxMessageBytes (sent as base64, a third larger) still reaches the payload schemas and gets an error
    // ack the editor can explain. Only a frame far beyond anything an editor sends is cut off.
    maxHttpBufferSize: transportBufferBytes(options.maxMessageBytes),
    // Next's dev server also upgrades connections (hot reload) on this HTTP server; leave those to it.
    destroyUpgrade: false,
    ...(options.adapter ? { adapter: options.adapter } : {}),
    // A browser on another site may open a websocket to us carrying our cookies (CORS does not apply to
    // websockets): refuse any handshake the browser says another site made. Clients that send no Origin are
    // not browsers; they still need a valid session cookie below, which they can only have chosen to send.
    allowRequest: (request, callback) => callback(null, !isCrossSiteRequest(request.headers, options.originPolicy)),
  });
  // Event budgets are counted on the node that holds the socket: they are spent on every keystroke, and a Redis
  // round trip each would cost more than the work they guard. A user's sockets on several nodes therefore get
  // a budget per node. Connections per address are rare and shared across nodes (Redis, when configured).
  const limiter = new EventBudget(options.maxEventsPerSecond);
  const userLimiter = new EventBudget(options.maxEventsPerUserPerSecond);
  httpServer.once('close', () => {
    limiter.stop();
    userLimiter.stop();
  });
  // Built once per server: zod compiles a parser per schema object, which is not per-socket work.
  const schemas = buildCommandSchemas({ maxUpdateBytes: options.maxMessageBytes });
  // Handshakes are budgeted per user where the session cookie names one, so one account opening socket after
  // socket spends its own budget, not that of everyone behind its address.
  const userConnectionLimiter = createRateLimiter({ keyPrefix: 'socket-user-connections', points: options.maxConnectionsPerUserPerMinute, duration: 60 });
  const connectionLimiter = createRateLimiter({ keyPrefix: 'socket-connections', points: options.maxConnectionsPerIpPerMinute, duration: 60 });
  const anonymousConnectionLimiter = createRateLimiter({
    keyPrefix: 'socket-anonymous-connections',
    points: options.maxAnonymousConnectionsPerIpPerMinute,
    duration: 60,
  });

  // socket.io's own responses (the polling transport) get the headers that matter for non-HTML responses.
  io.engine.on('headers', (headers: Record<string, string>) => {
    headers['x-content-type-options'] = 'nosniff';
    headers['referrer-policy'] = 'strict-origin-when-cross-origin';
  });

  // What lib commands changed becomes messages in one place, for socket handlers and server actions alike. One
  // socket server per process, for the process's lifetime: the server actions' publisher is never removed.
  const publish = createDomainEventPublisher(io, options.registry);
  setDomainEventPublisher(publish);

  io.use(async (socket, next) => {
    const { headers, socket: connection } = socket.request;
    const forwardedFor = headers['x-forwarded-for'];
    const ip = resolveClientIp(connection.remoteAddress, Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor, options.trustProxy);
    const identity = await readSocketIdentity(headers, options.authSecret, options.isTlsRequest(headers)).catch(() => null);
    try {
      if (!identity) {
        await anonymousConnectionLimiter.consume(ip);
        return next(new Error(HANDSHAKE_UNAUTHENTICATED));
      }
      // The user's own budget first: a refusal there spends nothing of the address's.
      await userConnectionLimiter.consume(identity.id);
      await connectionLimiter.consume(ip);
    } catch {
      return next(new Error(HANDSHAKE_RATE_LIMITED));
    }
    socket.data.user = { id: identity.id, name: identity.name, email: identity.email };
    next();
  });

  io.on('connection', (socket) => {
    const kit: HandlerKit = { socket, limiter, userLimiter, schemas };
    void socket.join(userRoom(socket.data.user.id));

    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const refuse = (error: AppError) => {
        const refusal = toErrorAck(error, socket);
        const ack = args.at(-1);
        if (typeof ack === 'function') ack(refusal);
        else socket.emit('app:error', { event, code: error.code, message: error.message });
      };
      // Unknown events spend the same per-socket budget as commands (SOCKET_MAX_EVENTS_PER_SECOND counts every
      // message): otherwise a client could make the server answer an unbounded stream of junk.
      refuse(limiter.trySpend(socket.id) ? new AppError('INVALID_INPUT', `Unknown event "${event}".`) : new AppError('RATE_LIMITED', 'Too many messages; slow down.'));
    });

    socket.on('auth:whoami', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, data: { id: socket.data.user.id, name: socket.data.user.name } });
    });

    registerSessionHandlers(kit, io, options.db, publish);
    registerRoundHandlers(kit, options.db, publish);
    registerDocumentHandlers(kit, options.db, options.registry, options.maxMessageBytes);
    registerRubricHandlers(kit, options.db);
    registerTwistHandlers(kit, options.db, publish);
    registerMatchHandlers(kit, io, options.db, options.peerNoShowWindowMs);
    registerRecordingHandlers(kit, io, options.db);
    registerCallHandlers(kit, io, options.db);

    socket.on('disconnecting', () => {
      const sessions: string[] = [];
      for (const room of socket.rooms) {
        const documentId = documentIdOfRoom(room);
        const sessionId = sessionIdOfRoom(room);
        if (documentId) leaveDocument(kit, options.registry, documentId);
        else if (sessionId) sessions.push(sessionId);
      }
      // After the socket has left its rooms, tell the others who is still here.
      setImmediate(() => sessions.forEach((sessionId) => void broadcastPresence(io, sessionId)));
    });
  });

  return io;
}
