import { describe, expect, it } from 'vitest';
import { type PickableQuestion, pickQuestions } from './pick-questions';

/** A seeded stand-in for Math.random (mulberry32): the same seed, the same picks. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function question(id: string, overrides: Partial<PickableQuestion> = {}): PickableQuestion {
  return { id, roundKind: 'SQL', difficulty: 'MEDIUM', theme: null, identity: id, ...overrides };
}

const PRODUCT = [
  question('rca-1', { roundKind: 'PRODUCT_SENSE', theme: 'rca' }),
  question('rca-2', { roundKind: 'PRODUCT_SENSE', theme: 'rca' }),
  question('rca-3', { roundKind: 'PRODUCT_SENSE', theme: 'rca' }),
  question('framework-1', { roundKind: 'PRODUCT_SENSE', theme: 'framework' }),
  question('framework-2', { roundKind: 'PRODUCT_SENSE', theme: 'framework' }),
];

describe('pickQuestions', () => {
  it('gives a product round one root-cause and one framework question, whatever the chance', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const [round] = pickQuestions([{ kind: 'PRODUCT_SENSE', count: 2 }], PRODUCT, { uses: new Map(), random: seeded(seed) });
      const themes = round!.map((id) => PRODUCT.find((q) => q.id === id)!.theme).sort();
      expect(themes).toEqual(['framework', 'rca']);
    }
  });

  it('asks the questions these people have met least, before any they have met', () => {
    const uses = new Map([['rca-1', 2], ['rca-2', 1], ['framework-1', 1]]);
    const [round] = pickQuestions([{ kind: 'PRODUCT_SENSE', count: 2 }], PRODUCT, { uses, random: seeded(1) });
    expect(round!.sort()).toEqual(['framework-2', 'rca-3']);
  });

  it('never asks one question twice in a session, nor a version of one already taken', () => {
    const pool = [question('a'), question('b'), question('c'), question('a-v2', { identity: 'a' })];
    const picked = pickQuestions([{ kind: 'SQL', count: 2 }, { kind: 'SQL', count: 2 }], pool, { uses: new Map(), taken: ['b'], random: seeded(3) });
    const all = picked.flat();
    expect(all.map((id) => pool.find((q) => q.id === id)!.identity).sort()).toEqual(['a', 'c']);
    expect(picked[1]).toHaveLength(0);
  });

  it('varies difficulty within a round and puts the easiest first', () => {
    const pool = [
      question('hard-1', { difficulty: 'HARD' }),
      question('hard-2', { difficulty: 'HARD' }),
      question('medium-1'),
      question('medium-2'),
      question('easy-1', { difficulty: 'EASY' }),
      question('easy-2', { difficulty: 'EASY' }),
    ];
    for (let seed = 0; seed < 20; seed += 1) {
      const [round] = pickQuestions([{ kind: 'SQL', count: 3 }], pool, { uses: new Map(), random: seeded(seed) });
      expect(round!.map((id) => id.split('-')[0])).toEqual(['easy', 'medium', 'hard']);
    }
  });

  it('chooses among equals by chance: other seeds, other questions; the same seed, the same questions', () => {
    const pool = Array.from({ length: 12 }, (_, i) => question(`q${i}`));
    const pick = (seed: number) => pickQuestions([{ kind: 'SQL', count: 3 }], pool, { uses: new Map(), random: seeded(seed) })[0]!.join();
    expect(pick(7)).toBe(pick(7));
    expect(new Set(Array.from({ length: 10 }, (_, seed) => pick(seed))).size).toBeGreaterThan(5);
  });

  it('fills a round with what there is when the bank runs short, repeats before none', () => {
    const uses = new Map([['a', 3], ['b', 1]]);
    const [round] = pickQuestions([{ kind: 'SQL', count: 5 }], [question('a'), question('b')], { uses, random: seeded(0) });
    expect(round!.sort()).toEqual(['a', 'b']);
  });
});
