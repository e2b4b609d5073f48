import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { withDatabaseName } from '@/server/database/schema-engine/database-url';
import { readMigrationsList } from '@/server/database/schema-engine/read-migrations-list';
import { wasmSchemaEngineLauncher } from '@/server/database/schema-engine/resolve-schema-engine';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { otherSessionsOnceSettled } from './db-query';
import { PROJECT_ROOT } from './prisma-cli';

const FILTERS = { externalTables: [], externalEnums: [] };

function runLauncher(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // From an unrelated working directory: the launcher must find its project by itself.
  return new Promise((resolve) => {
    execFile(wasmSchemaEngineLauncher, args, { cwd: os.tmpdir() }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/**
 * The CLI's side of the long-running protocol, reduced to what the tests need. Waiting for a message
 * fails as soon as the engine exits, with its stderr: a dead engine must not look like a slow one.
 */
class EngineClient {
  private nextId = 1;
  private readonly messages: unknown[] = [];
  private waiting: (() => void) | undefined;
  private exitCode: number | null | undefined;
  private stderr = '';
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    const stdoutClosed = new Promise<void>((resolve) => {
      createInterface({ input: child.stdout })
        .on('line', (line) => {
          this.messages.push(JSON.parse(line));
          this.waiting?.();
        })
        .on('close', resolve);
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // 'exit' can come before the last stdout lines are read; 'close' waits for the streams.
    this.exited = new Promise((resolve) =>
      child.on('close', (code) => {
        void stdoutClosed.then(() => {
          this.exitCode = code;
          this.waiting?.();
          resolve(code);
        });
      }),
    );
  }

  async nextMessage(): Promise<Record<string, unknown>> {
    while (this.messages.length === 0) {
      if (this.exitCode !== undefined) throw new Error(`the engine exited (${String(this.exitCode)}) without answering:\n${this.stderr}`);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    return this.messages.shift() as Record<string, unknown>;
  }

  send(message: object): void {
    this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  async call(method: string, params?: unknown): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    const response = await this.nextMessage();
    expect(response.id).toBe(id);
    return response;
  }
}

describe('the schema-engine stand-in speaks the native binary protocol', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function scratchDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase('se_protocol');
    cleanups.push(() => database.drop());
    return database;
  }

  function startEngine(url: string): EngineClient {
    const child = spawn(wasmSchemaEngineLauncher, ['--datasource', JSON.stringify({ url })], { cwd: PROJECT_ROOT });
    const client = new EngineClient(child);
    cleanups.push(async () => {
      child.stdin.end();
      await client.exited;
    });
    return client;
  }

  it('--version prints the engine name and the Wasm engine commit', async () => {
    const { code, stdout } = await runLauncher(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^schema-engine-cli [0-9a-f]{40}\n$/);
  });

  it('one-shot commands: a missing database is P1003 on the second stderr line; create and drop work', async () => {
    const { url } = await scratchDatabase();
    const missingUrl = withDatabaseName(url, `${new URL(url).pathname.slice(1)}_extra`);
    const datasource = ['--datasource', JSON.stringify({ url: missingUrl })];
    cleanups.push(() => runLauncher([...datasource, 'cli', 'drop-database']));

    const missing = await runLauncher([...datasource, 'cli', 'can-connect-to-database']);
    expect(missing.code).toBe(1);
    // The CLI drops the first stderr line and parses the rest as JSON.
    const [, ...lines] = missing.stderr.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'ERROR', target: 'schema_engine::logger', fields: expect.objectContaining({ error_code: 'P1003' }) }),
    );

    expect((await runLauncher([...datasource, 'cli', 'create-database'])).code).toBe(0);
    expect((await runLauncher([...datasource, 'cli', 'can-connect-to-database'])).code).toBe(0);
    expect((await runLauncher([...datasource, 'cli', 'drop-database'])).code).toBe(0);
    expect((await runLauncher([...datasource, 'cli', 'can-connect-to-database'])).code).toBe(1);
  });

  it('JSON-RPC: applies migrations, evaluates data loss on a fresh engine, prints diffs back, reports errors, exits 0', async () => {
    const { url } = await scratchDatabase();
    const engine = startEngine(url);
    const migrationsList = await readMigrationsList(path.join(PROJECT_ROOT, 'prisma/migrations'));

    const applied = await engine.call('applyMigrations', { migrationsList, filters: FILTERS });
    expect(applied.result).toEqual({ appliedMigrationNames: migrationsList.migrationDirectories.map((dir) => dir.path) });

    // Defect 4: on a fresh engine this is a shadow cache miss the Wasm build cannot serve by itself.
    const schema = { files: [{ path: 'schema.prisma', content: `datasource db {\n  provider = "postgresql"\n}\nmodel Only {\n  id Int @id\n}\n` }] };
    const dataLoss = await engine.call('evaluateDataLoss', { migrationsList, schema, filters: FILTERS });
    expect(dataLoss.error).toBeUndefined();
    expect(dataLoss.result).toMatchObject({ migrationSteps: expect.any(Number) });

    engine.send({ jsonrpc: '2.0', id: 100, method: 'diff', params: { from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...schema }, script: true, exitCode: true, filters: FILTERS } });
    const print = await engine.nextMessage();
    expect(print).toMatchObject({ method: 'print', params: { content: expect.stringContaining('CREATE TABLE "Only"') } });
    engine.send({ jsonrpc: '2.0', id: print.id, result: {} });
    expect(await engine.nextMessage()).toEqual({ jsonrpc: '2.0', id: 100, result: { exitCode: 2, stdout: null } });

    const userError = await engine.call('markMigrationRolledBack', { migrationName: 'never_applied' });
    expect(userError.error).toMatchObject({ code: 4466, data: { is_panic: false, error_code: expect.stringMatching(/^P\d{4}$/) } });
    const unknown = await engine.call('noSuchMethod', {});
    expect(unknown.error).toMatchObject({ code: -32601 });
    const version = await engine.call('getDatabaseVersion');
    expect(version.result).toEqual(expect.stringContaining('PostgreSQL'));

    engine.child.stdin.end();
    expect(await engine.exited).toBe(0);
    expect(await otherSessionsOnceSettled(url)).toEqual([]);
  });

  it('JSON-RPC: a panic answers with its own message and is_panic, later requests fail at once, exit is 101', async () => {
    const { url } = await scratchDatabase();
    const engine = startEngine(url);

    const panic = await engine.call('debugPanic');
    expect(panic.error).toMatchObject({ code: 4466, data: { is_panic: true } });
    const { message } = panic.error as { message: string };
    // The message Prisma's CLI shows: the panic's own, not the generic "check the data field".
    expect(message).toMatch(/panic/i);
    expect(message).not.toMatch(/Check the data field|set_message/);

    // The trapped Wasm instance is not used again.
    const after = await engine.call('getDatabaseVersion');
    expect(after.error).toMatchObject({ code: 4466, message, data: { is_panic: true } });

    engine.child.stdin.end();
    expect(await engine.exited).toBe(101);
  });

  // The engine polls its futures from microtasks, so a panic inside a catalog query (as the PostgreSQL 18
  // "char" one was) is thrown there and never settles the engine's promise: the request waited forever.
  it('a panic thrown outside the engine call still fails the request in flight, with the panic message', async () => {
    const { url } = await scratchDatabase();
    const moduleUrl = (name: string) => JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'server/database/schema-engine', name)).href);
    const script = `
      const { createWasmSchemaEngine } = await import(${moduleUrl('load-wasm-engine.ts')});
      const { createPgMigrationAdapterFactory } = await import(${moduleUrl('pg-migration-adapter.ts')});
      const { WasmPanicWatch } = await import(${moduleUrl('wasm-panic.ts')});
      const adapters = createPgMigrationAdapterFactory({ url: ${JSON.stringify(url)} });
      const engine = await createWasmSchemaEngine({ datamodels: undefined }, () => {}, adapters);
      const panics = new WasmPanicWatch();
      panics.start();
      const outcome = await panics
        .guard(() => new Promise(() => queueMicrotask(() => engine.debugPanic())))
        .then(() => 'settled', (error) => error.name + ': ' + error.message);
      await adapters.close();
      process.stdout.write(JSON.stringify({ outcome, panicked: panics.panicked }));
    `;
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs'), '--input-type=module', '-e', script],
        { cwd: PROJECT_ROOT, timeout: 20_000 },
        (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out, stderr: err }),
      );
    });
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ outcome: expect.stringMatching(/^WasmEnginePanic: .*panic/i), panicked: true });
    // Logged the way the CLI reads engine errors, too.
    expect(stderr).toContain('"is_panic":true');
  });
});
