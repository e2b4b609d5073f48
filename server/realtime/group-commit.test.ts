import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes what arrives during a write as the next single batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const writer = new GroupCommit<number>({
      write: async (batch) => {
        batches.push(batch);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = writer.enqueue(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [writer.enqueue(2), writer.enqueue(3), writer.enqueue(4)];
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps items through failures, retries with backoff, and resolves once written', async () => {
    let failuresLeft = 3;
    const written: string[] = [];
    const delays: number[] = [];
    const writer = new GroupCommit<string>({
      initialRetryMs: 1,
      maxRetryMs: 3,
      write: async (batch) => {
        if (failuresLeft-- > 0) throw new Error('database down');
        written.push(...batch);
      },
      onRetry: (_error, _attempt, delayMs) => delays.push(delayMs),
    });
    const done = writer.enqueue('a');
    expect(await writer.drain(1_000)).toBe(true);
    await done;
    expect(written).toEqual(['a']);
    expect(delays).toEqual([1, 2, 3]);
    expect(writer.isDegraded).toBe(false);
  });

  it('reports a drain that cannot finish in time', async () => {
    const writer = new GroupCommit<number>({ initialRetryMs: 50, write: async () => Promise.reject(new Error('down')) });
    void writer.enqueue(1);
    expect(await writer.drain(20)).toBe(false);
    expect(writer.pendingCount).toBe(1);
    expect(writer.isDegraded).toBe(true);
  });
});
