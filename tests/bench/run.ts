// npm run bench: the room under load, against the two best-known Yjs servers. K/2 interviewer/candidate pairs
// share one document each; every client types single characters at a human rate and moves its cursor
// (an awareness update) with every keystroke, as an editor does. The same load runs against mockloop's
// production server, Hocuspocus and the y-websocket server, at each client count, and we report:
//   keystroke → peer: from the keystroke (before any client-side batching) to the partner's document having it;
//   ack: from the keystroke to the server's acknowledgement (mockloop's comes once PostgreSQL has the update);
//   errors, undelivered keystrokes, lost updates (acknowledged by mockloop but absent from PostgreSQL),
//   server CPU (% of one core, over the measured window) and peak RSS, PostgreSQL's CPU while mockloop runs (the
//   other two store nothing), and the load generator's own CPU and event-loop delay (it shares the machine).
// The load generator runs in worker threads (BENCH_WORKERS); each target is its own process. Needs `npm run build`.
// Pinned by default on two cores or more (BENCH_PIN=0 shares them as before): the generator on one core, each
// server and its PostgreSQL (and Redis) on the other, checked thread by thread and printed in the header. Each
// server's CPU is also reported per keystroke, which varies far less from run to run than tails do.
//   BENCH_CLIENTS=100,500,1000,2000 BENCH_TARGETS=mockloop,hocuspocus,y-websocket BENCH_SECONDS=15 npm run bench
// BENCH_NODES=2 runs mockloop as two nodes sharing rooms through Redis (REDIS_URL, else the machine's on 6379).
// BENCH_LOADS=typing,drawing (the default: both) picks the loads. The drawing load (mockloop only: the others have
// no board) runs right after the typing runs at each client count, on the same sessions (one system-design round
// each: typing in its editor, drawing on its board). Every client draws continuously through the page's own board
// wiring (tests/bench/support/drawing-worker.ts): gestures of BENCH_DRAW_GESTURE_MS (1200) with a pointer move
// every 1/BENCH_DRAW_MOVES_PER_SECOND (20) s, each move an in-flight revision in awareness, the shape stored at
// pointer up, then BENCH_DRAW_PAUSE_MS (800) of pointer travel. It reports stroke → peer (from the socket sending
// the awareness with a revision to the partner having it), move → peer (from the move, so the provider's awareness
// throttle included), settled shape → peer and ack, the document log's bytes per minute read from PostgreSQL (the
// typing load's too), and CPU per second of pointer down and per client-second set against a typing client-second.
// The session history list and session pages over 10,000 sessions have their own: npm run bench:history.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { createDbClient, type Db } from '@/lib/db';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { PROJECT_ROOT } from '../support/start-server';
import { createBenchDatabase } from './support/bench-database';
import { startBenchRedis, type BenchRedis } from './support/bench-redis';
import { describeAffinity, onCpu, pinProcess, resolvePinning, verifyAffinity } from './support/cpu-pinning';
import type { BenchTargetName } from './support/bench-clients';
import { seedMockloopPairs, startTarget, type MockloopFixture } from './support/bench-targets';
import { printDrawingReport, summarizeDrawing, type DrawingRates, type DrawingRunResult } from './support/drawing-report';
import type { DrawingWorkerInput, DrawingWorkerResult } from './support/drawing-worker';
import { summarizeLatency, type LatencySummary } from './support/latency';
import type { LoadWorkerInput, LoadWorkerResult, WorkerPair } from './support/load-worker';
import { readLogBetween, readLogPosition, type StoredLog } from './support/stored-log';
import type { MainToWorker, WorkerToMain } from './support/worker-lifecycle';
import { familyCpuSecondsBetween, readCpuSeconds, readParentPid, readProcessFamilyCpuSeconds, readProcessName, readRssMiB, sampleRss } from './support/process-usage';

const ALL_TARGETS: BenchTargetName[] = ['mockloop', 'hocuspocus', 'y-websocket'];
const ALL_LOADS = ['typing', 'drawing'] as const;
type LoadName = (typeof ALL_LOADS)[number];
const LOADS = (process.env.BENCH_LOADS ?? ALL_LOADS.join(',')).split(',') as LoadName[];
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? '100,500,1000,2000').split(',').map(Number);
const TARGETS = (process.env.BENCH_TARGETS ?? ALL_TARGETS.join(',')).split(',') as BenchTargetName[];
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const KEYS_PER_SECOND = Number(process.env.BENCH_KEYS_PER_SECOND ?? 5);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const DRAWING_RATES: DrawingRates = {
  movesPerSecond: Number(process.env.BENCH_DRAW_MOVES_PER_SECOND ?? 20),
  gestureMs: Number(process.env.BENCH_DRAW_GESTURE_MS ?? 1200),
  pauseMs: Number(process.env.BENCH_DRAW_PAUSE_MS ?? 800),
};
const DRAIN_MS = 10_000;
const GENERATOR_YOUNG_GENERATION_MIB = 192;
const MOCKLOOP_NODES = Number(process.env.BENCH_NODES ?? 1);
const MACHINE_REDIS_URL = 'redis://127.0.0.1:6379';
const PINNING = resolvePinning();

interface RunResult {
  target: BenchTargetName;
  /** Server processes: mockloop's nodes (BENCH_NODES), 1 for the others. */
  nodes: number;
  clients: number;
  keystrokeToPeerMs: LatencySummary;
  /** Null for y-websocket, which acknowledges nothing. */
  ackMs: LatencySummary | null;
  isAckDurable: boolean;
  typed: number;
  undelivered: number;
  unacknowledged: number;
  lostUpdates: number | null;
  errors: number;
  errorsByCode: Record<string, number>;
  /** All of the target's processes together (several nodes: their sum). */
  serverCpuPercent: number;
  /** mockloop only: PostgreSQL's postmaster and all its backends, when that server runs on this machine (else null). */
  databaseCpuPercent: number | null;
  /** mockloop on several nodes only: the Redis server they share, when it runs on this machine (else null). */
  redisCpuPercent: number | null;
  /** The largest peak of any one process. */
  serverPeakRssMiB: number;
  /** mockloop only, from /api/health of every node: the worst 5-second window's event-loop lateness (p99) while measuring; null if unanswered. */
  serverEventLoopDelayP99Ms: number | null;
  generatorEventLoopDelayP99Ms: number;
  generatorEventLoopDelayMaxMs: number;
  /** This process: the load-generator threads and the thread that coordinates them. */
  generatorCpuPercent: number;
  connectSeconds: number;
  /** Measured keystrokes the partner received, and (mockloop) that the server acknowledged as stored. */
  delivered: number;
  durable: number | null;
  /**
   * CPU microseconds per keystroke: CPU from the first keystroke (warm-up included) until every worker has drained
   * (its last keystroke delivered and acknowledged, or the drain's timeout) ÷ the keystrokes typed in that span.
   * A server that falls behind pays for its backlog inside the span, so this holds under overload too, where CPU
   * over the measured window ÷ the window's keystrokes reads low. The server's processes, PostgreSQL's (its
   * postmaster and backends), Redis's, their sum.
   */
  serverCpuUsPerKeystroke: number;
  databaseCpuUsPerKeystroke: number | null;
  redisCpuUsPerKeystroke: number | null;
  totalCpuUsPerKeystroke: number;
  /** mockloop: the sum per keystroke acknowledged as stored (the span's keystrokes × the measured window's acknowledged share). */
  totalCpuUsPerDurableKeystroke: number | null;
  /** mockloop only: the document log's rows and bytes written during the measured window. */
  storedLog: StoredLog | null;
  /** Where every thread of the generator, the server and its services ran, read at the end of the measured window. */
  affinity: string[];
}

async function main(): Promise<void> {
  for (const target of TARGETS) if (!ALL_TARGETS.includes(target)) throw new Error(`Unknown target "${target}"; use ${ALL_TARGETS.join(', ')}.`);
  for (const load of LOADS) if (!ALL_LOADS.includes(load)) throw new Error(`Unknown load "${load}"; use ${ALL_LOADS.join(', ')}.`);
  const isDrawing = LOADS.includes('drawing') && TARGETS.includes('mockloop');
  if (LOADS.includes('drawing') && !isDrawing) log('the drawing load runs against mockloop only (the others have no board): not run');
  if (CLIENT_COUNTS.some((count) => !Number.isInteger(count) || count < 2 || count % 2 !== 0)) throw new Error('BENCH_CLIENTS are even numbers of clients (pairs).');
  if (!Number.isInteger(MOCKLOOP_NODES) || MOCKLOOP_NODES < 1) throw new Error('BENCH_NODES is a whole number of mockloop nodes, 1 or more.');
  if (TARGETS.includes('mockloop') && !existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('Run `npm run build` first: the benchmark drives the production server.');
  }
  // Before anything starts: worker threads, and helper threads started later, inherit this process's affinity.
  if (PINNING) pinProcess(process.pid, PINNING.generatorCpu);
  const database = await createBenchDatabase({ pinTo: PINNING?.serverCpu });
  const db = createDbClient(database.url);
  const needsRedis = TARGETS.includes('mockloop') && MOCKLOOP_NODES > 1;
  // Pinned, the nodes share a Redis of the run's own on the server's core, unless REDIS_URL names one.
  let ownRedis: BenchRedis | null = null;
  const results: RunResult[] = [];
  const drawingResults: DrawingRunResult[] = [];
  try {
    if (needsRedis && PINNING && !process.env.REDIS_URL) ownRedis = await startBenchRedis(PINNING.serverCpu);
    const redisUrl = ownRedis?.url ?? process.env.REDIS_URL ?? MACHINE_REDIS_URL;
    const maxPairs = Math.max(...CLIENT_COUNTS) / 2;
    log(`seeding ${maxPairs} sessions${isDrawing ? ' of one system-design round (its editor for typing, its board for drawing)' : ''}`);
    const fixture = await seedMockloopPairs(db, database.url, maxPairs, { withBoards: isDrawing });
    const postmasterPid = await findLocalPostmasterPid(db);
    const local: LocalServices = {
      postmasterPid,
      isDatabasePinned: PINNING !== null && postmasterPid !== null && postmasterPid === database.embeddedPostmasterPid,
      redisPid: needsRedis ? (ownRedis?.pid ?? (await findLocalRedisPid(redisUrl))) : null,
      isRedisPinned: ownRedis !== null,
      redisUrl,
    };
    if (PINNING) {
      log(`pinned: the load generator on CPU ${PINNING.generatorCpu}, each server on CPU ${PINNING.serverCpu}`);
      if (!local.isDatabasePinned) log(`PostgreSQL is DATABASE_URL's server, not this run's: it cannot be pinned${postmasterPid ? '; its CPU is measured anyway' : ' (not on this machine: its CPU is not measured)'}`);
      if (needsRedis && !local.isRedisPinned) log('Redis is REDIS_URL\'s server, not this run\'s: it cannot be pinned; its CPU is measured if it runs here');
    }
    for (const clients of CLIENT_COUNTS) {
      for (const target of LOADS.includes('typing') ? TARGETS : []) {
        const result = await runTyping(target, clients, fixture, db, local);
        results.push(result);
        log(
          `typing ${target} ${clients} clients: peer p99 ${result.keystrokeToPeerMs.p99} ms, ack p99 ${result.ackMs?.p99 ?? '-'} ms, ` +
            `server loop delay p99 ${result.serverEventLoopDelayP99Ms ?? '-'} ms, generator ${result.generatorEventLoopDelayP99Ms} ms, CPU µs/keystroke ${result.serverCpuUsPerKeystroke} + PostgreSQL ${result.databaseCpuUsPerKeystroke ?? '-'} + Redis ${result.redisCpuUsPerKeystroke ?? '-'}, CPU ${result.serverCpuPercent}% (PostgreSQL ${result.databaseCpuPercent ?? '-'}%, Redis ${result.redisCpuPercent ?? '-'}%, generator ${result.generatorCpuPercent}%), RSS ${result.serverPeakRssMiB} MiB, errors ${result.errors} ${JSON.stringify(result.errorsByCode)}, undelivered ${result.undelivered}, lost ${result.lostUpdates ?? '-'}`,
        );
      }
      if (isDrawing) {
        const drawing = await runDrawing(clients, fixture, db, local);
        drawingResults.push(drawing);
        log(
          `drawing mockloop ${clients} clients: stroke → peer p95 ${drawing.strokeToPeerMs.p95} ms, move → peer p95 ${drawing.moveToPeerMs.p95} ms, settled → peer p95 ${drawing.settledToPeerMs.p95} ms, ack p95 ${drawing.ackMs.p95} ms, ` +
            `CPU ${drawing.serverCpuPercent}% (PostgreSQL ${drawing.databaseCpuPercent ?? '-'}%, generator ${drawing.generatorCpuPercent}%), µs/gesture-s ${drawing.totalCpuUsPerGestureSecond}, µs/client-s ${drawing.totalCpuUsPerClientSecond}, ` +
            `stored ${drawing.storedBytesPerMinute ?? '-'} B/min, errors ${drawing.errors} ${JSON.stringify(drawing.errorsByCode)}`,
        );
      }
    }
  } finally {
    await db.$disconnect();
    await database.drop();
    await ownRedis?.stop();
  }
  report(results, drawingResults);
  if (results.some((result) => (result.lostUpdates ?? 0) > 0)) process.exitCode = 1;
}

/** The database's and Redis's server processes, when they run on this machine. */
interface LocalServices {
  postmasterPid: number | null;
  /** Pinned with the server: only an embedded PostgreSQL the run started itself. */
  isDatabasePinned: boolean;
  redisPid: number | null;
  isRedisPinned: boolean;
  redisUrl: string;
}

/** What every load's run measures around its workers, whatever they do. */
interface Measured<R> {
  parts: R[];
  connectSeconds: number;
  /** CPU seconds over the measured window. */
  window: { server: number; database: number | null; redis: number | null; generator: number };
  /** CPU seconds from the first keystroke or move until every worker has drained. */
  span: { server: number; database: number | null; redis: number | null };
  serverPeakRssMiB: number;
  serverEventLoopDelayP99Ms: number | null;
  affinity: string[];
  /** mockloop only: the document log's rows written during the measured window. */
  storedLog: StoredLog | null;
}

/**
 * Starts the target, gives each worker thread its share of the first `clients / 2` pairs, starts them all at one
 * instant, and reads CPU, memory, loop delay and the document log around the run; stops the target after.
 */
async function measureLoad<R>(
  target: BenchTargetName,
  clients: number,
  fixture: MockloopFixture,
  db: Db,
  local: LocalServices,
  workerInput: (share: WorkerPair[], url: string) => LoadWorkerInput | DrawingWorkerInput,
): Promise<Measured<R>> {
  const running = await startTarget(
    target,
    fixture,
    { count: target === 'mockloop' ? MOCKLOOP_NODES : 1, redisUrl: local.redisUrl },
    PINNING ? onCpu(PINNING.serverCpu) : [],
  );
  const rss = running.pids.map((pid) => sampleRss(pid));
  const pairs = fixture.pairs
    .slice(0, clients / 2)
    .map((pair, index): WorkerPair => (target === 'mockloop' ? { ...pair, urls: placeOnNodes(index, running.urls) } : { room: pair.room }));
  const shares = Array.from({ length: WORKERS }, (_, worker) => pairs.filter((_, index) => index % WORKERS === worker));
  const connectStarted = performance.now();
  const workers = shares.map((share) => new LoadWorker<R>(workerInput(share, running.urls[0]!)));
  try {
    await Promise.all(workers.map((worker) => worker.ready));
    const connectSeconds = Math.round((performance.now() - connectStarted) / 100) / 10;
    const startAtEpochMs = Date.now() + 500;
    for (const worker of workers) worker.send({ type: 'go', startAtEpochMs });
    const { postmasterPid, redisPid } = local;
    const readServerCpu = () => running.pids.reduce((total, pid) => total + readCpuSeconds(pid), 0);
    const readDatabaseCpu = target === 'mockloop' && postmasterPid !== null ? () => readProcessFamilyCpuSeconds(postmasterPid) : null;
    const readRedisCpu = target === 'mockloop' && redisPid !== null ? () => readCpuSeconds(redisPid) : null;
    const readLog = target === 'mockloop' ? () => readLogPosition(db) : null;

    // CPU per keystroke (or second of drawing): from the first one until the workers have drained.
    await sleepUntil(startAtEpochMs);
    const spanStart = { server: readServerCpu(), database: readDatabaseCpu?.(), redis: readRedisCpu?.() };

    // CPU over the measured window only (not connecting, warm-up or drain).
    await sleepUntil(startAtEpochMs + WARMUP_SECONDS * 1000);
    const cpuBefore = readServerCpu();
    const generatorCpuBefore = process.cpuUsage();
    const databaseCpuBefore = readDatabaseCpu?.();
    const redisCpuBefore = readRedisCpu?.();
    const logBefore = await readLog?.();
    const serverLoopDelays = target === 'mockloop' ? running.urls.map((url) => pollServerLoopDelay(url)) : null;
    await sleepUntil(startAtEpochMs + (WARMUP_SECONDS + MEASURE_SECONDS) * 1000);
    const serverCpuSeconds = readServerCpu() - cpuBefore;
    const generatorCpu = process.cpuUsage(generatorCpuBefore);
    const databaseCpuSeconds = readDatabaseCpu && databaseCpuBefore ? familyCpuSecondsBetween(databaseCpuBefore, readDatabaseCpu()) : null;
    const redisCpuSeconds = readRedisCpu && redisCpuBefore !== undefined ? readRedisCpu() - redisCpuBefore : null;
    const logAfter = await readLog?.();
    const affinity = readAffinity(target, running.pids, local);
    const serverEventLoopDelayP99Ms = serverLoopDelays ? worstOf(await Promise.all(serverLoopDelays.map((poll) => poll.stop()))) : null;
    const serverPeakRssMiB = Math.round(Math.max(...running.pids.map((pid, node) => Math.max(rss[node]!.peakMiB, readRssMiB(pid)))));

    const parts = await Promise.all(workers.map((worker) => worker.result));
    const span = {
      server: readServerCpu() - spanStart.server,
      database: readDatabaseCpu && spanStart.database ? familyCpuSecondsBetween(spanStart.database, readDatabaseCpu()) : null,
      redis: readRedisCpu && spanStart.redis !== undefined ? readRedisCpu() - spanStart.redis : null,
    };
    await Promise.all(workers.map((worker) => worker.close()));
    return {
      parts,
      connectSeconds,
      window: { server: serverCpuSeconds, database: databaseCpuSeconds, redis: redisCpuSeconds, generator: (generatorCpu.user + generatorCpu.system) / 1e6 },
      span,
      serverPeakRssMiB,
      serverEventLoopDelayP99Ms,
      affinity,
      storedLog: logBefore !== undefined && logAfter !== undefined ? await readLogBetween(db, logBefore, logAfter) : null,
    };
  } finally {
    for (const sampler of rss) sampler.stop();
    for (const worker of workers) void worker.terminate();
    await running.stop();
  }
}

/** % of one core over the measured window. */
function percentOfWindow(cpuSeconds: number): number {
  return Math.round((cpuSeconds / MEASURE_SECONDS) * 100);
}

async function runTyping(target: BenchTargetName, clients: number, fixture: MockloopFixture, db: Db, local: LocalServices): Promise<RunResult> {
  const measured = await measureLoad<LoadWorkerResult>(target, clients, fixture, db, local, (share, url) => ({
    script: 'load-worker.ts',
    target,
    url,
    pairs: share,
    keysPerSecond: KEYS_PER_SECOND,
    warmupMs: WARMUP_SECONDS * 1000,
    measureMs: MEASURE_SECONDS * 1000,
    drainMs: DRAIN_MS,
  }));
  const { parts, window, span } = measured;
  const lostUpdates = target === 'mockloop' ? await countLostUpdates(db, parts) : null;
  const hasAcks = target !== 'y-websocket';
  const typed = sum(parts, 'typed');
  const delivered = parts.reduce((total, part) => total + part.peerLatenciesMs.length, 0);
  const durable = target === 'mockloop' ? parts.reduce((total, part) => total + part.ackLatenciesMs.length, 0) : null;
  const typedInSpan = parts.reduce((total, part) => total + part.typedInAll, 0);
  const durableInSpan = durable === null || typed === 0 ? null : (typedInSpan * durable) / typed;
  const perKeystroke = (cpuSeconds: number | null, keystrokes: number | null) =>
    cpuSeconds === null || !keystrokes ? null : round1((cpuSeconds * 1e6) / keystrokes);
  const totalCpuSeconds = span.server + (span.database ?? 0) + (span.redis ?? 0);
  return {
    target,
    nodes: target === 'mockloop' ? MOCKLOOP_NODES : 1,
    clients,
    keystrokeToPeerMs: summarizeLatency(parts.flatMap((part) => part.peerLatenciesMs)),
    ackMs: hasAcks ? summarizeLatency(parts.flatMap((part) => part.ackLatenciesMs)) : null,
    isAckDurable: target === 'mockloop',
    typed,
    undelivered: sum(parts, 'undelivered'),
    unacknowledged: sum(parts, 'unacknowledged'),
    lostUpdates,
    errors: sum(parts, 'errors'),
    errorsByCode: mergeCounts(parts.map((part) => part.errorsByCode)),
    serverCpuPercent: percentOfWindow(window.server),
    databaseCpuPercent: window.database === null ? null : percentOfWindow(window.database),
    redisCpuPercent: window.redis === null ? null : percentOfWindow(window.redis),
    serverPeakRssMiB: measured.serverPeakRssMiB,
    serverEventLoopDelayP99Ms: measured.serverEventLoopDelayP99Ms,
    generatorEventLoopDelayP99Ms: round1(Math.max(...parts.map((part) => part.eventLoopDelayP99Ms))),
    generatorEventLoopDelayMaxMs: round1(Math.max(...parts.map((part) => part.eventLoopDelayMaxMs))),
    generatorCpuPercent: percentOfWindow(window.generator),
    connectSeconds: measured.connectSeconds,
    delivered,
    durable,
    serverCpuUsPerKeystroke: perKeystroke(span.server, typedInSpan) ?? NaN,
    databaseCpuUsPerKeystroke: perKeystroke(span.database, typedInSpan),
    redisCpuUsPerKeystroke: perKeystroke(span.redis, typedInSpan),
    totalCpuUsPerKeystroke: perKeystroke(totalCpuSeconds, typedInSpan) ?? NaN,
    totalCpuUsPerDurableKeystroke: perKeystroke(totalCpuSeconds, durableInSpan),
    storedLog: measured.storedLog,
    affinity: measured.affinity,
  };
}

async function runDrawing(clients: number, fixture: MockloopFixture, db: Db, local: LocalServices): Promise<DrawingRunResult> {
  const measured = await measureLoad<DrawingWorkerResult>('mockloop', clients, fixture, db, local, (share, url) => ({
    script: 'drawing-worker.ts',
    url,
    pairs: share,
    ...DRAWING_RATES,
    warmupMs: WARMUP_SECONDS * 1000,
    measureMs: MEASURE_SECONDS * 1000,
    drainMs: DRAIN_MS,
  }));
  const { window } = measured;
  return summarizeDrawing(clients, measured.parts, DRAWING_RATES, {
    measureSeconds: MEASURE_SECONDS,
    serverCpuPercent: percentOfWindow(window.server),
    databaseCpuPercent: window.database === null ? null : percentOfWindow(window.database),
    generatorCpuPercent: percentOfWindow(window.generator),
    spanCpuSeconds: measured.span,
    storedLog: measured.storedLog,
    serverPeakRssMiB: measured.serverPeakRssMiB,
    serverEventLoopDelayP99Ms: measured.serverEventLoopDelayP99Ms,
    connectSeconds: measured.connectSeconds,
    affinity: measured.affinity,
  });
}

/**
 * The nodes a pair's two clients connect to, as a load balancer without session affinity would spread them: with
 * two nodes, half the pairs share a node and half are split across both (each of their keystrokes crosses Redis).
 */
function placeOnNodes(pairIndex: number, urls: string[]): [string, string] {
  const nodeOf = (index: number) => urls[index % urls.length]!;
  return [nodeOf(pairIndex), nodeOf(Math.floor(pairIndex / urls.length))];
}

/**
 * Where every thread ran, read once all exist (the end of the measured window). Pinned, this throws if any thread
 * of the generator, the server or a pinned service is off its core; unpinned it only records the spread.
 */
function readAffinity(target: BenchTargetName, serverPids: number[], local: LocalServices): string[] {
  const check = (label: string, pids: number[], cpu: number | null, withChildren = false) =>
    describeAffinity(verifyAffinity(label, pids, cpu, withChildren));
  const lines = [
    check('load generator (this process)', [process.pid], PINNING?.generatorCpu ?? null),
    check(`${target} (pid ${serverPids.join(', ')})`, serverPids, PINNING?.serverCpu ?? null, true),
  ];
  if (target === 'mockloop' && local.postmasterPid !== null) {
    const label = `PostgreSQL (postmaster ${local.postmasterPid} and its children)`;
    lines.push(check(label, [local.postmasterPid], local.isDatabasePinned ? PINNING!.serverCpu : null, true) + (PINNING && !local.isDatabasePinned ? ' (DATABASE_URL: not pinned)' : ''));
  }
  if (target === 'mockloop' && local.redisPid !== null) {
    lines.push(check(`Redis (pid ${local.redisPid})`, [local.redisPid], local.isRedisPinned ? PINNING!.serverCpu : null) + (PINNING && !local.isRedisPinned ? ' (REDIS_URL: not pinned)' : ''));
  }
  return lines;
}

/** The worst of several nodes' readings; null when none was answered. */
function worstOf(readings: (number | null)[]): number | null {
  const answered = readings.filter((reading) => reading !== null);
  return answered.length > 0 ? Math.max(...answered) : null;
}

/**
 * The PostgreSQL server's postmaster, when it runs on this machine (an embedded one, or DATABASE_URL's on
 * localhost): the parent of our own backend. Null for a remote or containerized server, whose pids are not ours.
 */
async function findLocalPostmasterPid(db: Db): Promise<number | null> {
  const [row] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  try {
    const postmasterPid = row ? readParentPid(row.pid) : null;
    const isPostgres = (pid: number) => readProcessName(pid) === 'postgres';
    return row && postmasterPid !== null && isPostgres(row.pid) && isPostgres(postmasterPid) ? postmasterPid : null;
  } catch {
    return null;
  }
}

/** The Redis server's process, when it runs on this machine (its own report of its pid names a redis-server here). */
async function findLocalRedisPid(url: string): Promise<number | null> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pid = Number(/^process_id:(\d+)/m.exec(await redis.info('server'))?.[1]);
    return Number.isInteger(pid) && readProcessName(pid) === 'redis-server' ? pid : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

/**
 * Reads the server's own event-loop lateness from /api/health every second; stop() answers the worst p99 seen,
 * or null when no read was answered (an overloaded server may time every one of them out).
 */
function pollServerLoopDelay(baseUrl: string): { stop(): Promise<number | null> } {
  let worst: number | null = null;
  const read = async () => {
    try {
      const body = (await (await fetch(`${baseUrl}/api/health`)).json()) as { realtime?: { eventLoopDelayP99Ms: number } };
      if (body.realtime) worst = Math.max(worst ?? 0, body.realtime.eventLoopDelayP99Ms);
    } catch {
      // A slow or failed health read under load is not the benchmark's concern; the next one may answer.
    }
  };
  const timer = setInterval(() => void read(), 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await read();
      return worst;
    },
  };
}

/** Acknowledged keystrokes that PostgreSQL does not hold: a client's stored clock must pass every acked clock. */
async function countLostUpdates(db: Db, parts: LoadWorkerResult[]): Promise<number> {
  const storedClocks = new Map<string, Map<number, number>>();
  let lost = 0;
  for (const { room, clientId, clocks } of parts.flatMap((part) => part.acknowledged)) {
    let stateVector = storedClocks.get(room);
    if (!stateVector) {
      const stored = await loadStoredDocument(db, room);
      const doc = new Y.Doc();
      if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored?.updates ?? []) Y.applyUpdate(doc, update);
      stateVector = Y.decodeStateVector(Y.encodeStateVector(doc));
      storedClocks.set(room, stateVector);
    }
    const storedClock = stateVector.get(clientId) ?? 0;
    lost += clocks.filter((clock) => clock >= storedClock).length;
  }
  return lost;
}

/** A load-generator thread, bootstrapped through load-worker.mjs (which registers tsx in it). */
class LoadWorker<R> {
  readonly ready: Promise<void>;
  readonly result: Promise<R>;
  private readonly worker: Worker;
  private readonly closed: Promise<void>;

  constructor(input: LoadWorkerInput | DrawingWorkerInput) {
    this.worker = new Worker(path.join(import.meta.dirname, 'support', 'load-worker.mjs'), {
      workerData: input,
      // Hundreds of editor tabs allocate per keystroke: a young generation this large lets that garbage die
      // young, so the generator takes less of the cores it shares with the server it measures.
      resourceLimits: { maxYoungGenerationSizeMb: GENERATOR_YOUNG_GENERATION_MIB },
    });
    const failed = new Promise<never>((_, reject) => {
      this.worker.on('error', reject);
      this.worker.on('message', (message: WorkerToMain<R>) => {
        if (message.type === 'failed') reject(new Error(`load worker failed: ${message.message}`));
      });
    });
    const next = (type: WorkerToMain<R>['type']) =>
      Promise.race([
        failed,
        new Promise<WorkerToMain<R>>((resolve) => {
          const onMessage = (message: WorkerToMain<R>) => {
            if (message.type !== type) return;
            this.worker.off('message', onMessage);
            resolve(message);
          };
          this.worker.on('message', onMessage);
        }),
      ]);
    this.ready = next('ready').then(() => undefined);
    this.result = next('result').then((message) => (message as Extract<WorkerToMain<R>, { type: 'result' }>).result);
    this.closed = next('closed').then(() => undefined);
    for (const promise of [this.ready, this.result, this.closed]) promise.catch(() => {});
  }

  send(message: MainToWorker): void {
    this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.send({ type: 'close' });
    await this.closed;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

function report(results: RunResult[], drawingResults: DrawingRunResult[]): void {
  console.log(`\nmockloop room benchmark: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg().map(round2).join(' ')} at the end`);
  console.log(`typing: ${KEYS_PER_SECOND} keystrokes/s per client, each with a cursor (awareness) update; ${WARMUP_SECONDS} s warm-up, ${MEASURE_SECONDS} s measured`);
  console.log(
    PINNING
      ? `pinned (BENCH_PIN=0 to share the cores): load generator on CPU ${PINNING.generatorCpu}, each server and its services on CPU ${PINNING.serverCpu}; read from every thread's Cpus_allowed_list:`
      : 'not pinned (BENCH_PIN=0, or fewer than two cores): the load generator and the servers share the cores; where their threads may run:',
  );
  // Each target's first run stands for the rest (every run is checked; the JSON has all of them).
  const firstRuns = TARGETS.map((target) => results.find((result) => result.target === target)).filter((result) => result !== undefined);
  for (const line of new Set([...firstRuns, ...drawingResults.slice(0, 1)].flatMap((result) => result.affinity))) console.log(`  ${line}`);
  console.log('');
  if (results.length > 0) console.table(
    results.map((result) => ({
      target: result.nodes > 1 ? `${result.target} (${result.nodes} nodes)` : result.target,
      clients: result.clients,
      'peer p50/p95/p99 ms':
        result.keystrokeToPeerMs.count > 0
          ? `${result.keystrokeToPeerMs.p50} / ${result.keystrokeToPeerMs.p95} / ${result.keystrokeToPeerMs.p99}`
          : 'none delivered',
      'ack p50/p99 ms': !result.ackMs ? 'none' : result.ackMs.count === 0 ? 'none within the timeout' : `${result.ackMs.p50} / ${result.ackMs.p99}${result.isAckDurable ? ' (durable)' : ' (memory)'}`,
      errors: result.errors,
      undelivered: result.undelivered,
      lost: result.lostUpdates ?? 'not checked',
      'CPU %': result.serverCpuPercent,
      'PostgreSQL CPU %': result.databaseCpuPercent ?? '-',
      ...(MOCKLOOP_NODES > 1 ? { 'Redis CPU %': result.redisCpuPercent ?? '-' } : {}),
      'CPU µs/key server': result.serverCpuUsPerKeystroke,
      'PostgreSQL µs/key': result.databaseCpuUsPerKeystroke ?? '-',
      ...(MOCKLOOP_NODES > 1 ? { 'Redis µs/key': result.redisCpuUsPerKeystroke ?? '-' } : {}),
      'total µs/key': result.totalCpuUsPerKeystroke,
      'total µs/durable key': result.totalCpuUsPerDurableKeystroke ?? '-',
      'stored KB/min': result.storedLog ? Math.round((result.storedLog.bytes * 60) / MEASURE_SECONDS / 102.4) / 10 : '-',
      'RSS MiB': result.serverPeakRssMiB,
      'server loop delay p99 ms': result.serverEventLoopDelayP99Ms ?? '-',
      'generator loop delay p99 ms': result.generatorEventLoopDelayP99Ms,
      'generator CPU %': result.generatorCpuPercent,
    })),
  );
  const ratios = CLIENT_COUNTS.flatMap((clients) => {
    const at = (target: BenchTargetName) => results.find((result) => result.target === target && result.clients === clients);
    const mockloop = at('mockloop');
    const others = [at('hocuspocus'), at('y-websocket')].filter((result) => result !== undefined);
    if (!mockloop || others.length === 0) return [];
    // A server that delivered nothing within the run has no p99 (NaN): it is never the better one.
    const p99 = (result: RunResult) => (result.keystrokeToPeerMs.count > 0 ? result.keystrokeToPeerMs.p99 : Infinity);
    const best = others.reduce((a, b) => (p99(a) <= p99(b) ? a : b));
    const yWebsocket = at('y-websocket');
    // The standing CPU goal: mockloop with its database, per keystroke it stored, against y-websocket per keystroke.
    const cpuRatio = yWebsocket && mockloop.totalCpuUsPerDurableKeystroke !== null ? round2(mockloop.totalCpuUsPerDurableKeystroke / yWebsocket.totalCpuUsPerKeystroke) : null;
    return [
      {
        clients,
        'mockloop p99 ms': mockloop.keystrokeToPeerMs.p99,
        'best other': best.target,
        'its p99 ms': best.keystrokeToPeerMs.p99,
        ratio: round2(mockloop.keystrokeToPeerMs.p99 / best.keystrokeToPeerMs.p99),
        'mockloop µs/durable key': mockloop.totalCpuUsPerDurableKeystroke,
        'y-websocket µs/key': yWebsocket?.totalCpuUsPerKeystroke ?? '-',
        'CPU ratio': cpuRatio ?? '-',
      },
    ];
  });
  if (ratios.length > 0) {
    console.log('\nkeystroke → peer p99, mockloop / the better of Hocuspocus and y-websocket, and CPU per keystroke, mockloop with PostgreSQL per durable keystroke / y-websocket (<= 1.0 is the target for both)');
    console.table(ratios);
  }
  const typingForDrawing = results.filter((result) => result.target === 'mockloop');
  printDrawingReport(drawingResults, DRAWING_RATES, typingForDrawing, KEYS_PER_SECOND, MEASURE_SECONDS);
  const drawing = { rates: DRAWING_RATES, results: drawingResults };
  console.log(JSON.stringify({ machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, pinning: PINNING, keysPerSecond: KEYS_PER_SECOND, measureSeconds: MEASURE_SECONDS, results, ratios, drawing }));
  void saveJson(results, ratios, drawing);
}

async function saveJson(results: RunResult[], ratios: unknown[], drawing: unknown): Promise<void> {
  const folder = path.join(PROJECT_ROOT, '.data', 'bench');
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `room-${new Date().toISOString().replaceAll(':', '-')}.json`);
  await writeFile(file, JSON.stringify({ pinning: PINNING, loadAverage: os.loadavg(), keysPerSecond: KEYS_PER_SECOND, measureSeconds: MEASURE_SECONDS, results, ratios, drawing }, null, 2));
  console.log(`\nsaved ${path.relative(PROJECT_ROOT, file)}`);
}

function sum(parts: LoadWorkerResult[], key: 'typed' | 'undelivered' | 'unacknowledged' | 'errors'): number {
  return parts.reduce((total, part) => total + part[key], 0);
}

function mergeCounts(counts: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const count of counts) for (const [code, n] of Object.entries(count)) merged[code] = (merged[code] ?? 0) + n;
  return merged;
}

function sleepUntil(epochMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
