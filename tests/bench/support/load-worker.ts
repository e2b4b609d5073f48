import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { connectBenchClient, ownClock, type BenchClient, type BenchTargetName } from './bench-clients';

// One load-generator thread: it opens its share of the pairs (both clients of a pair live in the same thread, so
// one clock times a keystroke from one to the other), then types on the main thread's signal and reports.
// Bootstrapped by load-worker.mjs, which registers tsx in the thread.

export interface WorkerPair {
  room: string;
  sessionId?: string;
  /** mockloop only: the interviewer's and the candidate's cookie headers. */
  cookies?: [string, string];
  /** The node each of the two connects to, when there are several (else the input's url). */
  urls?: [string, string];
}

export interface LoadWorkerInput {
  target: BenchTargetName;
  url: string;
  pairs: WorkerPair[];
  keysPerSecond: number;
  warmupMs: number;
  measureMs: number;
  /** How long to wait, after typing stops, for the last keystrokes to arrive and be acknowledged. */
  drainMs: number;
}

export type MainToWorker = { type: 'go'; startAtEpochMs: number } | { type: 'close' };

export interface LoadWorkerResult {
  peerLatenciesMs: number[];
  ackLatenciesMs: number[];
  /** Keystrokes typed inside the measured window. */
  typed: number;
  /** Keystrokes typed from the first to the last, warm-up included: what the server's CPU per keystroke divides by. */
  typedInAll: number;
  /** Of those, how many the partner never received / the server never acknowledged by the end of the drain. */
  undelivered: number;
  unacknowledged: number;
  errors: number;
  errorsByCode: Record<string, number>;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** Per client, the clocks the server acknowledged (mockloop checks them against PostgreSQL). */
  acknowledged: { room: string; clientId: number; clocks: number[] }[];
}

export type WorkerToMain = { type: 'ready' } | { type: 'result'; result: LoadWorkerResult } | { type: 'closed' } | { type: 'failed'; message: string };

const CONNECT_CONCURRENCY = 16;

interface Typist {
  client: BenchClient;
  room: string;
  partner?: Typist;
  /** Measured keystrokes by clock: when each was typed, until the partner receives it. */
  awaitingPeer: Map<number, number>;
  /** Measured keystrokes by clock: when each was typed, until the server acknowledges it. */
  awaitingAck: Map<number, number>;
  ackedClocks: number[];
  /** The partner's clock this typist has seen up to (exclusive). */
  partnerClockSeen: number;
}

const input = workerData as LoadWorkerInput;
// y-websocket's provider adds a process 'exit' listener per instance; hundreds of tabs in one thread are expected.
process.setMaxListeners(0);
// The histogram records each interval between its timer's runs, so a thread that is never late reads as the
// resolution itself: what is reported is the lateness beyond it.
const LOOP_DELAY_RESOLUTION_MS = 10;
const port = parentPort!;
const peerLatenciesMs: number[] = [];
const ackLatenciesMs: number[] = [];
let typed = 0;
let typedInAll = 0;

async function connectAll(): Promise<Typist[]> {
  const typists: Typist[] = [];
  const queue = [...input.pairs];
  const connectPair = async (pair: WorkerPair) => {
    const [first, second] = [0, 1].map((index) =>
      track(
        connectBenchClient({ target: input.target, url: pair.urls?.[index] ?? input.url, room: pair.room, sessionId: pair.sessionId, cookie: pair.cookies?.[index] }),
        pair.room,
      ),
    ) as [Typist, Typist];
    first.partner = second;
    second.partner = first;
    await Promise.all([first.client.synced, second.client.synced]);
    typists.push(first, second);
  };
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      for (let pair = queue.shift(); pair; pair = queue.shift()) await connectPair(pair);
    }),
  );
  return typists;
}

function track(client: BenchClient, room: string): Typist {
  const typist: Typist = { client, room, awaitingPeer: new Map(), awaitingAck: new Map(), ackedClocks: [], partnerClockSeen: 0 };
  client.doc.on('update', (_update: Uint8Array, _origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => {
    const partner = typist.partner;
    if (transaction.local || !partner) return;
    const seen = Y.getState(doc.store, partner.client.doc.clientID);
    const now = performance.now();
    for (let clock = typist.partnerClockSeen; clock < seen; clock += 1) {
      const typedAt = partner.awaitingPeer.get(clock);
      if (typedAt === undefined) continue;
      peerLatenciesMs.push(now - typedAt);
      partner.awaitingPeer.delete(clock);
    }
    typist.partnerClockSeen = Math.max(typist.partnerClockSeen, seen);
  });
  client.onAcknowledged((from, to) => {
    const now = performance.now();
    for (let clock = from; clock < to; clock += 1) {
      const typedAt = typist.awaitingAck.get(clock);
      if (typedAt === undefined) continue;
      ackLatenciesMs.push(now - typedAt);
      typist.awaitingAck.delete(clock);
      typist.ackedClocks.push(clock);
    }
  });
  return typist;
}

/** One keystroke at the end of the text, then the cursor moves after it, as an editor's awareness would. */
function typeKeystroke(typist: Typist, isMeasured: boolean): void {
  const { doc, awareness } = typist.client;
  const text = doc.getText('content');
  const clock = ownClock(doc);
  typedInAll += 1;
  if (isMeasured) {
    const now = performance.now();
    typist.awaitingPeer.set(clock, now);
    typist.awaitingAck.set(clock, now);
    typed += 1;
  }
  text.insert(text.length, String.fromCharCode(97 + (clock % 26)));
  const cursor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
  awareness.setLocalStateField('cursor', { anchor: cursor, head: cursor });
}

async function typeUntil(typists: Typist[], startAtEpochMs: number): Promise<void> {
  const interval = 1000 / input.keysPerSecond;
  const measureFrom = startAtEpochMs + input.warmupMs;
  const stopAt = measureFrom + input.measureMs;
  await Promise.all(
    typists.map(
      (typist) =>
        new Promise<void>((resolve) => {
          // A random phase per client, then a steady beat that does not drift with timer lateness.
          const firstAt = startAtEpochMs + Math.random() * interval;
          let n = 0;
          const tick = () => {
            const now = Date.now();
            if (now >= stopAt) return resolve();
            typeKeystroke(typist, now >= measureFrom);
            n += 1;
            setTimeout(tick, Math.max(0, firstAt + n * interval - Date.now()));
          };
          setTimeout(tick, Math.max(0, firstAt - Date.now()));
        }),
    ),
  );
}

async function drain(typists: Typist[]): Promise<void> {
  const hasAcks = input.target !== 'y-websocket';
  const deadline = Date.now() + input.drainMs;
  const isSettled = () => typists.every((typist) => typist.awaitingPeer.size === 0 && (!hasAcks || typist.awaitingAck.size === 0));
  while (!isSettled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

function countByCode(typists: Typist[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const typist of typists) for (const [code, count] of typist.client.errors) counts[code] = (counts[code] ?? 0) + count;
  return counts;
}

async function main(): Promise<void> {
  const typists = await connectAll();
  for (const typist of typists) typist.client.awareness.setLocalStateField('user', { name: `bench ${typist.client.doc.clientID}`, color: '#3366cc' });
  port.postMessage({ type: 'ready' } satisfies WorkerToMain);

  const go = await new Promise<MainToWorker>((resolve) => port.once('message', resolve));
  if (go.type !== 'go') return;
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  await typeUntil(typists, go.startAtEpochMs);
  await drain(typists);
  loopDelay.disable();

  const hasAcks = input.target !== 'y-websocket';
  const result: LoadWorkerResult = {
    peerLatenciesMs,
    ackLatenciesMs,
    typed,
    typedInAll,
    undelivered: typists.reduce((sum, typist) => sum + typist.awaitingPeer.size, 0),
    unacknowledged: hasAcks ? typists.reduce((sum, typist) => sum + typist.awaitingAck.size, 0) : 0,
    errors: typists.reduce((sum, typist) => sum + [...typist.client.errors.values()].reduce((a, b) => a + b, 0), 0),
    errorsByCode: countByCode(typists),
    eventLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
    eventLoopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - LOOP_DELAY_RESOLUTION_MS),
    acknowledged: typists.map((typist) => ({ room: typist.room, clientId: typist.client.doc.clientID, clocks: typist.ackedClocks })),
  };
  port.postMessage({ type: 'result', result } satisfies WorkerToMain);

  await new Promise((resolve) => port.once('message', resolve));
  for (const typist of typists) typist.client.close();
  port.postMessage({ type: 'closed' } satisfies WorkerToMain);
}

main().catch((error: unknown) => {
  port.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerToMain);
});
