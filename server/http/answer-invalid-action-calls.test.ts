import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { INVALID_ACTION_CALL_DIGEST, INVALID_ACTION_CALL_MESSAGE } from '@/lib/http/is-form-action-call';
import { answerInvalidActionCallsWith400 } from './answer-invalid-action-calls';

// Next's side played by hand: a status set on the response, headers flushed, the flight body written in pieces
// (compressed, as Next's compression middleware hands it down).

let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(respond: (response: ServerResponse) => void): Promise<Response> {
  server = createServer((_request, response) => {
    answerInvalidActionCallsWith400(response);
    respond(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

function nextWrites(response: ServerResponse, status: number, body: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'text/x-component');
  response.setHeader('content-encoding', 'gzip');
  response.flushHeaders();
  const compressed = gzipSync(body);
  response.write(compressed.subarray(0, 10));
  response.write(compressed.subarray(10));
  response.end();
}

describe('answerInvalidActionCallsWith400', () => {
  it('answers a 500 carrying the invalid-call digest with a 400 and its message', async () => {
    const response = await serve((res) => nextWrites(res, 500, `0:{"a":"$@1"}\n1:E{"digest":"${INVALID_ACTION_CALL_DIGEST}"}\n`));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.json()).toEqual({ code: 'INVALID_INPUT', message: INVALID_ACTION_CALL_MESSAGE });
  });

  it('lets any other 500, and any other status, through as Next wrote it', async () => {
    const failure = await serve((res) => nextWrites(res, 500, '0:{"a":"$@1"}\n1:E{"digest":"1234"}\n'));
    expect(failure.status).toBe(500);
    expect(await failure.text()).toBe('0:{"a":"$@1"}\n1:E{"digest":"1234"}\n');
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const success = await serve((res) => nextWrites(res, 200, `0:{"a":"$@1"}\n1:"${INVALID_ACTION_CALL_DIGEST}"\n`));
    expect(success.status).toBe(200);
    expect(await success.text()).toContain(INVALID_ACTION_CALL_DIGEST);
  });
});
