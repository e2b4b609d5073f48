// npm run size: how much JavaScript each page makes a browser download, per role, against the budgets.
// After `npm run build` (the npm script runs it first), it seeds a database with what every page needs, starts the
// production server, and opens each page in a fresh Chromium context (empty cache), signed in as the role the
// row names. Every script the page loads until the network is idle counts, lazy chunks included (the room waits
// for its editor). A chunk weighs what the server sends for it: the build's brotli copy (what the budget holds;
// Chromium takes brotli on localhost as over HTTPS), with the gzip copy for older clients printed beside it, and
// what Chromium says it received. Exits 1 when a page is over its budget (printing its largest chunks and what is
// in them), when a script that has a brotli copy reached the browser without it, when a page prefetches more
// routes on load than MAX_PREFETCHES_ON_LOAD, or when a candidate's page loads the interviewer's scorecard code.
//   npm run size                       build, then measure
//   npx tsx tests/size/page-weight.ts  measure the build already in .next
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { createDbClient } from '@/lib/db';
import { createBenchDatabase } from '../bench/support/bench-database';
import { EVERY_PAGE, restoreStoredChoices, seedEveryPage, type EveryPageAccounts, type EveryPageFixture, type PageRole } from '../support/every-page';
import { PROJECT_ROOT, startServer } from '../support/start-server';
import { budgetFor, MAX_PREFETCHES_ON_LOAD, SIZE_BUDGETS_KB } from './size-budgets';

interface ChunkWeight {
  file: string;
  hasBrotliCopy: boolean;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** What the browser actually received for it (the encoding it negotiated), from Chromium's own count. */
  transferredBytes: number;
  /** The Content-Encoding it came with. */
  encoding: string;
}

interface PageWeight {
  name: string;
  role: PageRole;
  path: string;
  budgetKb: number;
  chunks: ChunkWeight[];
  gzipBytes: number;
  brotliBytes: number;
  rawBytes: number;
  transferredBytes: number;
  /** Routes Next prefetched while the page loaded and sat idle: each is a server render. */
  prefetches: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The interviewer's scorecard code (components/room/interviewer-tab.tsx and the rubric under it) names these socket
// commands: a chunk that contains them is scorecard code, which a candidate's browser must never download.
const INTERVIEWER_ONLY_MARKERS = ["'rubric:get'", '"rubric:get"', "'rubric:save'", '"rubric:save"'];
const compressedCache = new Map<string, Omit<ChunkWeight, 'transferredBytes' | 'encoding'>>();

function weighChunk(file: string): Omit<ChunkWeight, 'transferredBytes' | 'encoding'> {
  const cached = compressedCache.get(file);
  if (cached) return cached;
  const onDisk = path.join(PROJECT_ROOT, '.next', file.replace(/^\/_next\//, ''));
  const rawBytes = statSync(onDisk).size;
  // The build's own copies (npm run build precompresses); a file too small to have one is sent as it is.
  const copySize = (suffix: string) => (existsSync(onDisk + suffix) ? statSync(onDisk + suffix).size : rawBytes);
  const weight = { file, rawBytes, gzipBytes: copySize('.gz'), brotliBytes: copySize('.br'), hasBrotliCopy: existsSync(`${onDisk}.br`) };
  compressedCache.set(file, weight);
  return weight;
}

async function signIn(context: BrowserContext, account: { email: string; password: string }): Promise<void> {
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.request.post('/api/auth/callback/credentials', {
    form: { email: account.email, password: account.password, csrfToken, json: 'true', callbackUrl: '/' },
  });
  if (!response.ok()) throw new Error(`sign-in as ${account.email} answered ${response.status()}`);
}

/** Which client components a chunk serves, from the build's client-reference manifests: a name for a hash. */
function describeChunks(): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  const buildManifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.next/build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  for (const file of buildManifest.rootMainFiles) owners.set(`/_next/${file}`, new Set(['React, Next.js runtime and router']));
  const manifests = readFileSync(path.join(PROJECT_ROOT, '.next/app-path-routes-manifest.json'), 'utf8');
  for (const route of Object.keys(JSON.parse(manifests) as Record<string, string>)) {
    const file = path.join(PROJECT_ROOT, '.next/server/app', `${route}_client-reference-manifest.js`);
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    const json = source.slice(source.indexOf('= {') + 2).replace(/;\s*$/, '');
    const manifest = JSON.parse(json) as { clientModules: Record<string, { chunks: string[] }> };
    for (const [modulePath, { chunks }] of Object.entries(manifest.clientModules)) {
      const name = modulePath.replace(/^\[project\]\//, '').replace(/ <module evaluation>$/, '').replace(/ \[app-client\].*$/, '');
      if (name.startsWith('node_modules/next/')) continue;
      for (const chunk of chunks) {
        const set = owners.get(chunk) ?? new Set<string>();
        set.add(name);
        owners.set(chunk, set);
      }
    }
  }
  return new Map(
    [...owners].map(([chunk, names]) => {
      const list = [...names];
      return [chunk, list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ')];
    }),
  );
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function measure(baseUrl: string, fixture: EveryPageFixture, accounts: EveryPageAccounts): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const results: PageWeight[] = [];
  try {
    for (const page of EVERY_PAGE) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
      try {
        if (page.role !== 'signed out') await signIn(context, accounts[page.role]);
        await restoreStoredChoices(context, page);
        const tab = await context.newPage();
        const scripts = new Map<string, { transferredBytes: number; encoding: string }>();
        const pending: Promise<void>[] = [];
        let prefetches = 0;
        tab.on('request', (request) => {
          if (request.headers()['next-router-prefetch']) prefetches += 1;
        });
        tab.on('requestfinished', (request) => {
          if (request.resourceType() !== 'script') return;
          const url = new URL(request.url());
          if (!url.pathname.startsWith('/_next/static/')) return;
          pending.push(
            Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
              scripts.set(url.pathname, { transferredBytes: sizes.responseBodySize, encoding: response?.headers()['content-encoding'] ?? 'none' });
            }),
          );
        });
        const pagePath = page.path(fixture);
        const response = await tab.goto(pagePath, { waitUntil: 'load' });
        const expectedStatus = page.name === 'not found' ? 404 : 200;
        if (response?.status() !== expectedStatus) throw new Error(`${page.name} (${page.role}) GET ${pagePath} answered ${response?.status()}, not ${expectedStatus}`);
        await tab
          .locator(page.readyWhen)
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 })
          .catch((error: unknown) => {
            throw new Error(`${page.name} (${page.role}) at ${pagePath} never showed ${page.readyWhen}: ${String(error)}`);
          });
        await tab.waitForLoadState('networkidle');
        await Promise.all(pending);
        const chunks = [...scripts].map(([file, received]) => ({ ...weighChunk(file), ...received })).sort((a, b) => b.brotliBytes - a.brotliBytes);
        const sum = (key: 'rawBytes' | 'gzipBytes' | 'brotliBytes' | 'transferredBytes') => chunks.reduce((total, chunk) => total + chunk[key], 0);
        results.push({
          name: page.name,
          role: page.role,
          path: pagePath,
          budgetKb: budgetFor(page.kind),
          chunks,
          gzipBytes: sum('gzipBytes'),
          brotliBytes: sum('brotliBytes'),
          rawBytes: sum('rawBytes'),
          transferredBytes: sum('transferredBytes'),
          prefetches,
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

function report(results: PageWeight[]): boolean {
  const names = describeChunks();
  console.log(`\nJavaScript per page (KB; the budget holds brotli: room ${SIZE_BUDGETS_KB.room}, modeling room on its editor ${SIZE_BUDGETS_KB.erRoom}, room with a board ${SIZE_BUDGETS_KB.boardRoom}, other pages ${SIZE_BUDGETS_KB.page})\n`);
  console.table(
    results.map((result) => ({
      page: result.name,
      role: result.role,
      brotli: kb(result.brotliBytes),
      gzip: kb(result.gzipBytes),
      raw: kb(result.rawBytes),
      transferred: kb(result.transferredBytes),
      budget: result.budgetKb,
      chunks: result.chunks.length,
      prefetches: result.prefetches,
      '': result.brotliBytes > result.budgetKb * 1024 ? 'OVER' : 'ok',
    })),
  );
  const seen = new Set<string>();
  console.log('Largest chunks (brotli KB), each once, with the client components it serves:');
  for (const chunk of results.flatMap((result) => result.chunks).sort((a, b) => b.brotliBytes - a.brotliBytes)) {
    if (seen.has(chunk.file) || seen.size >= 12) continue;
    seen.add(chunk.file);
    console.log(`  ${kb(chunk.brotliBytes).padStart(6)}  ${path.basename(chunk.file)}  ${names.get(chunk.file) ?? '(loaded on demand)'}`);
  }
  const over = results.filter((result) => result.brotliBytes > result.budgetKb * 1024);
  for (const result of over) {
    console.error(`\n${result.name} (${result.role}) sends ${kb(result.brotliBytes)} KB of JavaScript (brotli), over its ${result.budgetKb} KB budget. Its largest chunks:`);
    for (const chunk of result.chunks.slice(0, 6)) console.error(`  ${kb(chunk.brotliBytes).padStart(6)}  ${path.basename(chunk.file)}  ${names.get(chunk.file) ?? '(loaded on demand)'}`);
  }
  const unencoded = results.flatMap((result) => result.chunks.filter((chunk) => chunk.hasBrotliCopy && chunk.encoding !== 'br').map((chunk) => `${result.name}: ${chunk.file} (${chunk.encoding})`));
  for (const line of new Set(unencoded)) console.error(`Sent without its brotli copy: ${line}`);
  const scorecardForCandidates = results.flatMap((result) =>
    result.role === 'candidate'
      ? result.chunks
          .filter((chunk) => {
            const source = readFileSync(path.join(PROJECT_ROOT, '.next', chunk.file.replace(/^\/_next\//, '')), 'utf8');
            return INTERVIEWER_ONLY_MARKERS.some((marker) => source.includes(marker));
          })
          .map((chunk) => `${result.name}: ${chunk.file}`)
      : [],
  );
  for (const line of scorecardForCandidates) console.error(`A candidate downloaded the interviewer's scorecard code: ${line}`);
  const eager = results.filter((result) => result.prefetches > MAX_PREFETCHES_ON_LOAD);
  for (const result of eager) console.error(`${result.name} (${result.role}) prefetched ${result.prefetches} routes on load; at most ${MAX_PREFETCHES_ON_LOAD}.`);
  return over.length === 0 && unencoded.length === 0 && eager.length === 0 && scorecardForCandidates.length === 0;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) throw new Error('No production build in .next: run `npm run build` first.');
  const database = await createBenchDatabase();
  const db = createDbClient(database.url);
  let stopServer: (() => Promise<unknown>) | undefined;
  try {
    const { fixture, accounts } = await seedEveryPage(db);
    const server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString('hex') } });
    stopServer = server.stop;
    const results = await measure(server.baseUrl, fixture, accounts);
    const withinBudget = report(results);
    console.log(JSON.stringify({ measuredAt: new Date().toISOString(), pages: results.map(({ chunks: _chunks, ...rest }) => rest) }));
    if (!withinBudget) process.exitCode = 1;
  } finally {
    await stopServer?.();
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
