import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';

// The life of one load-generator thread, whatever load it drives: connect its share of the pairs, say ready,
// start on the main thread's signal (one start time for every thread), send its result with its own event-loop
// lateness, and close its clients when told. Each load's worker (load-worker.ts types, drawing-worker.ts draws)
// supplies the three steps; load-worker.mjs bootstraps the script named in `workerData.script`.

export type MainToWorker = { type: 'go'; startAtEpochMs: number } | { type: 'close' };

export type WorkerToMain<R> = { type: 'ready' } | { type: 'result'; result: R & LoopDelay } | { type: 'closed' } | { type: 'failed'; message: string };

export interface LoopDelay {
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

export interface LoadSteps<R> {
  connect(): Promise<void>;
  /** Drives the load from `startAtEpochMs` and waits for its last messages to land; answers what was measured. */
  run(startAtEpochMs: number): Promise<R>;
  close(): void;
}

/** Pairs connect this many at a time per thread: all at once would time out the first joins behind the last. */
const CONNECT_CONCURRENCY = 16;
// The histogram records each interval between its timer's runs, so a thread that is never late reads as the
// resolution itself: what is reported is the lateness beyond it.
const LOOP_DELAY_RESOLUTION_MS = 10;

export async function connectConcurrently<T>(items: readonly T[], connect: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await connect(item);
    }),
  );
}

export function serveLoadWorker<R>(steps: LoadSteps<R>): void {
  const port = parentPort!;
  const post = (message: WorkerToMain<R>) => port.postMessage(message);
  const main = async () => {
    await steps.connect();
    post({ type: 'ready' });
    const go = await new Promise<MainToWorker>((resolve) => port.once('message', resolve));
    if (go.type !== 'go') return;
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
    loopDelay.enable();
    const result = await steps.run(go.startAtEpochMs);
    loopDelay.disable();
    post({
      type: 'result',
      result: {
        ...result,
        eventLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
        eventLoopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - LOOP_DELAY_RESOLUTION_MS),
      },
    });
    await new Promise((resolve) => port.once('message', resolve));
    steps.close();
    post({ type: 'closed' });
  };
  main().catch((error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
}

/** Waits, polling every 50 ms, until `isSettled` or the deadline. */
export async function drainUntil(isSettled: () => boolean, drainMs: number): Promise<void> {
  const deadline = Date.now() + drainMs;
  while (!isSettled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Errors of every client by code, and their total. */
export function countErrors(errorMaps: Iterable<Map<string, number>>): { errors: number; errorsByCode: Record<string, number> } {
  const errorsByCode: Record<string, number> = {};
  let errors = 0;
  for (const map of errorMaps) {
    for (const [code, count] of map) {
      errorsByCode[code] = (errorsByCode[code] ?? 0) + count;
      errors += count;
    }
  }
  return { errors, errorsByCode };
}
