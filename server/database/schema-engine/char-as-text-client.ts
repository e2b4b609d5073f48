import pg from 'pg';

const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryCallback = (error: Error | null, result: unknown) => void;

function isFieldList(value: unknown): value is pg.FieldDef[] {
  return Array.isArray(value);
}

function reportCharAsText(result: unknown): unknown {
  // A multi-statement simple query resolves to one result per statement.
  const results = Array.isArray(result) ? result : [result];
  for (const each of results) {
    const fields: unknown = (each as { fields?: unknown } | null)?.fields;
    if (!isFieldList(fields)) continue;
    for (const field of fields) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/**
 * A pg client that reports PostgreSQL's one-byte `"char"` columns (OID 18, e.g. pg_class.relkind) as
 * text. @prisma/adapter-pg 7.10.1 has no column type for OID 18 and fails the schema engine's catalog
 * queries with "Column type 'char' could not be deserialized". pg already parses the value as a
 * string, so only the reported type needs to change.
 */
export class CharAsTextClient extends pg.Client {
  // pg's query has a dozen overloads (promise, callback, submittable); one variadic override covers
  // them, and only `any` is assignable to all their return types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const callbackAt = args.findIndex((arg) => typeof arg === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as QueryCallback;
      args[callbackAt] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : reportCharAsText(result));
    }
    const result: unknown = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (callbackAt < 0 && result instanceof Promise) return result.then(reportCharAsText);
    return result;
  }
}
