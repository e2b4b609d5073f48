import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withLiveTestServer } from '../../support/live-test-server';
import { PROJECT_ROOT } from '../../support/start-server';

// Issue 21: the build precompresses .next/static and the server sends the copies. The largest client chunk is
// the one a browser would wait for longest.
const live = withLiveTestServer();

function largestClientChunk(): string {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.next/build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const [largest] = manifest.rootMainFiles
    .map((file) => ({ file, bytes: readFileSync(path.join(PROJECT_ROOT, '.next', file)).length }))
    .sort((a, b) => b.bytes - a.bytes);
  return largest!.file;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch decodes the body, and these tests check the bytes as sent. */
function rawGet(url: string, acceptEncoding: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('precompressed static files', () => {
  const file = largestClientChunk();
  const url = () => `${live.server.baseUrl}/_next/${file}`;
  const original = readFileSync(path.join(PROJECT_ROOT, '.next', file));

  it('sends brotli to a client that takes it, and the bytes are the file', async () => {
    const response = await rawGet(url(), 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^application\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(response.body).equals(original)).toBe(true);
  });

  it('sends gzip to a client without brotli', async () => {
    const response = await rawGet(url(), 'gzip, deflate');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).equals(original)).toBe(true);
  });

  it('leaves a client that takes neither to Next, which sends the file as it is', async () => {
    const response = await rawGet(url(), 'identity');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(original)).toBe(true);
  });

  it('answers HEAD with the headers and no body, and a file that does not exist with 404', async () => {
    const head = await rawGet(url(), 'br', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    expect((await rawGet(`${live.server.baseUrl}/_next/static/chunks/no-such-chunk.js`, 'br')).status).toBe(404);
    expect((await rawGet(`${live.server.baseUrl}/_next/static/..%2f..%2fpackage.json`, 'br')).status).not.toBe(200);
  });
});
