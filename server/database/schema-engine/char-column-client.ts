import pg from 'pg';

const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryCallback = (error: Error | null, result: unknown) => void;

/** Result rows (by identity) → the indexes of their `"char"` columns. */
const charColumnsByRows = new WeakMap<object, number[]>();

function isFieldList(value: unknown): value is pg.FieldDef[] {
  return Array.isArray(value);
}

function markCharColumns(result: unknown): unknown {
  // A multi-statement simple query resolves to one result per statement.
  const results = Array.isArray(result) ? result : [result];
  for (const each of results) {
    const { fields, rows } = (each ?? {}) as { fields?: unknown; rows?: unknown };
    if (!isFieldList(fields) || typeof rows !== 'object' || rows === null) continue;
    const charColumns: number[] = [];
    fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length > 0) charColumnsByRows.set(rows, charColumns);
  }
  return result;
}

/**
 * The indexes of the columns of a result that PostgreSQL typed `"char"` (OID 18), looked up by the
 * identity of its rows array: adapter-pg hands pg's rows array through to its SqlResultSet unchanged,
 * while the field types it derives the column types from are lost on the way.
 */
export function charColumnsOf(rows: object): readonly number[] {
  return charColumnsByRows.get(rows) ?? [];
}

/**
 * A pg client that hides PostgreSQL's one-byte `"char"` type (OID 18: pg_class.relkind,
 * pg_constraint.contype …) from @prisma/adapter-pg 7.10.1, which has no column type for it and fails
 * the schema engine's catalog queries with "Column type 'char' could not be deserialized". The field is
 * reported as text so the adapter accepts it (pg already parses the value as a string), and the column
 * is remembered so the adapter wrapper can restore the type the engine expects: `Character`
 * (see MigrationSqlAdapter). Text is not enough: the engine reads some of these columns as a char only.
 */
export class CharColumnClient extends pg.Client {
  // pg's query has a dozen overloads (promise, callback, submittable); one variadic override covers
  // them, and only `any` is assignable to all their return types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const callbackAt = args.findIndex((arg) => typeof arg === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as QueryCallback;
      args[callbackAt] = (error: Error | null, result: unknown) => callback(error, error ? result : markCharColumns(result));
    }
    const result: unknown = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (callbackAt < 0 && result instanceof Promise) return result.then(markCharColumns);
    return result;
  }
}
