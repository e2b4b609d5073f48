// npm run build's last step: every compressible file under .next/static gets a brotli (.br, quality 11) and a gzip
// (.gz, level 9) copy beside it, made once here instead of on every response. The server sends them
// (serve-precompressed-static.ts); a file without copies is served by Next as before.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

/** Text formats only: images and fonts are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = new Set(['.js', '.css', '.svg', '.json', '.txt', '.html', '.map']);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

export interface PrecompressSummary {
  files: number;
  rawBytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

export async function precompressStaticAssets(staticDir: string): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = { files: 0, rawBytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const work: Promise<void>[] = [];
  for await (const file of filesUnder(staticDir)) {
    if (!COMPRESSIBLE_EXTENSIONS.has(path.extname(file))) continue;
    if ((await stat(file)).size < MIN_BYTES) continue;
    work.push(
      (async () => {
        const bytes = await readFile(file);
        const [br, gz] = await Promise.all([
          brotli(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          gzipAsync(bytes, { level: 9 }),
        ]);
        // A copy only where it is smaller: the server then never sends a bigger body than the file itself.
        if (br.length < bytes.length) await writeFile(`${file}.br`, br);
        if (gz.length < bytes.length) await writeFile(`${file}.gz`, gz);
        summary.files += 1;
        summary.rawBytes += bytes.length;
        summary.brotliBytes += Math.min(br.length, bytes.length);
        summary.gzipBytes += Math.min(gz.length, bytes.length);
      })(),
    );
  }
  await Promise.all(work);
  return summary;
}
