import { describe, expect, it } from 'vitest';
import { describeOutcome, judgeSignal, resolveSignalOutcome } from './judge-signal';
import type { SignalRule } from './signal-types';

const FIRST_TWO_MINUTES: SignalRule = { kind: 'TIMED', withinSeconds: 120 };
const BEFORE_CTES: SignalRule = { kind: 'ORDERED', before: 'sql.decomposes-with-ctes', whenPairAbsent: 'MET' };
const NEEDS_PAIR: SignalRule = { kind: 'ORDERED', before: 'design.names-partition-key', whenPairAbsent: 'NOT_MET' };
const seconds = (value: number) => value * 1000;

describe('judgeSignal: timed signals', () => {
  it('is met when marked within the window (grain stated at 1:34)', () => {
    expect(judgeSignal(FIRST_TWO_MINUTES, { markedAtElapsedMs: seconds(94) })).toBe('MET');
  });

  it('is late when marked after the window (grain stated at 3:10)', () => {
    expect(judgeSignal(FIRST_TWO_MINUTES, { markedAtElapsedMs: seconds(190) })).toBe('LATE');
  });

  it('counts exactly 2:00 as within the first two minutes, and one millisecond more as late', () => {
    expect(judgeSignal(FIRST_TWO_MINUTES, { markedAtElapsedMs: 120_000 })).toBe('MET');
    expect(judgeSignal(FIRST_TWO_MINUTES, { markedAtElapsedMs: 120_001 })).toBe('LATE');
  });

  it('is met at the very start of the round', () => {
    expect(judgeSignal(FIRST_TWO_MINUTES, { markedAtElapsedMs: 0 })).toBe('MET');
  });

  it('is not observed without a mark', () => {
    expect(judgeSignal(FIRST_TWO_MINUTES, { markedAtElapsedMs: null })).toBe('NOT_OBSERVED');
  });
});

describe('judgeSignal: ordered signals', () => {
  it('is met when marked strictly before its pair', () => {
    expect(judgeSignal(BEFORE_CTES, { markedAtElapsedMs: seconds(60), pairMarkedAtElapsedMs: seconds(61) })).toBe('MET');
  });

  it('is out of order when marked after its pair', () => {
    expect(judgeSignal(BEFORE_CTES, { markedAtElapsedMs: seconds(300), pairMarkedAtElapsedMs: seconds(200) })).toBe('OUT_OF_ORDER');
  });

  it('is out of order when marked at the same moment as its pair: "before" is strict', () => {
    expect(judgeSignal(BEFORE_CTES, { markedAtElapsedMs: seconds(90), pairMarkedAtElapsedMs: seconds(90) })).toBe('OUT_OF_ORDER');
  });

  it('follows whenPairAbsent when the pair was never marked', () => {
    expect(judgeSignal(BEFORE_CTES, { markedAtElapsedMs: seconds(90), pairMarkedAtElapsedMs: null })).toBe('MET');
    expect(judgeSignal(NEEDS_PAIR, { markedAtElapsedMs: seconds(90) })).toBe('NOT_MET');
  });

  it('is not observed without its own mark, whatever the pair did', () => {
    expect(judgeSignal(BEFORE_CTES, { markedAtElapsedMs: null, pairMarkedAtElapsedMs: seconds(10) })).toBe('NOT_OBSERVED');
  });
});

describe('judgeSignal: presence signals', () => {
  it('is met whenever marked, and not observed otherwise', () => {
    expect(judgeSignal({ kind: 'PRESENCE' }, { markedAtElapsedMs: seconds(2400) })).toBe('MET');
    expect(judgeSignal({ kind: 'PRESENCE' }, { markedAtElapsedMs: null })).toBe('NOT_OBSERVED');
  });
});

describe('resolveSignalOutcome', () => {
  it('keeps the judgement and applies the interviewer override on top', () => {
    const late = { markedAtElapsedMs: seconds(190) };
    expect(resolveSignalOutcome(FIRST_TWO_MINUTES, late, null)).toEqual({ judgement: 'LATE', isMet: false, isOverridden: false });
    expect(resolveSignalOutcome(FIRST_TWO_MINUTES, late, 'MET')).toEqual({ judgement: 'LATE', isMet: true, isOverridden: true });
    expect(resolveSignalOutcome(FIRST_TWO_MINUTES, { markedAtElapsedMs: 5 }, 'NOT_MET')).toMatchObject({ isMet: false, isOverridden: true });
  });
});

describe('describeOutcome', () => {
  it('words a verdict by its rule, and says when it is the interviewer\'s call', () => {
    const at = (ms: number) => resolveSignalOutcome(FIRST_TWO_MINUTES, { markedAtElapsedMs: ms }, null);
    expect(describeOutcome(FIRST_TWO_MINUTES, at(94_000))).toBe('In time');
    expect(describeOutcome(FIRST_TWO_MINUTES, at(190_000))).toBe('Late');
    expect(describeOutcome(BEFORE_CTES, resolveSignalOutcome(BEFORE_CTES, { markedAtElapsedMs: 1, pairMarkedAtElapsedMs: 2 }, null))).toBe('In order');
    expect(describeOutcome(FIRST_TWO_MINUTES, resolveSignalOutcome(FIRST_TWO_MINUTES, { markedAtElapsedMs: 190_000 }, 'MET'))).toBe(
      'Met (interviewer’s call)',
    );
  });
});
