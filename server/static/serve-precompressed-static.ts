import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { acceptedEncoding, type StaticEncoding } from './accepted-encoding';

const STATIC_PREFIX = '/_next/static/';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=UTF-8',
  '.txt': 'text/plain; charset=UTF-8',
  '.html': 'text/html; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
};

interface CompressedCopy {
  file: string;
  bytes: number;
}

export type StaticAssetHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Sends the build's precompressed copies of /_next/static files (precompress-static-assets.ts): brotli to clients
 * that take it, gzip to the rest. Returns false for anything else (no copy, another path, a client that takes
 * neither), which Next then serves as before. The copies are listed once at start: the build never changes under
 * a running server, and a request never touches the file system to find out. Only listed files are ever opened,
 * so no URL can name a path of its own.
 */
export async function createPrecompressedStaticHandler(staticDir: string): Promise<StaticAssetHandler> {
  const copies = new Map<string, Partial<Record<StaticEncoding, CompressedCopy>>>();
  async function scan(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // No build output (dev): nothing to serve from here.
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await scan(full);
        continue;
      }
      const encoding: StaticEncoding | null = entry.name.endsWith('.br') ? 'br' : entry.name.endsWith('.gz') ? 'gzip' : null;
      if (!encoding) continue;
      const original = full.slice(0, -'.br'.length); // '.gz' is as long
      const urlPath = STATIC_PREFIX + path.relative(staticDir, original).split(path.sep).join('/');
      const entryFor = copies.get(urlPath) ?? {};
      entryFor[encoding] = { file: full, bytes: (await stat(full)).size };
      copies.set(urlPath, entryFor);
    }
  }
  await scan(staticDir);

  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const url = request.url ?? '';
    if (!url.startsWith(STATIC_PREFIX)) return false;
    const pathname = url.split('?')[0]!;
    const available = copies.get(pathname);
    if (!available) return false;
    const encoding = acceptedEncoding(request.headers['accept-encoding'] as string | undefined);
    const copy = encoding ? available[encoding] : undefined;
    if (!encoding || !copy) return false;

    response.statusCode = 200;
    response.setHeader('Content-Type', CONTENT_TYPES[path.extname(pathname)] ?? 'application/octet-stream');
    response.setHeader('Content-Encoding', encoding);
    response.setHeader('Content-Length', copy.bytes);
    // A file name under /_next/static carries its content hash: it never changes (what Next itself sends).
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('Vary', 'Accept-Encoding');
    if (request.method === 'HEAD') {
      response.end();
      return true;
    }
    const stream = createReadStream(copy.file);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
    return true;
  };
}
