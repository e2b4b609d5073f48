import { AppError } from '@/lib/errors';
import { RoundStatus } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

// The server-authoritative clock of one round. Stored as: total duration (grows with extensions), time
// already run before the current stretch (elapsedMs), and when the current stretch began (runningSince).
// Remaining time is derived, never stored, so a restart or a reload cannot make it drift.

export const CLOCK_STATUSES = enumValues(RoundStatus);
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export interface RoundClock {
  status: ClockStatus;
  durationMs: number;
  elapsedMs: number;
  /** Epoch ms when the current running stretch began; null unless RUNNING. */
  runningSince: number | null;
}

export const TIMER_COMMANDS = ['start', 'pause', 'resume', 'extend', 'end'] as const;
export type TimerCommand = (typeof TIMER_COMMANDS)[number];

export const MAX_EXTENSION_MS = 60 * 60 * 1000;

export function elapsedAt(clock: RoundClock, now: number): number {
  if (clock.status !== 'RUNNING' || clock.runningSince === null) return clock.elapsedMs;
  return clock.elapsedMs + Math.max(0, now - clock.runningSince);
}

/** Negative once the round runs over: the UI shows that as overtime. */
export function remainingAt(clock: RoundClock, now: number): number {
  return clock.durationMs - elapsedAt(clock, now);
}

export function isOvertime(clock: RoundClock, now: number): boolean {
  return remainingAt(clock, now) < 0;
}

function refuse(message: string): AppError {
  return new AppError('CONFLICT', message);
}

export function applyTimerCommand(clock: RoundClock, command: TimerCommand, now: number, extendByMs = 0): RoundClock {
  switch (command) {
    case 'start':
      if (clock.status !== 'PENDING') throw refuse('This round has already started.');
      return { ...clock, status: 'RUNNING', runningSince: now };
    case 'pause':
      if (clock.status !== 'RUNNING') throw refuse('Only a running round can be paused.');
      return { ...clock, status: 'PAUSED', elapsedMs: elapsedAt(clock, now), runningSince: null };
    case 'resume':
      if (clock.status !== 'PAUSED') throw refuse('Only a paused round can be resumed.');
      return { ...clock, status: 'RUNNING', runningSince: now };
    case 'extend':
      if (clock.status === 'ENDED') throw refuse('This round has ended.');
      if (!Number.isInteger(extendByMs) || extendByMs <= 0 || extendByMs > MAX_EXTENSION_MS) {
        throw new AppError('INVALID_INPUT', 'Extend by between one second and one hour.');
      }
      return { ...clock, durationMs: clock.durationMs + extendByMs };
    case 'end':
      if (clock.status === 'ENDED') throw refuse('This round has already ended.');
      return { ...clock, status: 'ENDED', elapsedMs: elapsedAt(clock, now), runningSince: null };
  }
}

/** m:ss, with a leading minus for overtime (e.g. -1:05 is one minute five seconds over). */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  // Count down in whole seconds the way a wall clock does: 29:59.4 left shows 30:00 until it ticks.
  const totalSeconds = ms < 0 ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${sign}${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** m:ss of time spent, counting whole seconds up (a mark at 1:34.9 reads 1:34). */
export function formatElapsed(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
}
