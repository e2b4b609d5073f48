import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { estimateClockOffset } from './clock-offset';
import { applyTimerCommand, elapsedAt, formatClock, isOvertime, remainingAt, type RoundClock } from './round-clock';

const THIRTY_MINUTES = 30 * 60 * 1000;
const pending: RoundClock = { status: 'PENDING', durationMs: THIRTY_MINUTES, elapsedMs: 0, runningSince: null };

describe('round clock', () => {
  it('counts down while running, holds while paused, and resumes where it stopped', () => {
    const started = applyTimerCommand(pending, 'start', 1_000);
    expect(remainingAt(started, 61_000)).toBe(THIRTY_MINUTES - 60_000);
    const paused = applyTimerCommand(started, 'pause', 121_000);
    expect(paused).toEqual({ status: 'PAUSED', durationMs: THIRTY_MINUTES, elapsedMs: 120_000, runningSince: null });
    expect(remainingAt(paused, 9_999_999)).toBe(THIRTY_MINUTES - 120_000);
    const resumed = applyTimerCommand(paused, 'resume', 500_000);
    expect(elapsedAt(resumed, 530_000)).toBe(150_000);
  });

  it('extends the duration and reports overtime past zero', () => {
    const started = applyTimerCommand(pending, 'start', 0);
    expect(isOvertime(started, THIRTY_MINUTES)).toBe(false);
    expect(isOvertime(started, THIRTY_MINUTES + 1)).toBe(true);
    const extended = applyTimerCommand(started, 'extend', THIRTY_MINUTES + 5_000, 5 * 60_000);
    expect(remainingAt(extended, THIRTY_MINUTES + 5_000)).toBe(5 * 60_000 - 5_000);
  });

  it('freezes the elapsed time when the round ends', () => {
    const ended = applyTimerCommand(applyTimerCommand(pending, 'start', 0), 'end', 90_000);
    expect(ended).toMatchObject({ status: 'ENDED', elapsedMs: 90_000, runningSince: null });
    expect(remainingAt(ended, 10 ** 9)).toBe(THIRTY_MINUTES - 90_000);
  });

  it.each([
    [pending, 'pause'],
    [pending, 'resume'],
    [{ ...pending, status: 'RUNNING', runningSince: 0 } as RoundClock, 'start'],
    [{ ...pending, status: 'ENDED' } as RoundClock, 'end'],
    [{ ...pending, status: 'ENDED' } as RoundClock, 'extend'],
  ] as const)('refuses %o → %s as a conflict', (clock, command) => {
    expect(() => applyTimerCommand(clock, command, 0, 60_000)).toThrow(AppError);
  });

  it('refuses extensions that are not a positive whole number of ms up to an hour', () => {
    for (const bad of [0, -1, 1.5, 60 * 60 * 1000 + 1]) {
      expect(() => applyTimerCommand(pending, 'extend', 0, bad)).toThrow('Extend by between one second and one hour.');
    }
  });

  it('formats remaining time like a wall clock, with overtime as negative', () => {
    expect(formatClock(THIRTY_MINUTES)).toBe('30:00');
    expect(formatClock(THIRTY_MINUTES - 400)).toBe('30:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-65_000)).toBe('-1:05');
  });
});

describe('estimateClockOffset', () => {
  it('uses the fastest round trip and its midpoint', () => {
    expect(
      estimateClockOffset([
        { sentAt: 1_000, serverNow: 6_100, receivedAt: 1_400 },
        { sentAt: 2_000, serverNow: 7_020, receivedAt: 2_040 },
      ]),
    ).toBe(5_000);
    expect(estimateClockOffset([])).toBe(0);
  });
});
