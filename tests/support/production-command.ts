import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The node arguments of `npm start` (its flags and script, without the leading env assignments and `node`), so
 * tests and the benchmark run the server exactly as production does: a flag added there is tested here.
 */
export function productionNodeArgs(projectRoot: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return nodeArgsOf(manifest.scripts?.start ?? '');
}

export function nodeArgsOf(command: string): string[] {
  const words = command.trim().split(/\s+/);
  const nodeAt = words.indexOf('node');
  if (nodeAt === -1 || words.slice(0, nodeAt).some((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word))) {
    throw new Error(`expected "[NAME=value ...] node <args>", got "${command}"`);
  }
  return words.slice(nodeAt + 1);
}
