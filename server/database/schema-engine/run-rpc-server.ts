import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliDatasource } from './cli-arguments';
import { createEngineRpcHandler } from './engine-rpc-handler';
import { JsonRpcPeer } from './json-rpc-peer';
import { createWasmSchemaEngine } from './load-wasm-engine';
import { createPgMigrationAdapterFactory } from './pg-migration-adapter';
import { forwardEngineLog } from './stderr-log';
import { WasmPanicWatch } from './wasm-panic';

export const EXIT_PANIC = 101;

export interface RpcServerOptions {
  datamodelPaths: string[];
  datasource: CliDatasource;
}

async function readDatamodels(paths: string[]): Promise<[string, string][] | undefined> {
  if (paths.length === 0) return undefined;
  return Promise.all(
    paths.map(async (file): Promise<[string, string]> => [file, await readFile(path.resolve(file), 'utf8')]),
  );
}

/**
 * The long-running mode: JSON-RPC on stdin/stdout until the CLI closes stdin. Resolves with the exit
 * code; the CLI treats 101 as a panic. Prisma's CLI sends SIGTERM right after closing stdin, so the
 * caller must let the returned promise finish (pools closed, shadow databases dropped) before exiting.
 */
export async function runRpcServer({ datamodelPaths, datasource }: RpcServerOptions): Promise<number> {
  const { url, shadowDatabaseUrl } = datasource;
  const adapters = createPgMigrationAdapterFactory({
    url: url ?? '',
    ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}),
  });
  const engine = await createWasmSchemaEngine({ datamodels: await readDatamodels(datamodelPaths) }, forwardEngineLog, adapters);
  const peer = new JsonRpcPeer(process.stdin, process.stdout);
  const panics = new WasmPanicWatch();
  let panicked = false;
  panics.start();
  try {
    await peer.serve(createEngineRpcHandler({ engine, adapters, peer, url, panics }, () => (panicked = true)));
  } finally {
    await adapters.close();
    panicked ||= panics.panicked;
    // A panicked Wasm instance is in an undefined state; freeing it could trap again.
    if (!panicked) engine.free();
    panics.stop();
  }
  return panicked ? EXIT_PANIC : 0;
}
