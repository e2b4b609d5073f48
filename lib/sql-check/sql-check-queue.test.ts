import { describe, expect, it } from 'vitest';
import { runInSqlCheckQueue } from './sql-check-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('runInSqlCheckQueue', () => {
  it('runs at most `concurrency` checks at once, joins a repeated key and turns away a burst', async () => {
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 10 }, deferred);
    const task = (index: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await gates[index]!.promise;
      running -= 1;
      return index;
    };
    const first = runInSqlCheckQueue('q-0', 1, task(0));
    const again = runInSqlCheckQueue('q-0', 1, task(9));
    expect(again).toBe(first);
    const waiting = Array.from({ length: 8 }, (_, index) => runInSqlCheckQueue(`q-${index + 1}`, 1, task(index + 1)));
    expect(() => runInSqlCheckQueue('q-overflow', 1, task(9))).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));

    for (const gate of gates) gate.resolve();
    expect(await Promise.all([first, again, ...waiting])).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(peak).toBe(1);
    // Drained: a new check starts at once.
    expect(await runInSqlCheckQueue('q-0', 1, async () => 'fresh')).toBe('fresh');
  });
});
