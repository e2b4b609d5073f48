import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/start-server';
import { developmentCommand, parseDevScript, parseStartScript, productionCommand } from '../support/production-command';

describe('the production command that tests and the benchmark run', () => {
  it('is npm start split into its environment assignments and the arguments after node', () => {
    expect(parseStartScript('NODE_ENV=production FOO=bar node --heap-growing-percent=50 .next/mockloop-server.mjs')).toEqual({
      env: { NODE_ENV: 'production', FOO: 'bar' },
      nodeArgs: ['--heap-growing-percent=50', '.next/mockloop-server.mjs'],
    });
  });

  it('refuses a start script it cannot reproduce', () => {
    expect(() => parseStartScript('tsx server/index.ts')).toThrow(/expected/);
    expect(() => parseStartScript('cd server && node index.js')).toThrow(/expected/);
    expect(() => parseStartScript('node .next/mockloop-server.mjs')).toThrow(/NODE_ENV=production/);
  });

  it('reads package.json: the built server in production, with the heap settings the benchmarks chose', () => {
    const { env, nodeArgs } = productionCommand(PROJECT_ROOT);
    expect(env).toEqual({ NODE_ENV: 'production', MALLOC_ARENA_MAX: '2' });
    expect(nodeArgs.at(-1)).toBe('.next/mockloop-server.mjs');
    expect(nodeArgs).toContain('--heap-growing-percent=50');
    expect(nodeArgs).toContain('--max-semi-space-size=64');
  });
});

describe('the development command the dev-server e2e runs', () => {
  it("is the dev script's last step, run by node with tsx's loader", () => {
    expect(parseDevScript('tsx server/static/copy-board-fonts.ts && tsx server/index.ts')).toEqual({ nodeArgs: ['--import', 'tsx', 'server/index.ts'] });
    expect(developmentCommand(PROJECT_ROOT).nodeArgs).toEqual(['--import', 'tsx', 'server/index.ts']);
  });

  it('refuses a dev script it cannot reproduce', () => {
    expect(() => parseDevScript('next dev')).toThrow(/expected/);
    expect(() => parseDevScript('tsx watch server/index.ts')).toThrow(/expected/);
  });
});
