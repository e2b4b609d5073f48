import { IncomingMessage, type ServerResponse } from 'node:http';
import { findMultipartFormProblem, findServerActionBodyProblem, SERVER_ACTION_BODY_LIMIT_BYTES } from '@/lib/http/find-server-action-body-problem';
import { refuseRequest } from './refuse-request';

// How much of a refused oversized body is read and thrown away, so the client finishes sending and reads the 413
// (a server that stops reading mid-upload makes the client see a reset instead). Past this the socket is closed.
const DRAIN_LIMIT_BYTES = 16 * SERVER_ACTION_BODY_LIMIT_BYTES;

function isMultipart(request: IncomingMessage): boolean {
  return request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data') ?? false;
}

/** A POST Next would decode as a server action: a Next-Action header (a fetch), or a form without JavaScript. */
export function isServerActionRequest(request: IncomingMessage): boolean {
  return request.method === 'POST' && (request.headers['next-action'] !== undefined || isMultipart(request));
}

/** Refuses a body over the limit by its Content-Length, before anything reads it. True when it did. */
export function refuseOversizedBody(request: IncomingMessage, response: ServerResponse): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  if (!(length > SERVER_ACTION_BODY_LIMIT_BYTES)) return false;
  tooLarge(request, response);
  return true;
}

function tooLarge(request: IncomingMessage, response: ServerResponse): void {
  answerOnceRead(request, response, 413, `The request body is larger than ${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB.`);
}

/**
 * Answers after reading (and throwing away) the rest of the body: a server that closes the connection while the
 * client is still sending makes it see a reset, not the answer. Past DRAIN_LIMIT_BYTES it stops listening and hangs up.
 */
function answerOnceRead(request: IncomingMessage, response: ServerResponse, status: number, message: string): void {
  response.setHeader('connection', 'close');
  const answer = () => {
    if (!response.headersSent) refuseRequest(response, status, 'INVALID_INPUT', message);
  };
  let drained = 0;
  request.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained <= DRAIN_LIMIT_BYTES) return;
    answer();
    request.socket.destroy();
  });
  request.once('end', answer);
  request.resume();
}

/**
 * Reads a server action's body (at most the limit) and checks it is one React's client could have sent. Answers the
 * request itself (411, 413, 400) and resolves null when not; otherwise resolves a copy of the request carrying
 * the body, for Next to read as it would have read the original.
 */
export async function readServerActionRequest(request: IncomingMessage, response: ServerResponse): Promise<IncomingMessage | null> {
  if (request.headers['content-length'] === undefined) {
    answerOnceRead(request, response, 411, 'A server action request must say its Content-Length.');
    return null;
  }
  const body = await readAtMost(request, SERVER_ACTION_BODY_LIMIT_BYTES);
  if (body === 'too large') {
    // Content-Length promised less than was sent.
    tooLarge(request, response);
    return null;
  }
  if (body === 'aborted') return null;
  const contentType = request.headers['content-type'];
  const problem =
    request.headers['next-action'] !== undefined
      ? await findServerActionBodyProblem(contentType, body)
      : await findMultipartFormProblem(contentType, body);
  if (problem) {
    refuseRequest(response, 400, 'INVALID_INPUT', `Not a valid server action call. ${problem}`);
    return null;
  }
  return replayWithBody(request, body);
}

/** The body, unless it grows past `limit` (reading then stops, the stream still flowing) or the client goes away. */
function readAtMost(request: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too large' | 'aborted') => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish('too large');
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = () => finish('aborted');
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

function replayWithBody(request: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(request.socket);
  replay.method = request.method;
  replay.url = request.url;
  replay.httpVersion = request.httpVersion;
  replay.httpVersionMajor = request.httpVersionMajor;
  replay.httpVersionMinor = request.httpVersionMinor;
  replay.headers = request.headers;
  replay.rawHeaders = request.rawHeaders;
  // Node destroys the socket under a request that ends without being `complete` (it takes it for an aborted upload).
  replay.complete = true;
  replay.push(body);
  replay.push(null);
  return replay;
}
