import type { DrawingWorkerResult } from './drawing-worker';
import { summarizeLatency, type LatencySummary } from './latency';
import type { StoredLog } from './stored-log';

// The drawing load's numbers: summed over the worker threads into one result per client count, and printed next
// to the typing load's (mockloop only: Hocuspocus and y-websocket have no board to draw on).

export interface DrawingRates {
  movesPerSecond: number;
  gestureMs: number;
  pauseMs: number;
}

export interface DrawingRunResult {
  clients: number;
  strokeToPeerMs: LatencySummary;
  moveToPeerMs: LatencySummary;
  settledToPeerMs: LatencySummary;
  ackMs: LatencySummary;
  moves: number;
  gestures: number;
  /** Gestures the rates ask for in the measured window: fewer were made when the generator fell behind. */
  plannedGestures: number;
  settled: number;
  undeliveredMoves: number;
  undeliveredSettled: number;
  unacknowledged: number;
  errors: number;
  errorsByCode: Record<string, number>;
  /** The document log's writes during the measured window, per minute: all pairs, and per pair. */
  storedBytesPerMinute: number | null;
  storedBytesPerPairPerMinute: number | null;
  storedRowsPerMinute: number | null;
  /** The document log's bytes per row written: one settled shape (or, rarely, two merged) each. */
  storedBytesPerRow: number | null;
  serverCpuPercent: number;
  databaseCpuPercent: number | null;
  /** Server + PostgreSQL CPU from the first move until the drain, per second of pointer down / per drawing client-second. */
  totalCpuUsPerGestureSecond: number;
  totalCpuUsPerClientSecond: number;
  /** Awareness messages each client sent per second of drawing (the provider sends at most 10), and the CPU per message. */
  awarenessMessagesPerClientSecond: number;
  totalCpuUsPerAwarenessMessage: number;
  serverPeakRssMiB: number;
  serverEventLoopDelayP99Ms: number | null;
  generatorEventLoopDelayP99Ms: number;
  generatorCpuPercent: number;
  connectSeconds: number;
  affinity: string[];
}

export interface DrawingMeasurement {
  measureSeconds: number;
  serverCpuPercent: number;
  databaseCpuPercent: number | null;
  generatorCpuPercent: number;
  spanCpuSeconds: { server: number; database: number | null; redis: number | null };
  storedLog: StoredLog | null;
  serverPeakRssMiB: number;
  serverEventLoopDelayP99Ms: number | null;
  connectSeconds: number;
  affinity: string[];
}

/** The typing load's figures a drawing run is set against (mockloop at the same client count). */
export interface TypingComparison {
  clients: number;
  totalCpuUsPerKeystroke: number;
  storedLog: StoredLog | null;
}

export function summarizeDrawing(clients: number, parts: DrawingWorkerResult[], rates: DrawingRates, measured: DrawingMeasurement): DrawingRunResult {
  const total = (key: 'moves' | 'gestures' | 'settled' | 'undeliveredMoves' | 'undeliveredSettled' | 'unacknowledged' | 'errors' | 'gestureSecondsInAll' | 'clientSecondsInAll' | 'awarenessMessagesInAll') =>
    parts.reduce((sum, part) => sum + part[key], 0);
  const errorsByCode: Record<string, number> = {};
  for (const part of parts) for (const [code, count] of Object.entries(part.errorsByCode)) errorsByCode[code] = (errorsByCode[code] ?? 0) + count;
  const span = measured.spanCpuSeconds;
  const totalCpuSeconds = span.server + (span.database ?? 0) + (span.redis ?? 0);
  const perMinute = (value: number) => Math.round((value * 60) / measured.measureSeconds);
  const pairs = clients / 2;
  return {
    clients,
    strokeToPeerMs: summarizeLatency(parts.flatMap((part) => part.strokeToPeerMs)),
    moveToPeerMs: summarizeLatency(parts.flatMap((part) => part.moveToPeerMs)),
    settledToPeerMs: summarizeLatency(parts.flatMap((part) => part.settledToPeerMs)),
    ackMs: summarizeLatency(parts.flatMap((part) => part.ackMs)),
    moves: total('moves'),
    gestures: total('gestures'),
    plannedGestures: Math.round((clients * measured.measureSeconds * 1000) / (rates.gestureMs + rates.pauseMs)),
    settled: total('settled'),
    undeliveredMoves: total('undeliveredMoves'),
    undeliveredSettled: total('undeliveredSettled'),
    unacknowledged: total('unacknowledged'),
    errors: total('errors'),
    errorsByCode,
    storedBytesPerMinute: measured.storedLog ? perMinute(measured.storedLog.bytes) : null,
    storedBytesPerPairPerMinute: measured.storedLog ? perMinute(measured.storedLog.bytes / pairs) : null,
    storedRowsPerMinute: measured.storedLog ? perMinute(measured.storedLog.rows) : null,
    storedBytesPerRow: measured.storedLog?.rows ? Math.round(measured.storedLog.bytes / measured.storedLog.rows) : null,
    serverCpuPercent: measured.serverCpuPercent,
    databaseCpuPercent: measured.databaseCpuPercent,
    totalCpuUsPerGestureSecond: Math.round((totalCpuSeconds * 1e6) / total('gestureSecondsInAll')),
    totalCpuUsPerClientSecond: Math.round((totalCpuSeconds * 1e6) / total('clientSecondsInAll')),
    awarenessMessagesPerClientSecond: Math.round((total('awarenessMessagesInAll') / total('clientSecondsInAll')) * 10) / 10,
    totalCpuUsPerAwarenessMessage: Math.round((totalCpuSeconds * 1e6) / total('awarenessMessagesInAll')),
    serverPeakRssMiB: measured.serverPeakRssMiB,
    serverEventLoopDelayP99Ms: measured.serverEventLoopDelayP99Ms,
    generatorEventLoopDelayP99Ms: Math.round(Math.max(...parts.map((part) => part.eventLoopDelayP99Ms)) * 10) / 10,
    generatorCpuPercent: measured.generatorCpuPercent,
    connectSeconds: measured.connectSeconds,
    affinity: measured.affinity,
  };
}

const latency = (summary: LatencySummary) => (summary.count > 0 ? `${summary.p50} / ${summary.p95} / ${summary.p99} / ${summary.max}` : 'none');

export function printDrawingReport(results: DrawingRunResult[], rates: DrawingRates, typing: TypingComparison[], keysPerSecond: number, measureSeconds: number): void {
  if (results.length === 0) return;
  console.log(
    `\ndrawing load (mockloop only: Hocuspocus and y-websocket have no board): every client draws continuously, a gesture of ${rates.gestureMs} ms ` +
      `(pointer moves at ${rates.movesPerSecond}/s, each an in-flight revision in awareness) then ${rates.pauseMs} ms of pointer travel; ` +
      'rectangle, freehand stroke and move of an own shape in turn, each stored at pointer up. Latency p50 / p95 / p99 / max ms:',
  );
  console.table(
    results.map((result) => ({
      clients: result.clients,
      'stroke → peer (sent)': latency(result.strokeToPeerMs),
      'move → peer (incl. throttle)': latency(result.moveToPeerMs),
      'settled → peer': latency(result.settledToPeerMs),
      'ack (durable)': latency(result.ackMs),
      'gestures (planned)': `${result.gestures} (${result.plannedGestures})`,
      errors: result.errors ? `${result.errors} ${JSON.stringify(result.errorsByCode)}` : 0,
      'undelivered moves/shapes, unacked': `${result.undeliveredMoves} / ${result.undeliveredSettled}, ${result.unacknowledged}`,
      'stored KB/min (per pair)': result.storedBytesPerMinute === null ? '-' : `${kb(result.storedBytesPerMinute)} (${kb(result.storedBytesPerPairPerMinute!)})`,
      'stored rows/min': result.storedRowsPerMinute ?? '-',
      'B/row': result.storedBytesPerRow ?? '-',
      'CPU %': result.serverCpuPercent,
      'PostgreSQL CPU %': result.databaseCpuPercent ?? '-',
      'total µs/gesture-s': result.totalCpuUsPerGestureSecond,
      'total µs/client-s': result.totalCpuUsPerClientSecond,
      'awareness msgs/client-s': result.awarenessMessagesPerClientSecond,
      'total µs/msg': result.totalCpuUsPerAwarenessMessage,
      'RSS MiB': result.serverPeakRssMiB,
      'server loop p99 ms': result.serverEventLoopDelayP99Ms ?? '-',
      'generator loop p99 ms': result.generatorEventLoopDelayP99Ms,
      'generator CPU %': result.generatorCpuPercent,
    })),
  );
  const comparisons = results.flatMap((result) => {
    const typed = typing.find((run) => run.clients === result.clients);
    if (!typed) return [];
    const typingPerClientSecond = Math.round(typed.totalCpuUsPerKeystroke * keysPerSecond);
    const typingBytesPerPair = typed.storedLog ? Math.round((typed.storedLog.bytes * 60) / measureSeconds / (result.clients / 2)) : null;
    return [
      {
        clients: result.clients,
        'typing µs/client-s': typingPerClientSecond,
        'drawing µs/client-s': result.totalCpuUsPerClientSecond,
        'CPU ratio': round2(result.totalCpuUsPerClientSecond / typingPerClientSecond),
        'drawing µs/gesture-s': result.totalCpuUsPerGestureSecond,
        'gesture-s ratio': round2(result.totalCpuUsPerGestureSecond / typingPerClientSecond),
        'drawing stored KB/min per pair': result.storedBytesPerPairPerMinute === null ? '-' : kb(result.storedBytesPerPairPerMinute),
        'typing stored KB/min per pair': typingBytesPerPair === null ? '-' : kb(typingBytesPerPair),
      },
    ];
  });
  if (comparisons.length > 0) {
    console.log(
      `\na drawing pair against a typing pair (mockloop with PostgreSQL, CPU from the first keystroke or move to the drain; a typing client-second is ${keysPerSecond} keystrokes; a drawing client-second includes the pauses, a gesture-second is pointer-down time carrying all of it; <= 1.0 is the issue's goal)`,
    );
    console.table(comparisons);
  }
}

function kb(bytes: number): number {
  return Math.round(bytes / 102.4) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
