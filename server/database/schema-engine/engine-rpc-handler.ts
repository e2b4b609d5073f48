import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { z } from 'zod';
import { createDatabase } from './database-admin';
import { toConnectionError } from './connection-error';
import { CodedEngineError, describeEngineError } from './engine-error';
import type { JsonRpcPeer, RequestHandler } from './json-rpc-peer';
import { RpcFailure } from './json-rpc-peer';
import type { PgMigrationAdapterFactory } from './pg-migration-adapter';
import type { WasmPanicWatch } from './wasm-panic';

/** JSON-RPC error code the native engine uses for every engine error (the details are in `data`). */
const ENGINE_ERROR_CODE = 4466;

// `never` params: each entry hands the CLI's params to the engine unchanged.
type EngineMethod = (engine: SchemaEngine, params: never) => Promise<unknown>;

// The Wasm engine deserializes and validates each method's params itself; they pass through untouched.
const passThrough: Record<string, EngineMethod> = {
  applyMigrations: (engine, params) => engine.applyMigrations(params),
  dbExecute: (engine, params) => engine.dbExecute(params),
  devDiagnostic: (engine, params) => engine.devDiagnostic(params),
  diagnoseMigrationHistory: (engine, params) => engine.diagnoseMigrationHistory(params),
  ensureConnectionValidity: (engine, params) => engine.ensureConnectionValidity(params),
  introspect: (engine, params) => engine.introspect(params),
  introspectSql: (engine, params) => engine.introspectSql(params),
  markMigrationApplied: (engine, params) => engine.markMigrationApplied(params),
  markMigrationRolledBack: (engine, params) => engine.markMigrationRolledBack(params),
  reset: (engine, params) => engine.reset(params),
  schemaPush: (engine, params) => engine.schemaPush(params),
  // The CLI's name for what the Wasm engine calls `version`.
  getDatabaseVersion: (engine, params) => engine.version(params ?? null),
  version: (engine, params) => engine.version(params ?? null),
  debugPanic: async (engine) => engine.debugPanic(),
};

const warmUpParamsSchema = z.looseObject({
  migrationsList: z.unknown(),
  filters: z.unknown(),
});

const createDatabaseParamsSchema = z.object({
  datasource: z.union([
    z.looseObject({ tag: z.literal('ConnectionString'), url: z.string() }),
    z.looseObject({ tag: z.literal('Schema') }),
  ]),
});

const SHADOW_CACHE_MISS = 'shadow DB must be provided through an external factory';

interface EngineRpcContext {
  engine: SchemaEngine;
  adapters: PgMigrationAdapterFactory;
  peer: JsonRpcPeer;
  /** The main database, from --datasource. */
  url: string | undefined;
  /** Fails a request whose engine call panicked instead of letting it wait forever. */
  panics: WasmPanicWatch;
}

/**
 * createMigration and evaluateDataLoss read the schema the migrations produce from a cache; on a miss
 * this Wasm build cannot reach its shadow database ("PostgreSQL shadow DB must be provided through an
 * external factory"). devDiagnostic over the same migrations fills the cache through a path that can,
 * so on that error we run it and try once more. Nothing was written before the error, so a retry is safe.
 */
async function withShadowCacheWarmUp(engine: SchemaEngine, params: unknown, run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    const message = (error as { message?: unknown } | null)?.message;
    if (typeof message !== 'string' || !message.includes(SHADOW_CACHE_MISS)) throw error;
    const { migrationsList, filters } = warmUpParamsSchema.parse(params);
    await engine.devDiagnostic({ migrationsList, filters } as Parameters<SchemaEngine['devDiagnostic']>[0]);
    return run();
  }
}

async function createDatabaseFor(params: unknown, mainUrl: string | undefined): Promise<{ databaseName: string }> {
  const { datasource } = createDatabaseParamsSchema.parse(params);
  const url = datasource.tag === 'ConnectionString' ? datasource.url : mainUrl;
  if (url === undefined) throw new CodedEngineError('P1012', 'No datasource URL was given to create a database for.');
  try {
    return { databaseName: await createDatabase(url) };
  } catch (error) {
    throw toConnectionError(error, url);
  }
}

async function diffAndPrint(context: EngineRpcContext, params: unknown): Promise<unknown> {
  const result = await context.engine.diff(params as Parameters<SchemaEngine['diff']>[0]);
  // The native engine hands its output to the CLI through a `print` request and returns no stdout;
  // the CLI adds a newline after the content.
  if (result.stdout) await context.peer.request('print', { content: result.stdout.replace(/\n$/, '') });
  return { ...result, stdout: null };
}

async function dispatch(context: EngineRpcContext, method: string, params: unknown): Promise<unknown> {
  const { engine } = context;
  switch (method) {
    case 'createDatabase':
      return createDatabaseFor(params, context.url);
    case 'diff':
      return diffAndPrint(context, params);
    case 'createMigration':
      return withShadowCacheWarmUp(engine, params, () => engine.createMigration(params as Parameters<SchemaEngine['createMigration']>[0]));
    case 'evaluateDataLoss':
      return withShadowCacheWarmUp(engine, params, () => engine.evaluateDataLoss(params as Parameters<SchemaEngine['evaluateDataLoss']>[0]));
    default: {
      const forward = passThrough[method];
      if (!forward) throw new RpcFailure({ code: -32601, message: `Method not found: ${method}` });
      return forward(engine, params as never);
    }
  }
}

/** Answers the CLI's requests with the Wasm engine, shaping errors the way the CLI reads them. */
export function createEngineRpcHandler(context: EngineRpcContext, onPanic: () => void): RequestHandler {
  return async (method, params) => {
    try {
      return await context.panics.guard(() => dispatch(context, method, params));
    } catch (error) {
      if (error instanceof RpcFailure) throw error;
      const data = describeEngineError(error, context.adapters.errorRegistry);
      if (data.is_panic) onPanic();
      // Prisma's CLI shows only the top-level message of a panic: it has to be the panic's own.
      const message = data.is_panic ? data.message : 'An error happened. Check the data field for details.';
      throw new RpcFailure({ code: ENGINE_ERROR_CODE, message, data });
    }
  };
}
