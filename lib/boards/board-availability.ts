import type { RoundKind } from '@/lib/rounds/round-kind';

/** The rounds that are drawn (a pipeline, a schema) show the board from the start; the others on request. */
const DRAWN_ROUND_KINDS: ReadonlySet<RoundKind> = new Set<RoundKind>(['DATA_MODELING', 'SYSTEM_DESIGN']);

export function isBoardOnByDefault(kind: RoundKind): boolean {
  return DRAWN_ROUND_KINDS.has(kind);
}
