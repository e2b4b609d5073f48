import type { RoundKind } from './round-kind';

// Which rounds' editors hold SQL, and whether they colour it from the start (issue 24 item 7). The interviewer of the
// round may turn the colours on or off for everyone in the room (set-sql-highlighting.ts).

/** Queries in the SQL round, the schema's DDL in the modeling round; the other rounds write Python or prose. */
const SQL_EDITOR_KINDS: ReadonlySet<RoundKind> = new Set<RoundKind>(['SQL', 'DATA_MODELING']);

export function hasSqlEditor(kind: RoundKind): boolean {
  return SQL_EDITOR_KINDS.has(kind);
}

/** Off in the SQL round, as on the real loop's plain-text pad; on where the editor holds a schema being designed. */
export function isSqlHighlightingOnByDefault(kind: RoundKind): boolean {
  return kind === 'DATA_MODELING';
}
