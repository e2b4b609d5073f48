import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, isFinal, type SessionStatusName } from './session-lifecycle';

const ALL: SessionStatusName[] = ['SCHEDULED', 'LIVE', 'COMPLETED', 'CANCELLED'];

describe('session lifecycle', () => {
  it('allows exactly scheduled → live → completed, and cancelling an unfinished session', () => {
    const allowed = ALL.flatMap((from) => ALL.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['SCHEDULED→LIVE', 'SCHEDULED→CANCELLED', 'LIVE→COMPLETED', 'LIVE→CANCELLED']);
  });

  it('explains a refused transition', () => {
    expect(() => assertTransition('COMPLETED', 'LIVE')).toThrow('This session has already finished, so it cannot become live.');
    expect(isFinal('CANCELLED')).toBe(true);
    expect(isFinal('LIVE')).toBe(false);
  });
});
