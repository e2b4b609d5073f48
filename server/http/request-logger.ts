import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { logger, type Logger } from '@/lib/log';

/**
 * The log of one HTTP request: every line carries the same request id (and the method), so one request's lines can
 * be told from a concurrent one's. Made when the request first has something to say: nothing is spent on the many
 * requests that log nothing. The path stays out: invite links carry their token in it.
 */
export function requestLogger(request: IncomingMessage): Logger {
  return logger.child({ requestId: randomUUID(), method: request.method });
}
