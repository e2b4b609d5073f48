import { existsSync } from 'node:fs';
import path from 'node:path';

// The bank is read with fs at run time, never bundled: Next's server bundles, the custom server's esbuild bundle
// (.next/mockloop-server.mjs), the seed under tsx and vitest all run from different files, but every one of them
// runs with the project root as its working folder (npm scripts do), so that is where the search starts. The
// module's own folder is the fallback for a process started from elsewhere (node /srv/mockloop/.next/...): the
// server bundle sits one folder below the root, the source two.

function isProjectRoot(dir: string): boolean {
  return existsSync(path.join(dir, 'content', 'questions')) && existsSync(path.join(dir, 'package.json'));
}

function searchUpFrom(start: string): string | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The folder holding questions/ and rubric/, or an error saying where it looked. */
export function findContentRoot(starts: readonly string[] = defaultStarts()): string {
  for (const start of starts) {
    const root = searchUpFrom(start);
    if (root) return path.join(root, 'content');
  }
  throw new Error(`The question bank (content/questions) was not found above ${starts.join(' or ')}: run mockloop from its project folder.`);
}

function defaultStarts(): string[] {
  const moduleDir = typeof import.meta.dirname === 'string' ? import.meta.dirname : null;
  return moduleDir ? [process.cwd(), moduleDir] : [process.cwd()];
}
