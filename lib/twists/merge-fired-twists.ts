import type { FiredTwistView } from './fired-twist-view';

/**
 * The union of two lists of fired twists, in round-time order. A twist is never un-fired, so a view fetched a
 * moment before a `twist:fired` broadcast must not drop the twist the broadcast already added.
 */
export function mergeFiredTwists(known: readonly FiredTwistView[], incoming: readonly FiredTwistView[]): FiredTwistView[] {
  const byId = new Map<string, FiredTwistView>();
  for (const twist of [...known, ...incoming]) byId.set(twist.id, twist);
  return [...byId.values()].sort((a, b) => a.firedAtElapsedMs - b.firedAtElapsedMs || a.firedAt.localeCompare(b.firedAt));
}
