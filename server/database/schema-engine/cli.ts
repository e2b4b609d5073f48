/**
 * A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it: it
 * speaks the binary's command-line and JSON-RPC protocol and runs the Wasm build of the same engine
 * on @prisma/adapter-pg. Started through ./bin/schema-engine (see resolve-schema-engine.ts).
 */
import { CliUsageError, parseCliArguments } from './cli-arguments';
import { wasmEngineVersion } from './load-wasm-engine';
import { runCliCommand } from './run-cli-command';
import { runRpcServer } from './run-rpc-server';
import { writeLogLine } from './stderr-log';

async function main(argv: string[]): Promise<number> {
  const invocation = parseCliArguments(argv);
  switch (invocation.kind) {
    case 'version':
      // `prisma version` shows this line; the hash is the Wasm engine's own commit.
      process.stdout.write(`schema-engine-cli ${await wasmEngineVersion()}\n`);
      return 0;
    case 'one-shot':
      return runCliCommand(invocation.command, invocation.datasource);
    case 'rpc-server':
      return runRpcServer(invocation);
  }
}

// Prisma's CLI stops the engine by closing stdin and sending SIGTERM at once; finishing the clean-up
// (closing pools, dropping temporary shadow databases) matters more than dying on the signal.
process.on('SIGTERM', () => {});
// The CLI may be gone by the time we log; a closed pipe must not turn clean-up into a crash.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof CliUsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeLogLine('ERROR', { message });
    process.exit(1);
  },
);
