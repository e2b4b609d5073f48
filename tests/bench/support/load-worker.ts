import { workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { connectBenchClient, ownClock, type BenchClient, type BenchTargetName } from './bench-clients';
import { connectConcurrently, countErrors, drainUntil, serveLoadWorker, type LoopDelay } from './worker-lifecycle';

// One load-generator thread of the typing load: it opens its share of the pairs (both clients of a pair live in
// the same thread, so one clock times a keystroke from one to the other), then types on the main thread's signal
// and reports. Bootstrapped by load-worker.mjs, which registers tsx in the thread.

export interface WorkerPair {
  room: string;
  sessionId?: string;
  /** mockloop only: the interviewer's and the candidate's cookie headers. */
  cookies?: [string, string];
  /** The node each of the two connects to, when there are several (else the input's url). */
  urls?: [string, string];
  /** Seeded with boards: the round's BOARD document, which the drawing load draws on. */
  board?: string;
}

export interface LoadWorkerInput {
  script: 'load-worker.ts';
  target: BenchTargetName;
  url: string;
  pairs: WorkerPair[];
  keysPerSecond: number;
  warmupMs: number;
  measureMs: number;
  /** How long to wait, after typing stops, for the last keystrokes to arrive and be acknowledged. */
  drainMs: number;
}

export interface LoadWorkerResult extends LoopDelay {
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
  /** Per client, the clocks the server acknowledged (mockloop checks them against PostgreSQL). */
  acknowledged: { room: string; clientId: number; clocks: number[] }[];
}


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
const peerLatenciesMs: number[] = [];
const ackLatenciesMs: number[] = [];
let typed = 0;
let typedInAll = 0;

async function connectAll(): Promise<Typist[]> {
  const typists: Typist[] = [];
  await connectConcurrently(input.pairs, async (pair) => {
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
  });
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

let typists: Typist[] = [];
serveLoadWorker<Omit<LoadWorkerResult, keyof LoopDelay>>({
  connect: async () => {
    typists = await connectAll();
    for (const typist of typists) typist.client.awareness.setLocalStateField('user', { name: `bench ${typist.client.doc.clientID}`, color: '#3366cc' });
  },
  run: async (startAtEpochMs) => {
    await typeUntil(typists, startAtEpochMs);
    const hasAcks = input.target !== 'y-websocket';
    await drainUntil(() => typists.every((typist) => typist.awaitingPeer.size === 0 && (!hasAcks || typist.awaitingAck.size === 0)), input.drainMs);
    return {
      peerLatenciesMs,
      ackLatenciesMs,
      typed,
      typedInAll,
      undelivered: typists.reduce((sum, typist) => sum + typist.awaitingPeer.size, 0),
      unacknowledged: hasAcks ? typists.reduce((sum, typist) => sum + typist.awaitingAck.size, 0) : 0,
      ...countErrors(typists.map((typist) => typist.client.errors)),
      acknowledged: typists.map((typist) => ({ room: typist.room, clientId: typist.client.doc.clientID, clocks: typist.ackedClocks })),
    };
  },
  close: () => {
    for (const typist of typists) typist.client.close();
  },
});
