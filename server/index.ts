import { createServer, type IncomingMessage } from 'node:http';
import path from 'node:path';
import next from 'next';
import { CLIENT_IP_HEADER, resolveClientIp } from '@/lib/auth/client-ip';
import { disconnectDb, getDb } from '@/lib/db';
import { appendDocumentUpdates, findLastUpdateId, loadStoredDocument, saveDocumentSnapshot } from '@/lib/documents/document-store';
import { loadDotEnvFiles, parseEnv, publishResolvedEnv, usesSecureCookies, type Env } from '@/lib/env';
import { seedBuiltInQuestions } from '@/lib/questions/seed-built-in-questions';
import { resolveAuthSecret } from './config/resolve-auth-secret';
import { resolveDatabase, type ResolvedDatabase } from './config/resolve-database';
import { assertDatabaseReachable, migrateDatabase } from './database/prepare-database';
import { log, logError } from './log';
import { createSocketServer } from './realtime/create-socket-server';
import { DocumentRegistry } from './realtime/document-registry';
import { installGracefulShutdown } from './shutdown';

const projectRoot = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  loadDotEnvFiles(projectRoot);
  const env = parseEnv(process.env);
  const database = await resolveDatabase(env, log);
  try {
    await start(env, database);
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }
}

async function start(env: Env, database: ResolvedDatabase): Promise<void> {
  const authSecret = await resolveAuthSecret(env, database.isEmbedded);
  publishResolvedEnv({ DATABASE_URL: database.url, NEXTAUTH_SECRET: authSecret });

  await assertDatabaseReachable(database.url);
  const applied = await migrateDatabase(database.url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  const db = getDb();
  const seeded = await seedBuiltInQuestions(db);
  if (seeded.created + seeded.updated + seeded.retired > 0) {
    log(`built-in questions: ${seeded.created} created, ${seeded.updated} updated, ${seeded.retired} retired`);
  }

  const isDev = env.NODE_ENV !== 'production';
  const httpServer = createServer();
  const app = next({ dev: isDev, dir: projectRoot, hostname: 'localhost', port: env.PORT, httpServer, turbopack: isDev });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();
  const trustProxy = env.TRUST_PROXY;

  httpServer.on('request', (request: IncomingMessage, response) => {
    request.headers[CLIENT_IP_HEADER] = resolveClientIp(
      request.socket.remoteAddress,
      headerValue(request.headers['x-forwarded-for']),
      trustProxy,
    );
    void handleRequest(request, response);
  });
  httpServer.on('upgrade', (request, socket, head) => {
    // socket.io answers its own path; everything else (Next's hot reload) goes to Next.
    if (request.url?.startsWith('/socket.io/')) return;
    void handleUpgrade(request, socket, head);
  });

  const registry = new DocumentRegistry({
    storage: {
      load: (documentId) => loadStoredDocument(db, documentId),
      append: (updates) => appendDocumentUpdates(db, updates),
      lastUpdateId: (documentId) => findLastUpdateId(db, documentId),
      saveSnapshot: (documentId, snapshot, upTo) => saveDocumentSnapshot(db, documentId, snapshot, upTo),
    },
    maxDocumentBytes: env.DOCUMENT_MAX_BYTES,
    log: logError,
  });
  const io = createSocketServer(httpServer, {
    db,
    registry,
    authSecret,
    secureCookie: usesSecureCookies(env),
    maxMessageBytes: env.SOCKET_MAX_MESSAGE_BYTES,
    maxEventsPerSecond: env.SOCKET_MAX_EVENTS_PER_SECOND,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.PORT, env.HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  log(`ready on http://localhost:${port} (${isDev ? 'development' : 'production'}, ${database.isEmbedded ? 'embedded PostgreSQL' : 'external PostgreSQL'})`);

  let httpClosed: Promise<void> = Promise.resolve();
  installGracefulShutdown(
    [
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
      { name: 'close sockets', run: () => io.close().then(() => {}) },
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
  logError(`could not start: ${message}`);
  process.exit(1);
});
