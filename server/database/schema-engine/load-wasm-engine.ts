import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ConstructorOptions, SchemaEngine } from '@prisma/schema-engine-wasm';
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { installWasmPanicRegistry } from './wasm-panic';

type WasmBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

export type EngineLogger = (line: string) => void;

let bindings: Promise<WasmBindings> | undefined;

/**
 * The engine arms a 10 s timer during applyMigrations that it never clears, which kept a finished
 * `applyPendingMigrations` caller alive for 10 more seconds. Its timers need not
 * hold the process open: whatever the engine waits on, a pool socket of its adapter holds it open.
 */
function withUnrefTimers(glue: WasmBindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, delay: number) => setTimeout(callback, delay >>> 0).unref();
  }
  return imports;
}

// The package's own entry imports the .wasm file as an ES module, which Node 20 cannot do without
// --experimental-wasm-modules; instantiating the bytes by hand works everywhere (tsx, vitest, plain node).
async function instantiateBindings(): Promise<WasmBindings> {
  installWasmPanicRegistry();
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = (await import(pathToFileURL(gluePath).href)) as WasmBindings;
  const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue;
}

/** The glue module keeps the Wasm instance in module state, so one instantiation serves the process. */
export function loadWasmBindings(): Promise<WasmBindings> {
  bindings ??= instantiateBindings().catch((error: unknown) => {
    bindings = undefined;
    throw error;
  });
  return bindings;
}

/** Whether this process has loaded the engine (tests: an up-to-date database must not need it). */
export function isWasmEngineLoaded(): boolean {
  return bindings !== undefined;
}

export async function wasmEngineVersion(): Promise<string> {
  return (await loadWasmBindings()).version();
}

export async function createWasmSchemaEngine(
  options: ConstructorOptions,
  log: EngineLogger,
  adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const { SchemaEngine: WasmSchemaEngine } = await loadWasmBindings();
  return WasmSchemaEngine.new(options, log, adapterFactory);
}
