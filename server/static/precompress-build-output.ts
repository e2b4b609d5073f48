// The build's last step (package.json "build"): precompresses .next/static for the server to send as it is.
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { precompressStaticAssets } from './precompress-static-assets';

const summary = await precompressStaticAssets(path.join(PROJECT_ROOT, '.next', 'static'));
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
process.stdout.write(
  `Precompressed ${summary.files} static files: ${kb(summary.rawBytes)} → brotli ${kb(summary.brotliBytes)}, gzip ${kb(summary.gzipBytes)}\n`,
);
