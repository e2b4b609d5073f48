// npm run bench:memory: the production server's resident memory after a walk through every page, then idle.
// Starts `npm start`'s command on a fresh database, plays one SQL round over socket.io (the live room), runs its
// SQL check (DuckDB), GETs every page of the app as a signed-out visitor, an interviewer and a candidate (each
// page's scripts and styles too, once, as a browser's first visit fetches them), then leaves the server alone
// and reads its RSS from /proc after each of BENCH_IDLE_SECONDS. Nothing is forced before those readings; a last
// one after a full garbage collection (requested through the probe below) shows how much of it was garbage.
// Needs `npm run build` first. Knobs: BENCH_IDLE_SECONDS (30,120), BENCH_WALKS (1), BENCH_SQL_CHECK (1; 0 leaves
// the check out), BENCH_SERVER_ENV ('NAME=value ...', e.g. 'MALLOC_ARENA_MAX=8'), BENCH_SERVER_NODE_ARGS (node
// flags put before npm start's own, so they cannot override those: edit the start script to try other values),
// BENCH_HEAP_SNAPSHOT=1 (also writes a heap snapshot of the idle server to .data/bench/).
//   npm run build && npm run bench:memory
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerUser } from '@/lib/auth/register-user';
import { createDbClient, type Db } from '@/lib/db';
import { createQuestion } from '@/lib/questions/create-question';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import { publishFeedback } from '@/lib/scorecards/feedback-release';
import { changeSessionStatus } from '@/lib/sessions/change-session-status';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import type { SessionView } from '@/lib/sessions/session-view';
import { createStory } from '@/lib/stories/create-story';
import { buildQuestionInput } from '../factories/question-factory';
import { createSessionBetween } from '../factories/session-factory';
import { buildSignUpInput } from '../factories/user-factory';
import { HttpSession } from '../support/http-session';
import { RoomClient } from '../support/room-client';
import { callServerAction, findServerActionId } from '../support/server-action';
import { PROJECT_ROOT, startServer, type RunningServer } from '../support/start-server';
import { createBenchDatabase } from './support/bench-database';

// Readings at each of these idle times. V8's memory reducer shrinks an idle heap on its own, but only ~100 s after
// the last collection (its watchdog: an idle server allocates too little to trigger one), hence the second one.
const IDLE_SECONDS = (process.env.BENCH_IDLE_SECONDS ?? '30,120').split(',').map(Number);
const WALKS = Number(process.env.BENCH_WALKS ?? 1);
const EXTRA_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const EXTRA_ENV = Object.fromEntries(
  (process.env.BENCH_SERVER_ENV ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const WRITE_HEAP_SNAPSHOT = process.env.BENCH_HEAP_SNAPSHOT === '1';
// BENCH_SQL_CHECK=0 leaves the check out (its report page is still walked): DuckDB's share, measured apart.
const RUN_SQL_CHECK = process.env.BENCH_SQL_CHECK !== '0';
const MiB = 2 ** 20;

// The answer the candidate types: correct for the built-in question, so the check runs the whole comparison.
const SQL_QUESTION = 'sql-page-event-sessions';
const SQL_ANSWER = `WITH ordered AS (
  SELECT user_id, event_ts, LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev_ts
  FROM page_events WHERE ds = '2024-01-01'
)
SELECT user_id, event_ts,
       SUM(CASE WHEN prev_ts IS NULL OR date_diff('second', prev_ts, event_ts) > 30 * 60 THEN 1 ELSE 0 END)
         OVER (PARTITION BY user_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_id
FROM ordered ORDER BY user_id, event_ts;`;

// Loaded into the server with --import: on SIGUSR2 it does what the request file asks (measure; collect garbage,
// then measure; write a heap snapshot) and writes V8's own figures beside it. Idle otherwise: no timer, no
// allocation until asked, so the reading it serves is of the server as it runs.
const PROBE_SOURCE = `
import { readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
const file = process.env.MOCKLOOP_MEMORY_PROBE;
process.on('SIGUSR2', () => {
  const { action, id } = JSON.parse(readFileSync(file + '.request', 'utf8'));
  if (action === 'gc') {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc');
    gc();
    gc();
  }
  if (action === 'snapshot') v8.writeHeapSnapshot(file + '.heapsnapshot');
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
  writeFileSync(file + '.answer', JSON.stringify({ id, memory: process.memoryUsage(), spaces, malloced: v8.getHeapStatistics().malloced_memory }));
});
`;

type ProbeAction = 'measure' | 'gc' | 'snapshot';

interface ProbeAnswer {
  id: number;
  memory: NodeJS.MemoryUsage;
  spaces: Record<string, { size: number; used: number }>;
  malloced: number;
}

interface Reading {
  rssMiB: number;
  /** From smaps_rollup: private anonymous memory (heaps, malloc arenas, stacks) and file-backed pages (code). */
  anonymousMiB: number;
  fileBackedMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
  /** RSS minus V8's heap: native code and data, malloc, Wasm, buffers. */
  nativeMiB: number;
  spacesMiB: Record<string, number>;
  /** The largest resident mappings by file (or [anon], [heap], [stack]). */
  topMappingsMiB: Record<string, number>;
}

const round1 = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;

class MemoryProbe {
  private nextId = 1;
  constructor(
    private readonly file: string,
    private readonly server: RunningServer,
  ) {}

  async ask(action: ProbeAction): Promise<ProbeAnswer> {
    const id = this.nextId++;
    await writeFile(`${this.file}.request`, JSON.stringify({ action, id }));
    this.server.process.kill('SIGUSR2');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const text = await readFile(`${this.file}.answer`, 'utf8').catch(() => '');
      if (!text) continue;
      const answer = JSON.parse(text) as ProbeAnswer;
      if (answer.id === id) return answer;
    }
    throw new Error(`the memory probe did not answer "${action}"`);
  }

  async read(action: ProbeAction = 'measure'): Promise<Reading> {
    const answer = await this.ask(action);
    // Read /proc after V8's figures: the probe's own answer is then already in both.
    const pid = this.server.process.pid!;
    const rollup = parseKb(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'));
    const rssBytes = rollup.Rss! * 1024;
    return {
      rssMiB: round1(rssBytes),
      anonymousMiB: round1(rollup.Anonymous! * 1024),
      fileBackedMiB: round1((rollup.Rss! - rollup.Anonymous!) * 1024),
      heapUsedMiB: round1(answer.memory.heapUsed),
      heapTotalMiB: round1(answer.memory.heapTotal),
      externalMiB: round1(answer.memory.external),
      arrayBuffersMiB: round1(answer.memory.arrayBuffers),
      nativeMiB: round1(rssBytes - answer.memory.heapTotal),
      spacesMiB: Object.fromEntries(Object.entries(answer.spaces).map(([name, space]) => [name, round1(space.size)])),
      topMappingsMiB: await residentByMapping(pid),
    };
  }
}

function parseKb(text: string): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^(\w+):\s+(\d+) kB/.exec(line);
    if (match) fields[match[1]!] = Number(match[2]);
  }
  return fields;
}

/** Resident memory per mapped file (anonymous mappings together), largest first. */
async function residentByMapping(pid: number): Promise<Record<string, number>> {
  const totals = new Map<string, number>();
  let current = '[anon]';
  for (const line of (await readFile(`/proc/${pid}/smaps`, 'utf8')).split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      current = name === '' ? '[anon]' : name.startsWith('/') ? path.basename(name) : name;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) totals.set(current, (totals.get(current) ?? 0) + Number(rss[1]) * 1024);
  }
  return Object.fromEntries(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, bytes]) => [name, round1(bytes)]),
  );
}

interface Seeded {
  interviewer: HttpSession;
  candidate: HttpSession;
  visitor: HttpSession;
  completedSessionId: string;
  scheduledSessionId: string;
  builtInQuestionId: string;
  ownQuestionId: string;
  interviewerStoryId: string;
  candidateStoryId: string;
  openInviteToken: string;
}

/** Two users, their questions and stories, a scheduled session with an open invite, and a played SQL drill. */
async function seed(db: Db, server: RunningServer): Promise<Seeded> {
  const interviewerInput = buildSignUpInput({ name: 'Ivy Interviewer' });
  const candidateInput = buildSignUpInput({ name: 'Cam Candidate' });
  const interviewerUser = await registerUser(db, interviewerInput);
  const candidateUser = await registerUser(db, candidateInput);
  const builtIn = await db.question.findFirstOrThrow({ where: { builtInSlug: SQL_QUESTION }, select: { id: true } });
  const { id: ownQuestionId } = await createQuestion(db, interviewerUser.id, buildQuestionInput());
  const { id: interviewerStoryId } = await createStory(db, interviewerUser.id, { title: 'Ran a migration off Hive', scope: 'ORG', situation: 'Two warehouses.', competencies: ['POST_MORTEM'] });
  const { id: candidateStoryId } = await createStory(db, candidateUser.id, { title: 'Mentored a new grad', scope: 'TEAM', competencies: ['MENTORING'] });
  const completedSessionId = await createSessionBetween(db, interviewerUser.id, candidateUser, {
    title: 'SQL drill',
    template: 'SQL_VELOCITY_DRILL',
    questionIds: { '0': [builtIn.id] },
  });
  const { id: scheduledSessionId } = await createSession(db, interviewerUser.id, { title: 'Full loop next week', template: 'E6_FULL_LOOP' });
  const invite = await createInvite(db, scheduledSessionId, interviewerUser.id, {});

  const signIn = async (input: { email: string; password: string }) => {
    const session = new HttpSession(server.baseUrl);
    const signedIn = await session.signIn(input.email, input.password);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error}`);
    return session;
  };
  const interviewer = await signIn(interviewerInput);
  const candidate = await signIn(candidateInput);

  // The live room, once: both join, the round runs, the candidate types the answer, the round ends.
  const interviewerRoom = await RoomClient.connect(interviewer);
  const candidateRoom = await RoomClient.connect(candidate);
  try {
    const view = await interviewerRoom.data<SessionView>('session:join', { sessionId: completedSessionId });
    await candidateRoom.data('session:join', { sessionId: completedSessionId });
    await interviewerRoom.data('session:start', { sessionId: completedSessionId });
    const round = view.rounds[0]!;
    await interviewerRoom.data('round:timer', { sessionId: completedSessionId, roundId: round.id, command: 'start' });
    await interviewerRoom.openDocument(completedSessionId, round.editorDocumentId);
    await candidateRoom.openDocument(completedSessionId, round.editorDocumentId);
    for (const line of SQL_ANSWER.split('\n')) {
      const ack = await candidateRoom.type(completedSessionId, round.editorDocumentId, `${line}\n`);
      if (!ack.ok) throw new Error(`typing refused: ${ack.code}`);
    }
    await interviewerRoom.data('round:timer', { sessionId: completedSessionId, roundId: round.id, command: 'end' });
  } finally {
    interviewerRoom.close();
    candidateRoom.close();
  }

  // Scored and published, so the debrief, the report and the feedback pages have something to draw.
  await changeSessionStatus(db, completedSessionId, interviewerUser.id, 'COMPLETED');
  const rounds = await db.round.findMany({ where: { sessionId: completedSessionId }, select: { id: true } });
  for (const { id: roundId } of rounds) {
    await applyScorecardCommand(db, completedSessionId, interviewerUser.id, { type: 'wrap-up', roundId, recommendation: 'LEAN_YES', problemsSolved: 1, strengths: 'Clear structure.' });
  }
  await publishFeedback(db, completedSessionId, interviewerUser.id);

  // The SQL check, once, through the report's server action as the browser calls it.
  if (RUN_SQL_CHECK) await runSqlCheckOnce(db, candidate, completedSessionId);

  return {
    interviewer,
    candidate,
    visitor: new HttpSession(server.baseUrl),
    completedSessionId,
    scheduledSessionId,
    builtInQuestionId: builtIn.id,
    ownQuestionId,
    interviewerStoryId,
    candidateStoryId,
    openInviteToken: invite.token,
  };
}

async function runSqlCheckOnce(db: Db, candidate: HttpSession, completedSessionId: string): Promise<void> {
  const asked = await db.roundQuestion.findFirstOrThrow({ where: { round: { sessionId: completedSessionId } }, select: { id: true, roundId: true } });
  const check = await callServerAction(candidate, `/sessions/${completedSessionId}/report`, findServerActionId('app/sessions/[id]/report/actions.ts', 'runSqlCheckAction'), [
    completedSessionId,
    asked.roundId,
    asked.id,
  ]);
  if (check.status !== 200 || !check.text.includes('"verdict":"MATCH"')) throw new Error(`the SQL check did not match: ${check.status} ${check.text.slice(0, 300)}`);
}

interface PageVisit {
  who: 'visitor' | 'interviewer' | 'candidate';
  path: string;
  /** 200 unless told: a page a role may not see answers 404, a signed-out visitor is redirected. */
  status?: number;
}

/** Every route under app/, in each role where the role changes what the server renders. */
function pagesOf(seeded: Seeded): PageVisit[] {
  const done = `/sessions/${seeded.completedSessionId}`;
  const scheduled = `/sessions/${seeded.scheduledSessionId}`;
  const bothRoles = (pagePath: string, status?: number): PageVisit[] => [
    { who: 'interviewer', path: pagePath, status },
    { who: 'candidate', path: pagePath, status },
  ];
  return [
    { who: 'visitor', path: '/', status: 307 },
    { who: 'visitor', path: '/sign-in' },
    { who: 'visitor', path: '/sign-up' },
    { who: 'visitor', path: `/invite/${seeded.openInviteToken}` },
    { who: 'visitor', path: '/sessions', status: 307 },
    { who: 'visitor', path: '/no-such-page', status: 404 },
    { who: 'visitor', path: '/api/health' },
    ...bothRoles('/'),
    ...bothRoles('/practice'),
    ...bothRoles('/questions'),
    ...bothRoles(`/questions/${seeded.builtInQuestionId}`),
    { who: 'interviewer', path: `/questions/${seeded.ownQuestionId}` },
    { who: 'interviewer', path: '/questions/new' },
    { who: 'interviewer', path: `/questions/${seeded.ownQuestionId}/edit` },
    ...bothRoles('/sessions'),
    ...bothRoles('/sessions?roundKind=SQL&status=COMPLETED'),
    { who: 'interviewer', path: '/sessions/new' },
    { who: 'interviewer', path: scheduled },
    ...bothRoles(done),
    ...bothRoles(`${done}/report`),
    ...bothRoles(`${done}/report/export?format=markdown`),
    ...bothRoles(`${done}/report/export?format=json`),
    { who: 'interviewer', path: `${done}/debrief` },
    { who: 'candidate', path: `${done}/debrief`, status: 404 },
    ...bothRoles(`${done}/feedback`),
    ...bothRoles('/progress'),
    ...bothRoles('/profile'),
    ...bothRoles('/stories'),
    ...bothRoles('/stories/new'),
    { who: 'interviewer', path: `/stories/${seeded.interviewerStoryId}` },
    { who: 'candidate', path: `/stories/${seeded.candidateStoryId}` },
    { who: 'candidate', path: `/invite/${seeded.openInviteToken}` },
    { who: 'candidate', path: '/no-such-page', status: 404 },
  ];
}

/** GETs each page, and each script and stylesheet it names the first time one is named. Returns the count. */
async function walk(seeded: Seeded, assetsSeen: Set<string>): Promise<{ pages: number; assets: number }> {
  let pages = 0;
  let assets = 0;
  const surprises: string[] = [];
  for (const visit of pagesOf(seeded)) {
    const session = seeded[visit.who];
    const response = await session.fetch(visit.path);
    const body = await response.text();
    const expected = visit.status ?? 200;
    if (response.status !== expected) surprises.push(`GET ${visit.path} as ${visit.who} answered ${response.status}, expected ${expected}`);
    pages += 1;
    for (const [, asset] of body.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)) {
      if (assetsSeen.has(asset!)) continue;
      assetsSeen.add(asset!);
      const assetResponse = await session.fetch(asset!);
      await assetResponse.arrayBuffer();
      if (assetResponse.status !== 200) throw new Error(`GET ${asset} answered ${assetResponse.status}`);
      assets += 1;
    }
  }
  // A redirect or an error page would render less than the page: the walk must see the pages themselves.
  if (surprises.length > 0) throw new Error(surprises.join('\n'));
  return { pages, assets };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) throw new Error('Run `npm run build` first: the benchmark drives the production server.');
  const folder = path.join(PROJECT_ROOT, '.data', 'bench');
  await mkdir(folder, { recursive: true });
  const probeFile = path.join(os.tmpdir(), `mockloop-memory-probe-${randomBytes(6).toString('hex')}`);
  const database = await createBenchDatabase();
  const db = createDbClient(database.url);
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString('hex'), MOCKLOOP_MEMORY_PROBE: probeFile, ...EXTRA_ENV },
      nodeArgs: [`--import=data:text/javascript;base64,${Buffer.from(PROBE_SOURCE).toString('base64')}`, ...EXTRA_NODE_ARGS],
    });
    const probe = new MemoryProbe(probeFile, server);
    const readings: Record<string, Reading> = {};
    readings['started'] = await probe.read();

    const seeded = await seed(db, server);
    const assetsSeen = new Set<string>();
    const walked = { pages: 0, assets: 0 };
    for (let i = 0; i < WALKS; i += 1) {
      const { pages, assets } = await walk(seeded, assetsSeen);
      walked.pages += pages;
      walked.assets += assets;
    }
    readings['after the walk'] = await probe.read();
    const idleSince = Date.now();
    for (const seconds of IDLE_SECONDS) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, idleSince + seconds * 1000 - Date.now())));
      readings[`idle ${seconds} s`] = await probe.read();
    }
    readings['idle, after a full GC'] = await probe.read('gc');
    if (WRITE_HEAP_SNAPSHOT) {
      await probe.ask('snapshot');
      const target = path.join(folder, `memory-${new Date().toISOString().replaceAll(':', '-')}.heapsnapshot`);
      await writeFile(target, await readFile(`${probeFile}.heapsnapshot`));
      console.log(`heap snapshot: ${path.relative(PROJECT_ROOT, target)}`);
    }
    const peakRssMiB = round1(parseKb(await readFile(`/proc/${server.process.pid}/status`, 'utf8')).VmHWM! * 1024);

    const result = {
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100) },
      server: { nodeArgs: EXTRA_NODE_ARGS, env: EXTRA_ENV },
      walk: { walks: WALKS, pageRequests: walked.pages, assetRequests: walked.assets, liveRoomJoins: 1, sqlChecks: RUN_SQL_CHECK ? 1 : 0 },
      idleSeconds: IDLE_SECONDS,
      peakRssMiB,
      readings,
    };
    console.log(`\nmockloop memory: ${walked.pages} page GETs and ${walked.assets} static assets in ${WALKS} walk(s), one live room, ${RUN_SQL_CHECK ? 'one SQL check' : 'no SQL check'}, then idle (${IDLE_SECONDS.join(' s, ')} s)`);
    console.log(`load average ${result.machine.loadAverage.join(' ')}, peak RSS ${peakRssMiB} MiB\n`);
    console.table(
      Object.fromEntries(
        Object.entries(readings).map(([phase, { spacesMiB: _spaces, topMappingsMiB: _top, ...figures }]) => [phase, figures]),
      ),
    );
    const idle = readings[`idle ${IDLE_SECONDS[0]} s`]!;
    console.log(`V8 heap spaces after ${IDLE_SECONDS[0]} s idle (MiB, size)`);
    console.table(idle.spacesMiB);
    console.log(`largest resident mappings after ${IDLE_SECONDS[0]} s idle (MiB)`);
    console.table(idle.topMappingsMiB);
    const file = path.join(folder, `memory-${new Date().toISOString().replaceAll(':', '-')}.json`);
    await writeFile(file, JSON.stringify(result, null, 2));
    console.log(`saved ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    await server?.stop();
    await db.$disconnect();
    await database.drop();
    for (const suffix of ['.request', '.answer', '.heapsnapshot']) await rm(`${probeFile}${suffix}`, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
