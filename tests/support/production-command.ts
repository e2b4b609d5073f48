import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ProductionCommand {
  /** The script's leading `NAME=value` assignments; NODE_ENV=production among them. */
  env: Record<string, string> & { NODE_ENV: 'production' };
  /** Everything after `node`: its flags and the script. */
  nodeArgs: string[];
}

/**
 * `npm start` as tests and the benchmark run it, so the server they start is the one production runs: a flag or
 * variable added there is what they exercise.
 */
export function productionCommand(projectRoot: string): ProductionCommand {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return parseStartScript(manifest.scripts?.start ?? '');
}

export function parseStartScript(command: string): ProductionCommand {
  const words = command.trim().split(/\s+/);
  const nodeAt = words.indexOf('node');
  const assignments = words.slice(0, Math.max(nodeAt, 0)).map((word) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word));
  if (nodeAt === -1 || assignments.some((match) => !match)) {
    throw new Error(`expected "[NAME=value ...] node <args>", got "${command}"`);
  }
  const env: Record<string, string> = Object.fromEntries(assignments.map((match) => [match![1], match![2]]));
  if (env.NODE_ENV !== 'production') throw new Error(`expected the start script to set NODE_ENV=production, got "${command}"`);
  return { env: { ...env, NODE_ENV: 'production' }, nodeArgs: words.slice(nodeAt + 1) };
}

export interface DevelopmentCommand {
  /** Everything after `node`: tsx's loader and the server's entry point. */
  nodeArgs: string[];
}

/**
 * `npm run dev`'s server step as tests run it: its last `tsx <file>` as `node --import tsx <file>`, one process
 * (the tsx command would put a watcher process between the test and the server). The steps before it prepare
 * static files (the board's fonts) that the production build already holds.
 */
export function developmentCommand(projectRoot: string): DevelopmentCommand {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return parseDevScript(manifest.scripts?.dev ?? '');
}

export function parseDevScript(command: string): DevelopmentCommand {
  const serverStep = command.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  if (serverStep.length !== 2 || serverStep[0] !== 'tsx') throw new Error(`expected the dev script to end with "tsx <server entry>", got "${command}"`);
  return { nodeArgs: ['--import', 'tsx', serverStep[1]!] };
}
