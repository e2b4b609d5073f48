import type { DuckDBConnection } from '@duckdb/node-api';
import { splitSqlStatements } from './split-sql-answer';

// The sandbox's settings keep an answer away from files, the network, extensions and the configuration, but not
// from DuckDB's own catalog (duckdb_tables(), information_schema, sqlite_master, pragma functions hold the
// fixture's CREATE statements) nor from statements that act on the engine (PRAGMA enable_profiling prints query
// plans to the server's stdout). So an answer must be ONE read-only query over the question's tables, and that is
// checked twice before it runs:
//  1. its syntax tree (json_serialize_sql parses without binding anything, and refuses every statement that is
//     not a SELECT): only the question's tables and the answer's own CTEs by name, no table function but
//     range/generate_series/unnest, no DESCRIBE/SHOW/SUMMARIZE or PIVOT, no error() or settings functions;
//  2. its physical plan (EXPLAIN binds and plans, runs nothing): every scan is of a question's table or of one
//     of those three functions. This catches what the tree cannot see: a catalog view behind a name a CTE
//     shadows elsewhere, or a catalog macro that expands into a scan of duckdb_views().

export class ForbiddenAnswerError extends Error {}

const NOT_ALLOWED = 'Not allowed in the SQL check';

const TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** Scalar functions that read the engine's state, or make a message out of data (error). */
const DENIED_FUNCTIONS = new Set(['error', 'current_setting', 'getvariable', 'getenv', 'current_schemas', 'current_query']);
const DENIED_FUNCTION_PREFIXES = ['duckdb_', 'pg_', 'pragma_', 'sqlite_'];

/**
 * The single query of `answerSql` to run, or ForbiddenAnswerError naming what is not allowed. `statementCount`
 * is DuckDB's count of the answer's statements; of several, each must be a query and only the last one runs
 * (the others cannot change anything the last one sees). `tables`: the question's tables, lower-case.
 */
export async function guardAnswerQuery(connection: DuckDBConnection, answerSql: string, statementCount: number, tables: ReadonlySet<string>): Promise<string> {
  const whole = await serialize(connection, answerSql);
  if (!whole) throw new ForbiddenAnswerError(`${NOT_ALLOWED}: only queries run (SELECT or WITH … SELECT)${await describeNonQuery(connection, answerSql)}.`);

  let query = answerSql;
  if (statementCount > 1) {
    const parts = splitSqlStatements(answerSql);
    const last = parts.at(-1);
    const lastTree = parts.length === statementCount && last ? await serialize(connection, last) : null;
    if (!last || !lastTree || lastTree.length !== 1) throw new ForbiddenAnswerError(`${NOT_ALLOWED}: write each answer as one query.`);
    query = last;
  }
  const tree = await serialize(connection, query);
  if (!tree || tree.length !== 1) throw new ForbiddenAnswerError(`${NOT_ALLOWED}: write each answer as one query.`);

  const inTree = findForbiddenInTree(tree[0], tables, cteNamesOf(tree[0]));
  if (inTree) throw new ForbiddenAnswerError(`${NOT_ALLOWED}: ${inTree}. Only the question's tables are there.`);
  const inPlan = await findForbiddenInPlan(connection, query, tables);
  if (inPlan) throw new ForbiddenAnswerError(`${NOT_ALLOWED}: ${inPlan}. Only the question's tables are there.`);
  return query;
}

/** The statements' syntax trees, or null when one of them is not a SELECT (or does not parse). */
async function serialize(connection: DuckDBConnection, sql: string): Promise<unknown[] | null> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR)', { sql });
  const serialized = JSON.parse(String(reader.getRowsJson()[0]?.[0] ?? '{}')) as { error?: boolean; statements?: { node: unknown }[] };
  if (serialized.error !== false || !Array.isArray(serialized.statements)) return null;
  return serialized.statements.map((statement) => statement.node);
}

/** ": this answer has a PRAGMA statement", from the first statement that is not a query; empty if none is found. */
async function describeNonQuery(connection: DuckDBConnection, answerSql: string): Promise<string> {
  for (const statement of splitSqlStatements(answerSql)) {
    if (await serialize(connection, statement)) continue;
    const keyword = /^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(statement)?.[1];
    if (keyword) return `; this answer has a ${keyword.toUpperCase()} statement`;
  }
  return '';
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return isTree(value) ? Object.values(value) : [];
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}

/** Every CTE name defined anywhere in the query. Scoping is not modelled here; the plan check covers it. */
function cteNamesOf(root: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (isTree(node) && isTree(node.cte_map) && Array.isArray(node.cte_map.map)) {
      for (const entry of node.cte_map.map) if (isTree(entry)) names.add(lower(entry.key));
    }
    for (const child of children(node)) visit(child);
  };
  visit(root);
  return names;
}

function findForbiddenInTree(node: unknown, tables: ReadonlySet<string>, ctes: ReadonlySet<string>): string | null {
  if (isTree(node)) {
    const found = forbiddenNode(node, tables, ctes);
    if (found) return found;
  }
  for (const child of children(node)) {
    const found = findForbiddenInTree(child, tables, ctes);
    if (found) return found;
  }
  return null;
}

function forbiddenNode(node: Tree, tables: ReadonlySet<string>, ctes: ReadonlySet<string>): string | null {
  if (node.type === 'BASE_TABLE') {
    const name = lower(node.table_name);
    if (lower(node.schema_name) || lower(node.catalog_name)) return `${[node.catalog_name, node.schema_name, node.table_name].filter(Boolean).join('.')} (write a table's name alone)`;
    if (!tables.has(name) && !ctes.has(name)) return `"${name}" is not one of the question's tables`;
  }
  if (node.type === 'TABLE_FUNCTION') {
    const name = isTree(node.function) ? lower(node.function.function_name) : '';
    if (!TABLE_FUNCTIONS.has(name)) return `the table function ${name}()`;
  }
  if (node.type === 'SHOW_REF') return 'DESCRIBE, SHOW and SUMMARIZE';
  if (node.type === 'PIVOT') return 'PIVOT and UNPIVOT';
  if (node.class === 'FUNCTION') {
    const name = lower(node.function_name);
    if (lower(node.schema) || lower(node.catalog)) return `the function ${[node.catalog, node.schema, node.function_name].filter(Boolean).join('.')}()`;
    if (DENIED_FUNCTIONS.has(name) || DENIED_FUNCTION_PREFIXES.some((prefix) => name.startsWith(prefix))) return `the function ${name}()`;
  }
  return null;
}

interface PlanNode {
  name?: string;
  children?: PlanNode[];
  extra_info?: { Table?: unknown; Function?: unknown };
}

async function findForbiddenInPlan(connection: DuckDBConnection, query: string, tables: ReadonlySet<string>): Promise<string | null> {
  const reader = await connection.runAndReadAll(`EXPLAIN (FORMAT JSON) ${query}`);
  const plans = reader.getRowsJson().map((row) => JSON.parse(String(row[1])) as PlanNode[]);
  const allowedScans = new Set([...tables].map((table) => `memory.main.${table}`));
  const visit = (node: PlanNode): string | null => {
    const table = node.extra_info?.Table;
    // DuckDB quotes names that are keywords (memory.main."comments"); the fixtures' names have no quotes or dots.
    if (table !== undefined && !allowedScans.has(lower(table).replaceAll('"', ''))) return `reading ${String(table)}`;
    const fn = node.extra_info?.Function;
    if (fn !== undefined && !TABLE_FUNCTIONS.has(lower(fn))) return `reading ${lower(fn)}()`;
    for (const child of node.children ?? []) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  for (const plan of plans) {
    for (const node of plan) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}
