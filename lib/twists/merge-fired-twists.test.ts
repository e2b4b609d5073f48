import { describe, expect, it } from 'vitest';
import type { FiredTwistView } from './fired-twist-view';
import { mergeFiredTwists } from './merge-fired-twists';

const twist = (id: string, firedAtElapsedMs: number): FiredTwistView => ({
  id,
  roundId: 'round',
  roundQuestionId: 'question',
  twistKey: id,
  title: `Twist ${id}`,
  prompt: 'What now?',
  firedAt: new Date(1_700_000_000_000 + firedAtElapsedMs).toISOString(),
  firedAtElapsedMs,
});

describe('mergeFiredTwists', () => {
  it('keeps a twist a stale view does not know yet', () => {
    expect(mergeFiredTwists([twist('a', 1000)], []).map((t) => t.id)).toEqual(['a']);
  });

  it('lists each twist once however often it arrives (a broadcast and the refreshed view)', () => {
    expect(mergeFiredTwists([twist('a', 1000)], [twist('a', 1000), twist('b', 500)]).map((t) => t.id)).toEqual(['b', 'a']);
  });

  it('orders by round time', () => {
    expect(mergeFiredTwists([twist('late', 9000), twist('early', 10)], [twist('middle', 4000)]).map((t) => t.id)).toEqual(['early', 'middle', 'late']);
  });
});
