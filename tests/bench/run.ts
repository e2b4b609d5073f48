// npm run bench: K interviewer/candidate pairs type single characters into their round document at a human rate
// against the real production server, and we report keystroke-to-peer latency (sender's emit → peer receives
// the relayed update) and durable-ack latency (emit → ack, which comes only after PostgreSQL has the update),
// plus lost updates (acknowledged but absent from the stored document). Needs `npm run build` first.
//   BENCH_PAIRS=50 BENCH_SECONDS=10 BENCH_KEYS_PER_SECOND=5 npm run bench
// The session history list and session pages over 10,000 sessions have their own: npm run bench:history.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createDbClient } from '@/lib/db';
import { loadStoredDocument } from '@/lib/documents/document-store';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate } from '../factories/session-factory';
import { HttpSession } from '../support/http-session';
import { RoomClient } from '../support/room-client';
import { PROJECT_ROOT, startServer } from '../support/start-server';
import { createBenchDatabase } from './support/bench-database';
import { summarizeLatency } from './support/latency';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const KEYS_PER_SECOND = Number(process.env.BENCH_KEYS_PER_SECOND ?? 5);

async function main(): Promise<void> {
  if (!existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) throw new Error('Run `npm run build` first: the benchmark drives the production server.');
  const database = await createBenchDatabase();
  const databaseUrl = database.url;
  const db = createDbClient(databaseUrl);
  const server = await startServer({
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      SIGN_IN_MAX_ATTEMPTS_PER_IP: '100000',
      SOCKET_MAX_EVENTS_PER_SECOND: '1000',
    },
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });

  try {
    const pairs = [];
    for (let i = 0; i < PAIRS; i += 1) {
      const seeded = await createSessionWithCandidate(db);
      const connect = async (account: { email: string; password: string }) => {
        const session = new HttpSession(server.baseUrl);
        const result = await session.signIn(account.email, account.password);
        if (!result.ok) throw new Error(`sign-in failed: ${result.error}`);
        return RoomClient.connect(session);
      };
      const interviewer = await connect(seeded.interviewer);
      const candidate = await connect(seeded.candidate);
      const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
      await candidate.data('session:join', { sessionId: seeded.sessionId });
      const documentId = view.rounds[0]!.editorDocumentId;
      await interviewer.openDocument(seeded.sessionId, documentId);
      await candidate.openDocument(seeded.sessionId, documentId);
      pairs.push({ sessionId: seeded.sessionId, documentId, clients: [interviewer, candidate] as const });
    }

    const sentAt = new Map<string, number>();
    const peerLatencies: number[] = [];
    const ackLatencies: number[] = [];
    let errors = 0;
    const acknowledged: { documentId: string; text: string }[] = [];
    for (const pair of pairs) {
      for (const client of pair.clients) {
        client.socket.on('doc:updated', ({ update }) => {
          const key = Buffer.from(update).toString('base64');
          const started = sentAt.get(key);
          if (started !== undefined) peerLatencies.push(performance.now() - started);
        });
      }
    }

    loopDelay.enable();
    const deadline = Date.now() + SECONDS * 1000;
    const typists = pairs.flatMap((pair) =>
      pair.clients.map(async (client, index) => {
        const doc = client.docs.get(pair.documentId)!;
        // Stagger starts so the keystrokes of many clients do not land in lockstep.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * (1000 / KEYS_PER_SECOND)));
        let n = 0;
        while (Date.now() < deadline) {
          const before = Y.encodeStateVector(doc);
          const char = `${index === 0 ? 'i' : 'c'}${n % 10}`;
          doc.getText('content').insert(doc.getText('content').length, char);
          const update = Y.encodeStateAsUpdate(doc, before);
          const started = performance.now();
          sentAt.set(Buffer.from(update).toString('base64'), started);
          const ack = await client.request('doc:update', { sessionId: pair.sessionId, documentId: pair.documentId, update, clientUpdateId: randomBytes(9).toString('hex') });
          if (ack.ok) {
            ackLatencies.push(performance.now() - started);
            acknowledged.push({ documentId: pair.documentId, text: char });
          } else errors += 1;
          n += 1;
          await new Promise((resolve) => setTimeout(resolve, 1000 / KEYS_PER_SECOND));
        }
      }),
    );
    await Promise.all(typists);
    loopDelay.disable();

    // Lost = acknowledged keystrokes missing from what PostgreSQL holds for the document.
    let lost = 0;
    for (const pair of pairs) {
      const stored = await loadStoredDocument(db, pair.documentId);
      const doc = new Y.Doc();
      if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored?.updates ?? []) Y.applyUpdate(doc, update);
      const expected = acknowledged.filter((entry) => entry.documentId === pair.documentId).length;
      const storedKeystrokes = doc.getText('content').toString().length / 2;
      if (storedKeystrokes < expected) lost += expected - storedKeystrokes;
    }
    for (const pair of pairs) for (const client of pair.clients) client.close();

    const result = {
      machine: { cores: (await import('node:os')).cpus().length, node: process.version },
      load: { clients: PAIRS * 2, seconds: SECONDS, keysPerSecondPerClient: KEYS_PER_SECOND },
      keystrokeToPeerMs: summarizeLatency(peerLatencies),
      durableAckMs: summarizeLatency(ackLatencies),
      errors,
      lostUpdates: lost,
      loadGeneratorEventLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
    };
    console.log('\nmockloop room benchmark');
    console.table({ 'keystroke → peer (ms)': result.keystrokeToPeerMs, 'durable ack (ms)': result.durableAckMs });
    console.log(`errors: ${errors}, lost updates: ${lost}, load generator event-loop delay p99: ${result.loadGeneratorEventLoopDelayP99Ms} ms`);
    console.log(JSON.stringify(result));
    if (lost > 0) process.exitCode = 1;
  } finally {
    await server.stop();
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
