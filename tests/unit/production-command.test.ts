import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/start-server';
import { nodeArgsOf, productionNodeArgs } from '../support/production-command';

describe('the production command that tests and the benchmark run', () => {
  it('is npm start without its environment assignments and node', () => {
    expect(nodeArgsOf('NODE_ENV=production node --heap-growing-percent=50 --import tsx server/index.ts')).toEqual([
      '--heap-growing-percent=50',
      '--import',
      'tsx',
      'server/index.ts',
    ]);
  });

  it('refuses a start script it cannot reproduce', () => {
    expect(() => nodeArgsOf('tsx server/index.ts')).toThrow(/expected/);
    expect(() => nodeArgsOf('cd server && node index.js')).toThrow(/expected/);
  });

  it('reads package.json: the built server, with V8 collecting before the heap grows by half', () => {
    const args = productionNodeArgs(PROJECT_ROOT);
    expect(args.at(-1)).toBe('.next/mockloop-server.mjs');
    expect(args).toContain('--heap-growing-percent=50');
  });
});
