import { describe, expect, it } from 'vitest';
import { areCompatible, meetingTime, nowWindow, reachableLevels, sharedRoundKinds, windowsOverlap, type MatchAsk } from './match-compatibility';

const now = new Date('2026-11-24T15:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

function ask(overrides: Partial<MatchAsk> = {}): MatchAsk {
  return { userId: 'a', roundKinds: ['SQL'], level: 'E6', window: nowWindow(now), ...overrides };
}

describe('match compatibility', () => {
  it('matches two different users who share a kind, a level and a window', () => {
    expect(areCompatible(ask(), ask({ userId: 'b' }))).toBe(true);
  });

  it('never matches a user with themselves', () => {
    expect(areCompatible(ask(), ask())).toBe(false);
  });

  it('needs at least one round kind in common', () => {
    expect(areCompatible(ask({ roundKinds: ['SQL', 'PYTHON_ETL'] }), ask({ userId: 'b', roundKinds: ['PYTHON_ETL'] }))).toBe(true);
    expect(areCompatible(ask({ roundKinds: ['SQL'] }), ask({ userId: 'b', roundKinds: ['BEHAVIORAL'] }))).toBe(false);
  });

  it('allows levels one step apart, not two', () => {
    expect(reachableLevels('E4')).toEqual(['E4', 'E5']);
    expect(reachableLevels('E6')).toEqual(['E5', 'E6', 'E7']);
    expect(areCompatible(ask({ level: 'E5' }), ask({ userId: 'b', level: 'E6' }))).toBe(true);
    expect(areCompatible(ask({ level: 'E4' }), ask({ userId: 'b', level: 'E6' }))).toBe(false);
    expect(areCompatible(ask({ level: 'E7' }), ask({ userId: 'b', level: 'E5' }))).toBe(false);
  });

  it('needs the time windows to overlap; "now" is the next 15 minutes', () => {
    expect(nowWindow(now)).toEqual({ start: now, end: at(15) });
    expect(windowsOverlap({ start: at(0), end: at(15) }, { start: at(14), end: at(60) })).toBe(true);
    // Touching windows do not overlap: one ends as the other starts.
    expect(windowsOverlap({ start: at(0), end: at(15) }, { start: at(15), end: at(60) })).toBe(false);
    expect(areCompatible(ask(), ask({ userId: 'b', window: { start: at(60), end: at(120) } }))).toBe(false);
    expect(areCompatible(ask({ window: { start: at(30), end: at(90) } }), ask({ userId: 'b', window: { start: at(60), end: at(120) } }))).toBe(true);
  });

  it('lists the shared kinds in the loop order, at most four (each becomes two rounds)', () => {
    expect(sharedRoundKinds(['BEHAVIORAL', 'SQL'], ['SQL', 'BEHAVIORAL', 'PYTHON_ETL'])).toEqual(['SQL', 'BEHAVIORAL']);
    const all = ['SQL', 'PYTHON_ETL', 'DATA_MODELING', 'SYSTEM_DESIGN', 'PRODUCT_SENSE', 'BEHAVIORAL'] as const;
    expect(sharedRoundKinds(all, all)).toEqual(['SQL', 'PYTHON_ETL', 'DATA_MODELING', 'SYSTEM_DESIGN']);
  });

  it('schedules a slot match at the start of the overlap, and a "now" match for now', () => {
    expect(meetingTime(nowWindow(at(-2)), nowWindow(now), now)).toBeNull();
    expect(meetingTime({ start: at(30), end: at(90) }, { start: at(60), end: at(120) }, now)).toEqual(at(60));
  });
});
