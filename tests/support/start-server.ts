import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { developmentCommand, productionCommand } from './production-command';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  output(): string;
  /** Resolves once the server has printed `text` (at any time since it started); rejects after `timeoutMs`. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** SIGTERM, resolved with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartServerOptions {
  env: Record<string, string | undefined>;
  /** Resolves when the server prints its ready line; rejects (with its output) if it exits first. */
  timeoutMs?: number;
  /** Extra node flags, e.g. ['--cpu-prof'] (which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
  /** A command to run node under (e.g. orphan-keeper.ts's): `process` is then that command's process. */
  launcher?: string[];
  /**
   * `development`: `npm run dev`'s server (Next's dev server, compiling on request, its output in .next/dev so the
   * production build beside it is untouched). It runs in a process group of its own, which `stop` ends whole.
   */
  mode?: 'production' | 'development';
}

const READY_LINE = /ready on http:\/\/localhost:(\d+)/;

/**
 * Starts the real production server (`npm start`'s command over the `next build` output) on a free port. Tests
 * talk to it over HTTP and socket.io exactly as browsers do. (`mode: 'development'` starts `npm run dev`'s instead.)
 */
export function startServer({ env, timeoutMs = 60_000, nodeArgs = [], launcher = [], mode = 'production' }: StartServerOptions): Promise<RunningServer> {
  const isDevelopment = mode === 'development';
  const server = isDevelopment ? { env: { NODE_ENV: 'development' as const }, nodeArgs: developmentCommand(PROJECT_ROOT).nodeArgs } : productionCommand(PROJECT_ROOT);
  const [command, ...args] = [...launcher, process.execPath, ...nodeArgs, ...server.nodeArgs];
  const child = spawn(command!, args, {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...server.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: '0',
      SHUTDOWN_TIMEOUT_MS: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Next's dev server may start helper processes; a group of its own lets stop() end them with it.
    detached: isDevelopment,
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const signal = (name: NodeJS.Signals) => {
    if (!isDevelopment || child.pid === undefined) return void child.kill(name);
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is gone already.
    }
  };

  return new Promise<RunningServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      reject(new Error(`server did not become ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        baseUrl: `http://localhost:${port}`,
        port,
        process: child,
        output: () => output,
        waitForOutput: (text, waitMs = 15_000) =>
          new Promise<void>((resolveWait, rejectWait) => {
            if (output.includes(text)) return resolveWait();
            const onChunk = () => {
              if (!output.includes(text)) return;
              stopWaiting();
              resolveWait();
            };
            const waitTimer = setTimeout(() => {
              stopWaiting();
              rejectWait(new Error(`the server did not print "${text}" within ${waitMs} ms:\n${output}`));
            }, waitMs);
            const stopWaiting = () => {
              clearTimeout(waitTimer);
              child.stdout.off('data', onChunk);
              child.stderr.off('data', onChunk);
            };
            // Registered after onData, so `output` already holds the chunk when this runs.
            child.stdout.on('data', onChunk);
            child.stderr.on('data', onChunk);
          }),
        stop: (stopSignal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) signal(stopSignal);
          // The group as well as the server: a helper it started must not outlive it.
          return isDevelopment ? exited.finally(() => signal('SIGKILL')) : exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

/** Runs the server expecting it to fail at start; resolves with its exit code and output. */
export function runServerToExit(env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const production = productionCommand(PROJECT_ROOT);
    const child = spawn(process.execPath, production.nodeArgs, {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...production.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
