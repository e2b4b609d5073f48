// The ER diagram's model: what the candidate's CREATE TABLE statements say, before any layout. Pure data, so the
// live room, the report and the Markdown export all draw the same thing from the same document text.

export interface ErColumn {
  name: string;
  /** As written, upper-cased by the parser: `BIGINT`, `DECIMAL(18,6)`; empty when the parser gave none. */
  type: string;
  isPrimaryKey: boolean;
  /** A Hive/Spark `PARTITIONED BY (...)` column: stored as a directory, not in the row, but queryable like one. */
  isPartition: boolean;
}

export interface ErTable {
  /** As written, without a schema prefix (`analytics.dim_user` draws as `dim_user`). */
  name: string;
  columns: ErColumn[];
  /** Some of the statement did not parse (cut off mid-way or a broken column): drawn from what did. */
  isIncomplete: boolean;
  /** 1-based line of the document where its CREATE TABLE starts. */
  line: number;
}

export type ErReferenceKind = 'DECLARED' | 'INFERRED';

export interface ErReference {
  kind: ErReferenceKind;
  fromTable: string;
  fromColumns: string[];
  toTable: string;
  /** Empty when the DDL names only the table (`REFERENCES dim_user`) or the inferred target has no such column. */
  toColumns: string[];
}

export interface ErProblem {
  /** 1-based line of the document where the parser stopped. */
  line: number;
  /** The start of the statement, e.g. `CREATE TABLE dim_user`. */
  statement: string;
  message: string;
  /** True when the table is still drawn from the part that parsed. */
  isDrawnInPart: boolean;
}

export interface ErModel {
  tables: ErTable[];
  references: ErReference[];
  problems: ErProblem[];
}

/** `line 14: CREATE TABLE dim_user … not parsed yet: expected ')'` */
export function describeErProblem(problem: ErProblem): string {
  return `line ${problem.line}: ${problem.statement} … ${problem.isDrawnInPart ? 'drawn in part' : 'not parsed yet'}: ${problem.message}`;
}
