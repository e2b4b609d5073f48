// A build step (package.json "build" and "dev"): copies Excalidraw's fonts into public/excalidraw/fonts, so the
// board loads them from mockloop (components/board/board-loader.tsx sets the path) and never from a CDN; the
// CSP allows fonts from 'self' only. The copy is gitignored: the package is its source.
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

const source = path.join(PROJECT_ROOT, 'node_modules', '@excalidraw', 'excalidraw', 'dist', 'prod', 'fonts');
const target = path.join(PROJECT_ROOT, 'public', 'excalidraw', 'fonts');
await rm(target, { recursive: true, force: true });
await cp(source, target, { recursive: true });
process.stdout.write(`Copied the board's fonts to ${path.relative(PROJECT_ROOT, target)}\n`);
