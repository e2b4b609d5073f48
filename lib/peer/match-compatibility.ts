import { MAX_LOOP_ROUNDS } from '@/lib/rounds/loop-templates';
import { ROUND_KINDS, type RoundKind } from '@/lib/rounds/round-kind';
import { PEER_LEVELS, type PeerLevelName } from './peer-level';

// Who may practise with whom. Pure rules: request-match.ts asks PostgreSQL the same questions in SQL (so the
// candidate rows can be locked), and these functions are the specification both are tested against.

/** "Now" means: from now until this much later. */
export const NOW_WINDOW_MS = 15 * 60_000;

/** Levels may differ by at most this many steps (E5 meets E4, E5 or E6; E6 never meets E4). */
export const MAX_LEVEL_STEPS = 1;

/** Each shared kind becomes two rounds (one each way), and a loop has at most MAX_LOOP_ROUNDS rounds. */
export const MAX_PEER_ROUND_KINDS = Math.floor(MAX_LOOP_ROUNDS / 2);

export interface MatchWindow {
  start: Date;
  end: Date;
}

export interface MatchAsk {
  userId: string;
  roundKinds: readonly RoundKind[];
  level: PeerLevelName;
  window: MatchWindow;
}

export function nowWindow(now: Date): MatchWindow {
  return { start: now, end: new Date(now.getTime() + NOW_WINDOW_MS) };
}

/** The kinds both asked for, in the loop's order, at most MAX_PEER_ROUND_KINDS of them. */
export function sharedRoundKinds(a: readonly RoundKind[], b: readonly RoundKind[]): RoundKind[] {
  return ROUND_KINDS.filter((kind) => a.includes(kind) && b.includes(kind)).slice(0, MAX_PEER_ROUND_KINDS);
}

/** The levels a request at `level` may be matched with. */
export function reachableLevels(level: PeerLevelName): PeerLevelName[] {
  const index = PEER_LEVELS.indexOf(level);
  return PEER_LEVELS.filter((_, other) => Math.abs(other - index) <= MAX_LEVEL_STEPS);
}

/** Half-open windows [start, end) overlap when each starts before the other ends. */
export function windowsOverlap(a: MatchWindow, b: MatchWindow): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export function areCompatible(a: MatchAsk, b: MatchAsk): boolean {
  return (
    a.userId !== b.userId &&
    sharedRoundKinds(a.roundKinds, b.roundKinds).length > 0 &&
    reachableLevels(a.level).includes(b.level) &&
    windowsOverlap(a.window, b.window)
  );
}

/** When a matched pair meets: the start of their overlap, or null when that is already now (or past). */
export function meetingTime(a: MatchWindow, b: MatchWindow, now: Date): Date | null {
  const start = Math.max(a.start.getTime(), b.start.getTime());
  return start > now.getTime() + 60_000 ? new Date(start) : null;
}
