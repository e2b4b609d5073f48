// Group commit: every item enqueued while a write is in flight goes into the NEXT write, as one statement. Under
// load a batch forms by itself, so durability costs one round trip per batch rather than per update, and an
// idle server writes each update at once. A failed write is retried with backoff; its items stay queued in
// memory (the senders are still waiting for their acknowledgements) until the database takes them. The store may
// refuse some items of a batch it took (a document closed meanwhile): their senders learn it from `enqueue`.

export interface GroupCommitOptions<T> {
  /** Stores the batch; resolves with the items it refused, if any (the rest are stored). */
  write(batch: T[]): Promise<ReadonlySet<T> | void>;
  maxBatch?: number;
  initialRetryMs?: number;
  maxRetryMs?: number;
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
}

interface Entry<T> {
  item: T;
  resolve(isStored: boolean): void;
}

export class GroupCommit<T> {
  private readonly queue: Entry<T>[] = [];
  private isWriting = false;
  private isPumpScheduled = false;
  private failedAttempts = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly maxBatch: number;
  private readonly initialRetryMs: number;
  private readonly maxRetryMs: number;

  constructor(private readonly options: GroupCommitOptions<T>) {
    // Large: on a saturated event loop each write costs a turn of the loop, so the batch size bounds throughput.
    this.maxBatch = options.maxBatch ?? 5_000;
    this.initialRetryMs = options.initialRetryMs ?? 50;
    this.maxRetryMs = options.maxRetryMs ?? 2_000;
  }

  /**
   * Resolves true once the item is durably written, false if the store refused it. Never rejects: a failing store
   * is retried until it recovers.
   */
  enqueue(item: T): Promise<boolean> {
    return new Promise((resolve) => {
      this.queue.push({ item, resolve });
      // setImmediate lets updates that arrive in the same tick share the first write.
      if (!this.isWriting && !this.isPumpScheduled) {
        this.isPumpScheduled = true;
        setImmediate(() => {
          this.isPumpScheduled = false;
          void this.pump();
        });
      }
    });
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  /** True while writes are failing (the queue is held in memory and retried). */
  get isDegraded(): boolean {
    return this.failedAttempts > 0;
  }

  /** Resolves when everything enqueued so far is written (or the timeout passes, resolving false). */
  drain(timeoutMs: number): Promise<boolean> {
    if (!this.isWriting && this.queue.length === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private async pump(): Promise<void> {
    if (this.isWriting) return;
    this.isWriting = true;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch);
      try {
        const refused = await this.options.write(batch.map((entry) => entry.item));
        this.queue.splice(0, batch.length);
        this.failedAttempts = 0;
        for (const entry of batch) entry.resolve(!refused?.has(entry.item));
      } catch (error) {
        this.failedAttempts += 1;
        const delayMs = Math.min(this.maxRetryMs, this.initialRetryMs * 2 ** (this.failedAttempts - 1));
        this.options.onRetry?.(error, this.failedAttempts, delayMs);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
    this.isWriting = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

