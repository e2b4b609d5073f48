import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { CLIENT_IP_HEADER, resolveClientIp } from '@/lib/auth/client-ip';
import { disconnectDb, getDb } from '@/lib/db';
import { appendDocumentUpdates, compactStoredDocument, loadStoredDocument } from '@/lib/documents/document-store';
import { isTlsRequest, loadDotEnvFiles, parseEnv, publishResolvedEnv, type Env } from '@/lib/env';
import { logger, logLineAt, writeStartFailure } from '@/lib/log';
import { findRequestTargetProblem } from '@/lib/http/find-request-target-problem';
import { isCrossSiteMutation, isServerActionOriginMismatch, type OriginPolicy } from '@/lib/security/request-origin';
import { resolvePublicOrigin } from '@/lib/security/resolve-public-origin';
import { createNonce, securityHeadersFor } from '@/lib/security/security-headers';
import { seedBuiltInQuestions } from '@/lib/questions/seed-built-in-questions';
import { installRateLimitStore } from '@/lib/process-services';
import { resolveAuthSecret } from './config/resolve-auth-secret';
import { resolveDatabase, type ResolvedDatabase } from './config/resolve-database';
import { answerInvalidActionCallsWith400 } from './http/answer-invalid-action-calls';
import { isServerActionRequest, readServerActionRequest, refuseOversizedBody } from './http/read-server-action-request';
import { refuseRequest } from './http/refuse-request';
import { requestLogger } from './http/request-logger';
import { createPrecompressedStaticHandler } from './static/serve-precompressed-static';
import { assertDatabaseReachable, migrateDatabase } from './database/prepare-database';
import { PROJECT_ROOT } from './project-root';
import { createSocketServer } from './realtime/create-socket-server';
import { DocumentRegistry } from './realtime/document-registry';
import { reportRealtimeStatus } from './realtime/report-realtime-status';
import { startPeerMatchSweep } from './realtime/match-handlers';
import { linkDocumentNodes, NodeReplication, resyncDocumentNodes } from './realtime/node-link';
import { connectRedisAdapter, type RedisAdapterConnection } from './realtime/redis-adapter';
import { installGracefulShutdown } from './shutdown';

async function main(): Promise<void> {
  loadDotEnvFiles(PROJECT_ROOT, logLineAt('error'));
  const env = parseEnv(process.env);
  const database = await resolveDatabase(env, logLineAt('info'));
  try {
    await start(env, database);
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }
}

async function start(env: Env, database: ResolvedDatabase): Promise<void> {
  const authSecret = await resolveAuthSecret(env, database.isEmbedded);
  publishResolvedEnv({ DATABASE_URL: database.url, NEXTAUTH_SECRET: authSecret }, env);

  await assertDatabaseReachable(database.url);
  const applied = await migrateDatabase(database.url);
  if (applied.length > 0) logger.info(`applied migrations: ${applied.join(', ')}`);
  // Before anything slow: a REDIS_URL that does not answer stops the start with one line.
  const redis = env.REDIS_URL ? await connectRedisAdapter(env.REDIS_URL, env.REDIS_KEY_PREFIX, logLineAt('warn')) : null;
  // Before any request: rate limits created from here on count in Redis, shared by every node.
  if (redis) installRateLimitStore({ client: redis.commandClient, keyPrefix: redis.keyPrefix });
  try {
    await serve(env, database, authSecret, redis);
  } catch (error) {
    await redis?.close();
    throw error;
  }
}

async function serve(env: Env, database: ResolvedDatabase, authSecret: string, redis: RedisAdapterConnection | null): Promise<void> {
  const db = getDb();
  const seeded = await seedBuiltInQuestions(db);
  if (seeded.created + seeded.updated + seeded.retired > 0) {
    logger.info(`built-in questions: ${seeded.created} created, ${seeded.updated} updated, ${seeded.retired} retired`);
  }

  const isDev = env.NODE_ENV !== 'production';
  const httpServer = createServer();
  const app = next({ dev: isDev, dir: PROJECT_ROOT, hostname: 'localhost', port: env.PORT, httpServer, turbopack: isDev });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();
  // Production only: dev compiles on demand and has no precompressed copies.
  const servePrecompressedStatic = isDev ? () => false : await createPrecompressedStaticHandler(path.join(PROJECT_ROOT, '.next', 'static'));
  const trustProxy = env.TRUST_PROXY;
  const originPolicy: OriginPolicy = { publicUrl: env.NEXTAUTH_URL, trustProxy };

  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    request.headers[CLIENT_IP_HEADER] = resolveClientIp(
      request.socket.remoteAddress,
      headerValue(request.headers['x-forwarded-for']),
      trustProxy,
    );
    const nonce = createNonce();
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    for (const [name, value] of Object.entries(securityHeadersFor(pathname, { nonce, isDev, isTls: isTlsRequest(request.headers, env) }))) {
      response.setHeader(name, value);
    }
    // Next reads the nonce back from the request's policy and stamps it on its inline scripts; whatever policy a
    // client sent is overwritten.
    request.headers['content-security-policy'] = response.getHeader('content-security-policy') as string;
    // The origin next-auth builds its links from when NEXTAUTH_URL is unset (see resolvePublicOrigin). Only this
    // request's own links depend on it, and only a host-name-shaped value gets this far.
    const publicOrigin = resolvePublicOrigin(request.headers, trustProxy);
    if (!publicOrigin) return refuseRequest(response, 400, 'INVALID_INPUT', 'The Host header is missing or is not a host name.');
    request.headers['x-forwarded-host'] = publicOrigin.host;
    request.headers['x-forwarded-proto'] = publicOrigin.proto;
    const targetProblem = findRequestTargetProblem(request.url ?? '/');
    if (targetProblem) return refuseRequest(response, 400, 'INVALID_INPUT', targetProblem);
    if (isCrossSiteMutation(request.method, request.headers, originPolicy)) {
      return refuseRequest(response, 403, 'FORBIDDEN', 'Cross-site requests may not change anything here.');
    }
    // Nothing in the app takes a larger body than a server action may carry.
    if (refuseOversizedBody(request, response)) return;
    if (servePrecompressedStatic(request, response)) return;
    if (!isServerActionRequest(request)) return void handleRequest(request, response);
    if (isServerActionOriginMismatch(request.headers)) {
      return refuseRequest(response, 403, 'FORBIDDEN', 'This action was sent from another address than the one this server was reached at.');
    }
    readServerActionRequest(request, response).then(
      (checked) => {
        if (!checked) return;
        answerInvalidActionCallsWith400(response);
        return handleRequest(checked, response);
      },
      (error: unknown) => {
        requestLogger(request).error({ err: error }, 'reading a server action request failed');
        response.destroy();
      },
    );
  });
  httpServer.on('upgrade', (request, socket, head) => {
    // socket.io answers its own path; everything else (Next's hot reload) goes to Next.
    if (request.url?.startsWith('/socket.io/')) return;
    void handleUpgrade(request, socket, head);
  });

  // With other nodes (Redis), the registry replicates its documents to them; alone it has nobody to tell.
  const replication = redis ? new NodeReplication() : undefined;
  const registry = new DocumentRegistry({
    replication,
    storage: {
      load: (documentId) => loadStoredDocument(db, documentId),
      append: (updates) => appendDocumentUpdates(db, updates),
      compact: (documentId) => compactStoredDocument(db, documentId),
    },
    maxDocumentBytes: env.DOCUMENT_MAX_BYTES,
    log: logLineAt('warn'),
  });
  const io = createSocketServer(httpServer, {
    db,
    registry,
    authSecret,
    isTlsRequest: (headers) => isTlsRequest(headers, env),
    originPolicy,
    trustProxy,
    maxEventsPerUserPerSecond: env.SOCKET_MAX_EVENTS_PER_USER_PER_SECOND,
    maxConnectionsPerUserPerMinute: env.SOCKET_MAX_CONNECTIONS_PER_USER_PER_MINUTE,
    maxConnectionsPerIpPerMinute: env.SOCKET_MAX_CONNECTIONS_PER_IP_PER_MINUTE,
    maxAnonymousConnectionsPerIpPerMinute: env.SOCKET_MAX_ANONYMOUS_CONNECTIONS_PER_IP_PER_MINUTE,
    maxMessageBytes: env.SOCKET_MAX_MESSAGE_BYTES,
    maxEventsPerSecond: env.SOCKET_MAX_EVENTS_PER_SECOND,
    peerNoShowWindowMs: env.PEER_NO_SHOW_MINUTES * 60_000,
    adapter: redis?.adapter,
  });
  if (redis && replication) {
    linkDocumentNodes(io, registry, replication, logLineAt('warn'));
    redis.onRestored(() => {
      logger.info('socket.io: resynchronising open documents with the other nodes');
      void resyncDocumentNodes(io, registry, replication, logLineAt('warn'));
    });
    logger.info(`socket.io: Redis adapter on ${redis.description}`);
  }
  const stopStatusReport = reportRealtimeStatus(io, registry);
  const peerMatchSweep = startPeerMatchSweep(io, db, { noShowWindowMs: env.PEER_NO_SHOW_MINUTES * 60_000 });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.PORT, env.HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info(`ready on http://localhost:${port} (${isDev ? 'development' : 'production'}, ${database.isEmbedded ? 'embedded PostgreSQL' : 'external PostgreSQL'})`);

  let httpClosed: Promise<void> = Promise.resolve();
  installGracefulShutdown(
    [
      { name: 'stop the peer-match sweep', run: () => peerMatchSweep.stop() },
      { name: 'stop the health report', run: async () => stopStatusReport() },
      {
        name: 'stop accepting connections',
        run: async () => {
          httpClosed = new Promise((resolve) => httpServer.close(() => resolve()));
          httpServer.closeIdleConnections();
        },
      },
      {
        // Before the sockets close, so the acknowledgements of the last edits still reach their senders.
        name: 'flush document updates',
        run: async () => {
          if (!(await registry.flush(env.SHUTDOWN_TIMEOUT_MS / 2))) throw new Error(`${registry.pendingWrites} document updates not written`);
          await registry.compactAll();
        },
      },
      // io.close() also closes the adapter (its Redis subscriptions); the connections go after it.
      { name: 'close sockets', run: () => io.close().then(() => {}) },
      { name: 'disconnect from Redis', run: async () => redis?.close() },
      { name: 'finish HTTP requests', run: () => httpClosed },
      { name: 'close Next', run: () => app.close() },
      { name: 'disconnect from the database', run: disconnectDb },
      { name: 'stop the embedded database', run: database.stop },
    ],
    env.SHUTDOWN_TIMEOUT_MS,
  );
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  writeStartFailure(message);
  process.exit(1);
});
