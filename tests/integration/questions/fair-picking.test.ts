import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createPeerSession } from '@/lib/peer/create-peer-session';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { buildPeerSwapLoop } from '@/lib/rounds/chosen-loops';
import { E6_FULL_LOOP, type LoopTemplate } from '@/lib/rounds/loop-templates';
import { ROUND_KINDS, type RoundKind } from '@/lib/rounds/round-kind';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { buildSignUpInput } from '../../factories/user-factory';
import { withMigratedTestDatabase } from '../../support/test-database';

// Issue 25's acceptance: one candidate takes the full loop four times (each time invited by a new interviewer, who
// creates the session before the candidate joins), and a peer pair practises two sessions, without anyone meeting
// a question twice. What that needs of the bank is computed from the loops' shape, not written down, so the
// first test below says exactly what each kind lacks; the simulations run as many sessions as the bank allows now
// and all of them once the bank is deep enough.

const database = withMigratedTestDatabase();

const FULL_LOOPS = 4;
const PEER_SESSIONS = 2;
// The kinds a peer session may hold (at most four, each played twice): the ones the bank is thinnest in.
const PEER_KINDS: RoundKind[] = ['SQL', 'PYTHON_ETL', 'PRODUCT_SENSE', 'BEHAVIORAL'];

/** Questions a loop asks, per kind and, for product sense, per theme (a round asks one of each theme). */
function demandOf(loop: LoopTemplate): Map<string, number> {
  const demand = new Map<string, number>();
  const add = (key: string, n: number) => demand.set(key, (demand.get(key) ?? 0) + n);
  for (const round of loop.rounds) {
    add(round.kind, round.questionCount);
    if (round.kind === 'PRODUCT_SENSE') {
      add('PRODUCT_SENSE/rca', Math.ceil(round.questionCount / 2));
      add('PRODUCT_SENSE/framework', Math.floor(round.questionCount / 2));
    }
  }
  return demand;
}

function supplyOf(key: string): number {
  const [kind, theme] = key.split('/');
  return BUILT_IN_QUESTIONS.filter((question) => question.roundKind === kind && (theme === undefined || question.theme === theme)).length;
}

/** How many sessions of this loop the bank can give one person without a repeat. */
function sessionsSupported(loop: LoopTemplate): number {
  return Math.min(...[...demandOf(loop)].map(([key, perSession]) => Math.floor(supplyOf(key) / perSession)));
}

function shortfall(loop: LoopTemplate, sessions: number): string[] {
  return [...demandOf(loop)].flatMap(([key, perSession]) => {
    const lacking = perSession * sessions - supplyOf(key);
    return lacking > 0 ? [`${sessions} × ${loop.key}: ${key} has ${supplyOf(key)}, needs ${perSession * sessions}, lacks ${lacking}`] : [];
  });
}

async function newUser(): Promise<{ id: string; email: string }> {
  const input = buildSignUpInput();
  const user = await registerUser(database.db, input);
  return { id: user.id, email: input.email };
}

/** The questions each session asks, by built-in slug, with their round's kind and product theme. */
async function askedIn(sessionId: string) {
  const rows = await database.db.roundQuestion.findMany({
    where: { round: { sessionId } },
    select: { roundId: true, question: { select: { builtInSlug: true, roundKind: true, theme: true } } },
  });
  return rows.map((row) => ({ roundId: row.roundId, slug: row.question.builtInSlug!, kind: row.question.roundKind, theme: row.question.theme }));
}

function repeats(slugs: readonly string[]): string[] {
  return slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
}

describe('fair picking over many sessions', () => {
  it(`the bank holds enough for ${FULL_LOOPS} full loops and ${PEER_SESSIONS} peer sessions without a repeat`, () => {
    // Needs the new questions of issue 25 (item 4): fails with what each kind lacks until they are in content/.
    expect([...shortfall(E6_FULL_LOOP, FULL_LOOPS), ...shortfall(buildPeerSwapLoop(PEER_KINDS), PEER_SESSIONS)]).toEqual([]);
  });

  it('a candidate invited to full loops by new interviewers meets no question twice, and each product round is balanced', async () => {
    const loops = Math.min(FULL_LOOPS, sessionsSupported(E6_FULL_LOOP));
    expect(loops).toBeGreaterThanOrEqual(1);
    const candidate = await newUser();
    const asked: Awaited<ReturnType<typeof askedIn>> = [];
    for (let loop = 0; loop < loops; loop += 1) {
      const interviewer = await newUser();
      const session = await createSession(database.db, interviewer.id, { title: `Loop ${loop + 1}`, template: 'E6_FULL_LOOP' });
      const invite = await createInvite(database.db, session.id, interviewer.id, {});
      await redeemInvite(database.db, invite.token, candidate);
      const questions = await askedIn(session.id);
      expect(questions).toHaveLength(E6_FULL_LOOP.rounds.reduce((sum, round) => sum + round.questionCount, 0));
      asked.push(...questions);
    }
    expect(repeats(asked.map((question) => question.slug))).toEqual([]);
    const productRounds = new Set(asked.filter((question) => question.kind === 'PRODUCT_SENSE').map((question) => question.roundId));
    expect(productRounds.size).toBe(loops);
    for (const roundId of productRounds) {
      const themes = asked.filter((question) => question.roundId === roundId).map((question) => question.theme);
      expect(themes.sort()).toEqual(['framework', 'rca']);
    }
    for (const kind of ROUND_KINDS) expect(asked.some((question) => question.kind === kind), kind).toBe(true);
  });

  it('a peer pair meets no question twice over their sessions, in either chair', async () => {
    const loop = buildPeerSwapLoop(PEER_KINDS);
    const sessions = Math.min(PEER_SESSIONS, sessionsSupported(loop));
    expect(sessions).toBeGreaterThanOrEqual(1);
    const [host, guest] = [await newUser(), await newUser()];
    const asked: string[] = [];
    for (let index = 0; index < sessions; index += 1) {
      const session = await createPeerSession(database.db, { hostId: host.id, guestId: guest.id, roundKinds: PEER_KINDS, title: `Peers ${index + 1}` });
      asked.push(...(await askedIn(session.id)).map((question) => question.slug));
    }
    expect(asked).toHaveLength(sessions * loop.rounds.reduce((sum, round) => sum + round.questionCount, 0));
    expect(repeats(asked)).toEqual([]);
  });
});
