import { describe, expect, it } from 'vitest';
import { LatestAnswerGate } from './latest-answer-gate';

describe('LatestAnswerGate', () => {
  it('drops an answer that arrives after a newer one was accepted', () => {
    const gate = new LatestAnswerGate();
    const roundEnded = gate.next();
    const sessionCompleted = gate.next();
    expect(gate.accept(sessionCompleted)).toBe(true);
    expect(gate.accept(roundEnded)).toBe(false);
  });

  it('accepts answers that arrive in order, and never the same one twice', () => {
    const gate = new LatestAnswerGate();
    const first = gate.next();
    const second = gate.next();
    expect(gate.accept(first)).toBe(true);
    expect(gate.accept(second)).toBe(true);
    expect(gate.accept(second)).toBe(false);
  });
});
