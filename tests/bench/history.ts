// npm run bench:history: the session history list and a session's page with 10,000 sessions in the database.
// Seeds them (4,000 the signed-in caller's), starts the production server, and requests each page of
// MEASURED_PAGES one after another, round-robin, reporting p50/p95/p99 latency of the full GET (server render
// included) and each page's uncompressed HTML and RSC payload. For the history pages it also times
// findSessionHistory alone, in this process, to separate the database's share from rendering. Needs
// `npm run build` first; run it inside `flock /work/bench.lock` and say what `uptime` showed.
//   BENCH_SESSIONS=10000 BENCH_REQUESTS=200 npm run bench:history
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createDbClient, type Db } from '@/lib/db';
import { appendDocumentUpdates } from '@/lib/documents/document-store';
import { CONTENT_TEXT_NAME } from '@/lib/documents/document-text';
import { findSignalsForRound } from '@/lib/rubric/signal-catalog';
import { findSessionHistory } from '@/lib/history/find-session-history';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { completeScoredSession } from '../factories/scored-session-factory';
import { seedSessionHistory, type SeededHistory } from '../factories/session-history-factory';
import { HttpSession } from '../support/http-session';
import { PROJECT_ROOT, startServer } from '../support/start-server';
import { createBenchDatabase } from './support/bench-database';
import { type LatencySummary, summarizeLatency } from './support/latency';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
// Unmeasured requests per page first: Next compiles nothing at run time, but V8 and the pools warm up.
const WARMUP_REQUESTS = 10;

/** What a page's URL may need from the seeded data. */
interface BenchContext {
  seeded: SeededHistory;
  /** A session made the way the app makes them (rounds, questions, documents), the caller interviewing. */
  sessionId: string;
  /** The caller's 50th page of sessions, unfiltered and completed only: how it is reached, and its Previous link. */
  page50: PageLinks;
  completedPage50: PageLinks;
}

interface PageLinks {
  /** The `after` cursor that opens the page (the 49th page's Next link). */
  after: string;
  /** The page's own Previous link (`before`), which opens the 49th page. */
  before: string;
}

interface MeasuredPage {
  name: string;
  path(context: BenchContext): string;
}

// The pages measured, in report order. Add a line to measure another page over the same seeded data.
// The history list: each control of its filter form alone (search, round, status, role, from, to), the pair the
// issue measured, all of them at once, and paging (Next and Previous) with and without a filter. Values are
// picked for cost, not convenience: a rare round kind and a rare status make the index walk read further for a
// page of matches, a role the caller never held matches nothing at all, and search reads all the caller's sessions.
const MEASURED_PAGES: MeasuredPage[] = [
  { name: 'history: first page', path: () => '/sessions' },
  { name: 'history: round kind', path: () => '/sessions?roundKind=SYSTEM_DESIGN' },
  { name: 'history: status', path: () => '/sessions?status=CANCELLED' },
  { name: 'history: rare status (1%)', path: () => '/sessions?status=LIVE' },
  { name: 'history: role', path: () => '/sessions?role=CANDIDATE' },
  { name: 'history: role never held (no match)', path: () => '/sessions?role=PEER' },
  { name: 'history: date range', path: () => '/sessions?from=2026-01-01&to=2026-03-31' },
  { name: 'history: from only', path: () => '/sessions?from=2026-06-01' },
  { name: 'history: to only', path: () => '/sessions?to=2025-06-30' },
  { name: 'history: round kind + status', path: () => '/sessions?roundKind=SQL&status=COMPLETED' },
  { name: 'history: round kind + status + role', path: () => '/sessions?roundKind=BEHAVIORAL&status=CANCELLED&role=CANDIDATE' },
  { name: 'history: every select + date range', path: () => '/sessions?roundKind=SYSTEM_DESIGN&status=COMPLETED&role=INTERVIEWER&from=2025-01-01&to=2025-12-31' },
  { name: 'history: 50th page (Next)', path: (context) => `/sessions?after=${context.page50.after}` },
  { name: 'history: 49th page (Previous)', path: (context) => `/sessions?before=${context.page50.before}` },
  { name: 'history: status, 50th page', path: (context) => `/sessions?status=COMPLETED&after=${context.completedPage50.after}` },
  { name: 'history: status, 49th page (Previous)', path: (context) => `/sessions?status=COMPLETED&before=${context.completedPage50.before}` },
  { name: 'history: search participant', path: () => '/sessions?q=hana' },
  { name: 'history: search title', path: () => '/sessions?q=drill' },
  { name: 'history: search, no match', path: () => '/sessions?q=no+such+session' },
  { name: 'history: search + status', path: () => '/sessions?q=hana&status=COMPLETED' },
  { name: 'history: search + round kind + role', path: () => '/sessions?q=hana&roundKind=DATA_MODELING&role=CANDIDATE' },
  { name: 'history: search + every filter', path: () => '/sessions?q=sato&roundKind=SQL&status=COMPLETED&role=INTERVIEWER&from=2025-01-01&to=2026-12-31' },
  { name: 'session page', path: (context) => `/sessions/${context.sessionId}` },
  { name: 'session report (6 rounds, scored, 600 edits each)', path: (context) => `/sessions/${context.sessionId}/report` },
];

async function prepareContext(db: Db, seeded: SeededHistory): Promise<BenchContext> {
  const { id: sessionId } = await createSession(db, seeded.caller.id, { title: 'Benchmark loop', template: 'E6_FULL_LOOP' });
  const invite = await createInvite(db, sessionId, seeded.caller.id, {});
  await redeemInvite(db, invite.token, { id: seeded.peers[0]!.id, email: seeded.peers[0]!.email });
  await playAndScore(db, sessionId, seeded.caller.id);
  return {
    seeded,
    sessionId,
    page50: await linksOfPage(db, seeded.caller.id, {}, 50),
    completedPage50: await linksOfPage(db, seeded.caller.id, { status: 'COMPLETED' }, 50),
  };
}

/** Follows Next links from the first page to the `page`th, as a reader would. */
async function linksOfPage(db: Db, userId: string, filters: Record<string, string>, page: number): Promise<PageLinks> {
  let after: string | null = null;
  for (let reached = 1; reached < page; reached += 1) {
    after = (await findSessionHistory(db, userId, after ? { ...filters, after } : filters)).nextCursor;
    if (!after) throw new Error(`the caller has fewer than ${page} pages of ${JSON.stringify(filters)}; raise BENCH_SESSIONS`);
  }
  const { previousCursor } = await findSessionHistory(db, userId, { ...filters, after: after! });
  return { after: after!, before: previousCursor! };
}

/** The report page's realistic load: every round run, marked, rated and wrapped up, and typed into at length. */
async function playAndScore(db: Db, sessionId: string, interviewerId: string): Promise<void> {
  const rounds = await db.round.findMany({ where: { sessionId }, orderBy: { position: 'asc' }, select: { kind: true } });
  await completeScoredSession(
    db,
    sessionId,
    interviewerId,
    rounds.map(({ kind }) => {
      const keys = findSignalsForRound(kind).map((signal) => signal.key);
      return {
        elapsedMs: 29 * 60_000,
        scorecards: [
          { interviewerId, marks: keys.slice(0, 3), ratings: Object.fromEntries(keys.slice(0, 6).map((key) => [key, 'E5' as const])), recommendation: 'LEAN_YES' as const },
        ],
      };
    }),
  );
  const editors = await db.document.findMany({ where: { sessionId, kind: 'ROUND_EDITOR' }, select: { id: true } });
  for (const { id: documentId } of editors) {
    const doc = new Y.Doc();
    const text = doc.getText(CONTENT_TEXT_NAME);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let keystroke = 0; keystroke < 600; keystroke += 1) text.insert(text.length, keystroke % 40 === 39 ? '\n' : 'x');
    await appendDocumentUpdates(db, updates.map((update) => ({ documentId, update, userId: interviewerId, clientUpdateId: null })));
  }
}

async function time(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) throw new Error('Run `npm run build` first: the benchmark drives the production server.');
  const database = await createBenchDatabase();
  const db = createDbClient(database.url);
  let stopServer: (() => Promise<unknown>) | undefined;
  try {
    const loadBefore = os.loadavg().map((load) => Math.round(load * 100) / 100);
    const seedStarted = performance.now();
    const seeded = await seedSessionHistory(db, { sessions: SESSIONS });
    const seededInMs = Math.round(performance.now() - seedStarted);
    const context = await prepareContext(db, seeded);

    const server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString('hex') } });
    stopServer = server.stop;
    const browser = new HttpSession(server.baseUrl);
    const signedIn = await browser.signIn(seeded.caller.email, seeded.caller.password);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error}`);

    const get = async (pagePath: string) => {
      const response = await browser.fetch(pagePath);
      const body = await response.text();
      // A redirect to sign-in or an error page would be fast and meaningless: refuse to time it.
      if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`);
      const isHistory = new URL(pagePath, server.baseUrl).pathname === '/sessions';
      if (isHistory && !body.includes('aria-label="Sessions"') && !body.includes('class="empty"')) {
        throw new Error(`GET ${pagePath} did not render the history list`);
      }
      return body;
    };
    const paths = MEASURED_PAGES.map((page) => page.path(context));
    // What each page weighs, uncompressed: the HTML of a first visit, and the RSC payload a client-side
    // navigation fetches instead (the same server render, serialised for the router).
    const sizes = new Map<string, { htmlBytes: number; rscBytes: number }>();
    for (const pagePath of paths) {
      const html = Buffer.byteLength(await get(pagePath));
      // Next answers a router request without its cache-busting `_rsc` parameter with a redirect to one.
      let rsc = await browser.fetch(pagePath, { headers: { RSC: '1' } });
      const location = rsc.headers.get('location');
      if (rsc.status === 307 && location) rsc = await browser.fetch(location, { headers: { RSC: '1' } });
      if (rsc.status !== 200) throw new Error(`RSC GET ${pagePath} answered ${rsc.status}`);
      sizes.set(pagePath, { htmlBytes: html, rscBytes: Buffer.byteLength(await rsc.text()) });
    }
    for (let i = 0; i < WARMUP_REQUESTS; i += 1) for (const pagePath of paths) await get(pagePath);
    const samples = paths.map(() => [] as number[]);
    // Round-robin, so a slow moment of the machine is spread over every page rather than landing on one.
    for (let i = 0; i < REQUESTS; i += 1) {
      for (const [index, pagePath] of paths.entries()) samples[index]!.push(await time(async () => void (await get(pagePath))));
    }

    // The database's share: the same list queries, called directly.
    const querySamples = new Map<string, number[]>();
    for (const [index, pagePath] of paths.entries()) {
      const url = new URL(pagePath, server.baseUrl);
      if (url.pathname !== '/sessions') continue;
      const params = Object.fromEntries(url.searchParams);
      const timings: number[] = [];
      for (let i = 0; i < WARMUP_REQUESTS + REQUESTS; i += 1) {
        const ms = await time(async () => void (await findSessionHistory(db, seeded.caller.id, params)));
        if (i >= WARMUP_REQUESTS) timings.push(ms);
      }
      querySamples.set(MEASURED_PAGES[index]!.name, timings);
    }

    const pages: Record<string, LatencySummary & { path: string; htmlBytes: number; rscBytes: number }> = {};
    for (const [index, page] of MEASURED_PAGES.entries()) {
      pages[page.name] = { path: paths[index]!, ...summarizeLatency(samples[index]!), ...sizes.get(paths[index]!)! };
    }
    const queries: Record<string, LatencySummary> = {};
    for (const [name, timings] of querySamples) queries[name] = summarizeLatency(timings);
    const callerSessions = await db.sessionMember.count({ where: { userId: seeded.caller.id } });
    const [{ server_version: postgres }] = await db.$queryRaw<[{ server_version: string }]>`SHOW server_version`;

    const result = {
      machine: {
        cores: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        database: `${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'} PostgreSQL ${postgres}`,
        // 1, 5 and 15-minute load averages when the run started and ended: tails move with the machine's load.
        loadAverage: { before: loadBefore, after: os.loadavg().map((load) => Math.round(load * 100) / 100) },
      },
      data: { sessions: SESSIONS, callerSessions, seededInMs },
      requestsPerPage: REQUESTS,
      getMs: pages,
      queryOnlyMs: queries,
    };
    console.log(`\nmockloop history benchmark: ${SESSIONS} sessions, ${callerSessions} of them the caller's, ${REQUESTS} sequential requests per page`);
    console.log('\nGET, full server render (ms)');
    console.table(Object.fromEntries(Object.entries(pages).map(([name, { path: _path, ...summary }]) => [name, summary])));
    console.log('findSessionHistory alone (ms)');
    console.table(queries);
    console.log(JSON.stringify(result));
  } finally {
    await stopServer?.();
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
