import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { findSessionHistory, type SessionHistoryItem } from '@/lib/history/find-session-history';
import { formatHistoryCursor, parseSessionHistoryFilters } from '@/lib/history/session-history-filters.schema';
import { buildSessionHistoryQuery, HISTORY_PAGE_SIZE } from '@/lib/history/session-history-query';
import { seedSessionHistory, type SeededHistory } from '../../factories/session-history-factory';
import { withMigratedTestDatabase } from '../../support/test-database';

// The history list against 10,000 seeded sessions: the query PostgreSQL actually plans stays on indexes for
// every shape of filter, and the list it returns is exactly the caller's sessions, filtered and paged right.
// Expectations are computed with Prisma's query builder, independently of the SQL under test.

type Params = Record<string, string | undefined>;

const database = withMigratedTestDatabase();
let seeded: SeededHistory;

beforeAll(async () => {
  seeded = await seedSessionHistory(database.db, { sessions: 10_000 });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** One line per node, indented, for a readable failure message. */
function describePlan(node: PlanNode, depth = 0): string {
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  return [`${'  '.repeat(depth)}${node['Node Type']}${on}${using}`, ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1))].join('\n');
}

/** The plan of exactly the statement findSessionHistory runs for these URL parameters. */
async function explain(userId: string, params: Params): Promise<PlanNode> {
  const query = buildSessionHistoryQuery(userId, parseSessionHistoryFilters(params).filters);
  const [row] = await database.db.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
  return row!['QUERY PLAN'][0].Plan;
}

/** Every page, following the next-page cursors from the first. */
async function collectAll(userId: string, params: Params): Promise<SessionHistoryItem[][]> {
  const pages: SessionHistoryItem[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await findSessionHistory(database.db, userId, { ...params, after });
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    after = page.nextCursor;
  }
}

const sessionDateOf = (session: { startedAt: Date | null; scheduledAt: Date | null; createdAt: Date }) =>
  session.startedAt ?? session.scheduledAt ?? session.createdAt;

/** The caller's sessions matching `where`, newest session date first: the list's expected contents. */
async function expectedIds(userId: string, where: Prisma.SessionMemberWhereInput = {}): Promise<string[]> {
  const memberships = await database.db.sessionMember.findMany({
    where: { userId, ...where },
    select: { session: { select: { id: true, startedAt: true, scheduledAt: true, createdAt: true } } },
  });
  return memberships
    .map(({ session }) => ({ id: session.id, date: sessionDateOf(session).getTime() }))
    .sort((a, b) => b.date - a.date || (a.id < b.id ? 1 : -1))
    .map((session) => session.id);
}

describe('the history list query plan with 10,000 sessions', () => {
  const shapes: Record<string, Params> = {
    'no filter': {},
    'round kind and status': { roundKind: 'SQL', status: 'COMPLETED' },
    'a rare status as candidate': { status: 'LIVE', role: 'CANDIDATE' },
    'date range': { from: '2026-01-01', to: '2026-03-31' },
    'date range and round kind': { from: '2025-06-01', to: '2025-06-30', roundKind: 'BEHAVIORAL' },
    'search by participant': { q: 'hana' },
    'search that matches nothing': { q: 'no such words anywhere' },
    'search with filters': { q: 'drill', status: 'COMPLETED', role: 'INTERVIEWER' },
  };

  for (const [name, params] of Object.entries(shapes)) {
    it(`never scans the whole session table: ${name}`, async () => {
      const plan = await explain(seeded.caller.id, params);
      const sessionScans = planNodes(plan).filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'InterviewSession');
      expect(sessionScans, `sequential scan of InterviewSession in:\n${describePlan(plan)}`).toEqual([]);
    });
  }

  it('searches the caller’s sessions once each even when the statistics have not caught up with their history', async () => {
    // A history that grew since the last ANALYZE: the planner believes the caller has about one session. Moved
    // to a new account inside a transaction that is rolled back, so the seeded data stay as they were.
    const rollback = new Error('rollback');
    const plans: PlanNode[] = [];
    await database.db
      .$transaction(async (tx) => {
        const newcomer = await tx.user.create({ data: { name: 'Newcomer', email: `newcomer-${seeded.tag}@example.test` } });
        await tx.sessionMember.updateMany({ where: { userId: seeded.caller.id }, data: { userId: newcomer.id } });
        for (const params of [{ q: 'hana' }, { q: 'drill', role: 'CANDIDATE', status: 'COMPLETED' }]) {
          const query = buildSessionHistoryQuery(newcomer.id, parseSessionHistoryFilters(params).filters);
          const [row] = await tx.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
          plans.push(row!['QUERY PLAN'][0].Plan);
        }
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      // The sessions are fetched by the array of the caller's ids with nothing joined to that scan: a join put
      // the membership scan first and re-read the whole array once per membership (4,000 × 4,000 lookups).
      const joinsOverSessions = planNodes(plan).filter(
        (node) => /Nested Loop|Hash Join|Merge Join/.test(node['Node Type']) && planNodes(node).some((inner) => inner['Relation Name'] === 'InterviewSession'),
      );
      expect(joinsOverSessions, describePlan(plan)).toEqual([]);
      expect(planNodes(plan).some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'InterviewSession'), describePlan(plan)).toBe(false);
    }
  });

  it('seeks a deep page through the session-date index instead of reading the pages before it', async () => {
    const pages = await collectAll(seeded.caller.id, { status: 'COMPLETED' });
    const deep = { status: 'COMPLETED', after: formatHistoryCursor(pages[100]!.at(-1)!) };
    for (const params of [deep, { before: deep.after }]) {
      const plan = await explain(seeded.caller.id, params);
      const nodes = planNodes(plan);
      expect(nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'InterviewSession'), describePlan(plan)).toBe(false);
      expect(nodes.some((node) => node['Index Name']?.startsWith('InterviewSession_') && node['Index Name'].includes('sessionDate')), describePlan(plan)).toBe(true);
    }
  });
});

describe('findSessionHistory', () => {
  it('pages through all of the caller’s sessions once each, newest first, and none of anyone else’s', async () => {
    const pages = await collectAll(seeded.caller.id, {});
    const ids = pages.flat().map((item) => item.id);
    expect(pages.slice(0, -1).every((page) => page.length === HISTORY_PAGE_SIZE)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await expectedIds(seeded.caller.id));
    expect(ids.length).toBeGreaterThan(3000);

    const strangers = await database.db.sessionMember.findMany({ where: { userId: seeded.stranger.id }, select: { sessionId: true } });
    expect(strangers.length).toBeGreaterThan(0);
    const mine = new Set(ids);
    expect(strangers.filter(({ sessionId }) => mine.has(sessionId))).toEqual([]);
    const theirs = (await collectAll(seeded.stranger.id, {})).flat().map((item) => item.id);
    expect(theirs.sort()).toEqual(strangers.map(({ sessionId }) => sessionId).sort());
  });

  it('describes each session from the caller’s side: their role, the others, the rounds in order', async () => {
    const { items } = await findSessionHistory(database.db, seeded.caller.id, {});
    for (const item of items) {
      const session = await database.db.interviewSession.findUniqueOrThrow({
        where: { id: item.id },
        select: {
          title: true,
          status: true,
          startedAt: true,
          scheduledAt: true,
          createdAt: true,
          rounds: { select: { kind: true }, orderBy: { position: 'asc' } },
          members: { select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { joinedAt: 'asc' } },
        },
      });
      expect(item).toMatchObject({
        title: session.title,
        status: session.status,
        role: session.members.find((member) => member.userId === seeded.caller.id)?.role,
        sessionDate: sessionDateOf(session),
        roundKinds: session.rounds.map((round) => round.kind),
        otherMembers: session.members.filter((member) => member.userId !== seeded.caller.id).map((member) => member.user.name),
      });
    }
  });

  it('narrows by status, round kind, role and session date, alone and together', async () => {
    const me = seeded.caller.id;
    const cases: [Params, Prisma.SessionMemberWhereInput][] = [
      [{ status: 'CANCELLED' }, { session: { status: 'CANCELLED' } }],
      [{ roundKind: 'DATA_MODELING' }, { session: { rounds: { some: { kind: 'DATA_MODELING' } } } }],
      [{ role: 'CANDIDATE' }, { role: 'CANDIDATE' }],
      [
        { roundKind: 'SQL', status: 'COMPLETED', role: 'INTERVIEWER' },
        { role: 'INTERVIEWER', session: { status: 'COMPLETED', rounds: { some: { kind: 'SQL' } } } },
      ],
    ];
    for (const [params, where] of cases) {
      const ids = (await collectAll(me, params)).flat().map((item) => item.id);
      const expected = await expectedIds(me, where);
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(ids, JSON.stringify(params)).toEqual(expected);
    }

    // Dates bound the session date in whole UTC days, both ends included.
    const june = (await collectAll(me, { from: '2025-06-01', to: '2025-06-30', status: 'COMPLETED' })).flat();
    const completed = (await collectAll(me, { status: 'COMPLETED' })).flat();
    expect(june.length).toBeGreaterThan(0);
    expect(june.map((item) => item.id)).toEqual(
      completed.filter((item) => item.sessionDate.toISOString().startsWith('2025-06')).map((item) => item.id),
    );
  });

  it('searches titles and the other participants’ names, case-insensitively, never the caller’s own name', async () => {
    const me = seeded.caller.id;
    const byTitle = (await collectAll(me, { q: 'VELOCITY drill' })).flat();
    expect(byTitle.map((item) => item.id)).toEqual(await expectedIds(me, { session: { title: { contains: 'velocity drill', mode: 'insensitive' } } }));
    expect(byTitle.length).toBeGreaterThan(0);

    const hana = seeded.peers.find((peer) => peer.name === 'Hana Sato')!;
    const byName = (await collectAll(me, { q: 'hANA sAto' })).flat();
    expect(byName.map((item) => item.id)).toEqual(await expectedIds(me, { session: { members: { some: { userId: hana.id } } } }));
    expect(byName.every((item) => item.otherMembers.includes('Hana Sato'))).toBe(true);

    const combined = (await collectAll(me, { q: 'hana', status: 'SCHEDULED', roundKind: 'SQL' })).flat();
    expect(combined.map((item) => item.id)).toEqual(
      await expectedIds(me, { session: { status: 'SCHEDULED', rounds: { some: { kind: 'SQL' } }, members: { some: { userId: hana.id } } } }),
    );

    expect((await findSessionHistory(database.db, me, { q: 'Morgan Ames' })).items).toEqual([]);
    // LIKE wildcards in the search are literal characters.
    expect((await findSessionHistory(database.db, me, { q: '%' })).items).toEqual([]);
    expect((await findSessionHistory(database.db, me, { q: '_' })).items).toEqual([]);
  });

  it('keeps pages stable when sessions are added, and steps back to exactly the page before', async () => {
    const me = seeded.caller.id;
    const first = await findSessionHistory(database.db, me, { role: 'CANDIDATE' });
    const second = await findSessionHistory(database.db, me, { role: 'CANDIDATE', after: first.nextCursor! });
    const third = await findSessionHistory(database.db, me, { role: 'CANDIDATE', after: second.nextCursor! });

    // A session that sorts first arrives while the reader is on page two.
    const newest = await database.db.interviewSession.create({
      data: {
        title: 'Brand new session',
        loopTemplate: 'SINGLE_ROUND',
        startedAt: new Date(Date.now() + 365 * 86_400_000),
        createdById: seeded.peers[0]!.id,
        members: { create: [{ userId: me, role: 'CANDIDATE' }, { userId: seeded.peers[0]!.id, role: 'INTERVIEWER' }] },
      },
    });
    try {
      const thirdAgain = await findSessionHistory(database.db, me, { role: 'CANDIDATE', after: second.nextCursor! });
      expect(thirdAgain.items.map((item) => item.id)).toEqual(third.items.map((item) => item.id));

      const back = await findSessionHistory(database.db, me, { role: 'CANDIDATE', before: third.previousCursor! });
      expect(back.items.map((item) => item.id)).toEqual(second.items.map((item) => item.id));
      expect(back.nextCursor).toBe(second.nextCursor);

      // Back from page two is the page that was first; the new session waits one step further back, where the
      // list starts again as a full first page.
      const former = await findSessionHistory(database.db, me, { role: 'CANDIDATE', before: back.previousCursor! });
      expect(former.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
      const top = await findSessionHistory(database.db, me, { role: 'CANDIDATE', before: former.previousCursor! });
      expect(top.previousCursor).toBeNull();
      expect(top.items.map((item) => item.id)).toEqual([newest.id, ...first.items.slice(0, -1).map((item) => item.id)]);
    } finally {
      await database.db.interviewSession.delete({ where: { id: newest.id } });
    }
  });

  it('drops values it cannot use, says which, and still lists', async () => {
    const me = seeded.caller.id;
    const page = await findSessionHistory(database.db, me, {
      roundKind: 'COOKING',
      status: 'DONE',
      role: 'observer',
      from: '2026-02-30',
      to: 'yesterday',
      after: 'not-a-cursor',
      q: 'x'.repeat(500),
    });
    expect(page.filters).toEqual({});
    expect(page.ignored).toHaveLength(7);
    expect(page.ignored.join(' ')).toMatch(/“COOKING” is not a round of the loop/);
    expect(page.items.map((item) => item.id)).toEqual((await findSessionHistory(database.db, me, {})).items.map((item) => item.id));

    const reversed = await findSessionHistory(database.db, me, { from: '2026-03-01', to: '2026-01-01', status: 'COMPLETED' });
    expect(reversed.filters).toEqual({ status: 'COMPLETED' });
    expect(reversed.ignored).toEqual(['From 2026-03-01 is after To 2026-01-01, so the dates were left out.']);
  });
});
