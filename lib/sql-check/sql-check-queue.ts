import { AppError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-services';

// A burst of checks must not starve the server: at most `concurrency` run at once (each holds one libuv pool
// thread and up to SQL_CHECK_MEMORY_MB), a few more wait, and the rest are turned away. A check already under
// way for the same key is joined rather than run twice, so a double click costs one run.
//
// A process service (lib/process-services.ts): Next compiles lib/ into several bundles in one process; they must
// share one queue.

const MAX_WAITING = 8;

interface QueueState {
  running: number;
  waiting: (() => void)[];
  inFlight: Map<string, Promise<unknown>>;
}

function state(): QueueState {
  return processSingleton<QueueState>('sqlCheckQueue', () => ({ running: 0, waiting: [], inFlight: new Map() }));
}

export function runInSqlCheckQueue<T>(key: string, concurrency: number, work: () => Promise<T>): Promise<T> {
  const queue = state();
  const joined = queue.inFlight.get(key);
  if (joined) return joined as Promise<T>;
  if (queue.running >= concurrency && queue.waiting.length >= MAX_WAITING) {
    throw new AppError('RATE_LIMITED', 'Too many SQL checks are running right now. Try again in a few seconds.', { retryAfterSeconds: 5 });
  }
  const run = (async () => {
    await acquire(queue, concurrency);
    try {
      return await work();
    } finally {
      release(queue);
    }
  })().finally(() => queue.inFlight.delete(key));
  queue.inFlight.set(key, run);
  return run;
}

async function acquire(queue: QueueState, concurrency: number): Promise<void> {
  if (queue.running < concurrency) {
    queue.running += 1;
    return;
  }
  // The slot is handed over by release(), so a newcomer cannot slip in between.
  await new Promise<void>((resolve) => queue.waiting.push(resolve));
}

function release(queue: QueueState): void {
  const next = queue.waiting.shift();
  if (next) next();
  else queue.running -= 1;
}
