import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { isProductionProcess } from '@/lib/env';

// The process's log: one JSON object per line in production (`npm start`), for a machine to collect and search; the
// same records as short readable lines in development. Every line keeps the `[mockloop] ` prefix the plain lines
// had, so what people (and tests) grep for is still there, inside `msg`.
//
// Writes are synchronous: the server logs its lifecycle and what goes wrong, never per request or per keystroke, so
// a line costs nothing that matters, and the last lines before process.exit (shutdown, a failed start) are never lost
// in a buffer. No worker thread, no transport.

export type { Logger };

const MESSAGE_PREFIX = '[mockloop] ';

export interface LoggerOptions {
  /** JSON lines when true; readable lines otherwise. */
  isProduction: boolean;
  /** Where lines go; standard output by default. */
  destination?: DestinationStream;
}

export function createLogger({ isProduction, destination }: LoggerOptions): Logger {
  return pino(
    {
      msgPrefix: MESSAGE_PREFIX,
      // "level":"error" rather than 50: readable in any log viewer without a lookup table.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // pino's default serializers already turn `err` into { type, message, stack, ...its own fields }.
    },
    destination ?? (isProduction ? pino.destination({ dest: 1, sync: true }) : readableLines(process.stdout)),
  );
}

/** The process's logger. Modules that handle one socket or one request log through a child with its id. */
export const logger: Logger = createLogger({ isProduction: isProductionProcess() });

/** For modules that take a plain callback (the document registry, the node link, the Redis adapter ...). */
export type LogLine = (message: string, error?: unknown) => void;

/** A LogLine writing at `level`; the error, when given, goes out with its stack under `err`. */
export function logLineAt(level: Level, to: Logger = logger): LogLine {
  return (message, error) => (error === undefined ? to[level](message) : to[level]({ err: error }, message));
}

/**
 * The one line a server that cannot start leaves, plain in every mode: it is what an operator reads at the
 * terminal, before any log collection is in place.
 */
export function writeStartFailure(message: string): void {
  process.stderr.write(`${MESSAGE_PREFIX}could not start: ${message}\n`);
}

const OWN_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err']);

/** Development's destination: `12:00:01.234 INFO  [mockloop] message key=value`, then an error's stack indented. */
export function readableLines(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      const record = JSON.parse(line) as Record<string, unknown>;
      const time = typeof record.time === 'string' ? record.time.slice(11, 23) : '';
      const level = String(record.level).toUpperCase().padEnd(5);
      const fields = Object.entries(record)
        .filter(([key]) => !OWN_FIELDS.has(key))
        .map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join('');
      out.write(`${time} ${level} ${String(record.msg)}${fields}\n${describeError(record.err)}`);
    },
  };
}

function describeError(err: unknown): string {
  if (err === undefined) return '';
  const text = typeof err === 'object' && err !== null && 'stack' in err ? String(err.stack) : JSON.stringify(err);
  return `${text.replace(/^/gm, '    ')}\n`;
}
