import type { ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { INVALID_ACTION_CALL_DIGEST, INVALID_ACTION_CALL_MESSAGE } from '@/lib/http/is-form-action-call';
import { refuseRequest } from './refuse-request';

// Next answers a server action that throws with a 500, whatever was thrown; only its body tells errors apart, by
// digest. An action refusing arguments it cannot take throws an error with INVALID_ACTION_CALL_DIGEST
// (assertFormActionCall): this holds back a server action's 500 until it is complete, and answers a 400 instead
// when the body carries that digest. Any other 500 goes out as Next wrote it.

const MARKER = `"digest":"${INVALID_ACTION_CALL_DIGEST}"`;

type WriteCallback = (error?: Error | null) => void;

/** The body as Next meant it: its compression middleware sits above this and hands us compressed bytes. */
function decoded(body: Buffer, encoding: unknown): string {
  try {
    if (encoding === 'gzip') return gunzipSync(body).toString();
    if (encoding === 'br') return brotliDecompressSync(body).toString();
    if (encoding === 'deflate') return inflateSync(body).toString();
    return body.toString();
  } catch {
    return '';
  }
}

function toBuffer(chunk: unknown, encoding?: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

export function answerInvalidActionCallsWith400(response: ServerResponse): void {
  const { writeHead, write, end } = response;
  let held: { head: unknown[]; chunks: Buffer[] } | null = null;

  // Node's implicit headers (a first write, flushHeaders) go through this.writeHead too, so a status set as
  // `statusCode = 500` is caught here; while held, every later call (flushHeaders calls it again) only updates it.
  response.writeHead = function (this: ServerResponse, ...head: unknown[]) {
    if (held !== null) {
      held.head = head;
      return this;
    }
    if (head[0] === 500) {
      held = { head, chunks: [] };
      return this;
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).apply(this, head);
  } as ServerResponse['writeHead'];

  response.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (held === null) return (write as (...args: unknown[]) => boolean).call(this, chunk, encoding, callback);
    held.chunks.push(toBuffer(chunk, encoding));
    const done = (typeof encoding === 'function' ? encoding : callback) as WriteCallback | undefined;
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse['write'];

  response.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (held === null) return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
    const { head, chunks } = held;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
    response.writeHead = writeHead;
    response.write = write;
    response.end = end;
    const body = Buffer.concat(chunks);
    const done = [chunk, encoding, callback].find((value) => typeof value === 'function') as WriteCallback | undefined;
    if (decoded(body, response.getHeader('content-encoding')).includes(MARKER)) {
      response.removeHeader('content-encoding');
      refuseRequest(response, 400, 'INVALID_INPUT', INVALID_ACTION_CALL_MESSAGE);
    } else {
      (writeHead as (...args: unknown[]) => ServerResponse).apply(response, head);
      response.end(body);
    }
    if (done) process.nextTick(done);
    return response;
  } as ServerResponse['end'];
}
