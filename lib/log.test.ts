import { describe, expect, it } from 'vitest';
import { createLogger, logLineAt, readableLines } from './log';

function capture(): { lines: string[]; write(text: string): void } {
  const lines: string[] = [];
  return { lines, write: (text: string) => lines.push(text) };
}

describe('the log in production', () => {
  it('writes one JSON line per record: level by name, the prefixed message, and an error with its stack', () => {
    const out = capture();
    const logger = createLogger({ isProduction: true, destination: out });
    const failure = new Error('the disk is full');

    logger.child({ socketId: 'socket-1' }).error({ err: failure }, 'socket handler failed');

    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]!.endsWith('\n')).toBe(true);
    expect(out.lines[0]!.trim()).not.toContain('\n');
    expect(JSON.parse(out.lines[0]!)).toMatchObject({
      level: 'error',
      msg: '[mockloop] socket handler failed',
      socketId: 'socket-1',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      err: { type: 'Error', message: 'the disk is full', stack: failure.stack },
    });
  });

  it('keeps the text tests and operators look for inside msg, findable by a plain substring match', () => {
    const out = capture();
    logLineAt('info', createLogger({ isProduction: true, destination: out }))('ready on http://localhost:3000 (production, embedded PostgreSQL)');
    expect(out.lines[0]).toMatch(/ready on http:\/\/localhost:(\d+)/);
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ level: 'info', msg: '[mockloop] ready on http://localhost:3000 (production, embedded PostgreSQL)' });
  });
});

describe('the log in development', () => {
  it('writes a readable line with the level, the fields, and the stack indented below', () => {
    const out = capture();
    const logger = createLogger({ isProduction: false, destination: readableLines(out) });
    const failure = new Error('no route to host');

    logger.warn({ err: failure, socketId: 'socket-2' }, 'a relay did not apply');

    const [line, ...stack] = out.lines.join('').trimEnd().split('\n');
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  \[mockloop\] a relay did not apply socketId=socket-2$/);
    expect(stack[0]).toBe('    Error: no route to host');
    expect(stack.length).toBeGreaterThan(1);
  });
});
