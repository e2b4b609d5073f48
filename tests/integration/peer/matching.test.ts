import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createPeerSession } from '@/lib/peer/create-peer-session';
import { findCurrentMatchRequest } from '@/lib/peer/find-current-match-request';
import { getPeerProfile } from '@/lib/peer/get-peer-profile';
import type { MatchRequestInput } from '@/lib/peer/match-request.schema';
import type { MatchRequestView } from '@/lib/peer/match-request-view';
import { rateFeedback } from '@/lib/peer/rate-feedback';
import { recordPeerNoShows } from '@/lib/peer/record-peer-no-shows';
import { publishFeedback } from '@/lib/scorecards/feedback-release';
import { buildSignUpInput } from '../../factories/user-factory';
import { eventually, type RoomClient } from '../../support/room-client';
import { withLiveTestServer } from '../../support/live-test-server';

// Sign-ins for a crowd of users come from one address: lift the per-address limit for this file.
const live = withLiveTestServer({ SIGN_IN_MAX_ATTEMPTS_PER_IP: '1000' });

const NO_SHOW_WINDOW_MS = 5 * 60_000;

type Account = { id: string; email: string; password: string };

async function registerAccount(name = 'Peer'): Promise<Account> {
  const input = buildSignUpInput({ name });
  const user = await registerUser(live.db, input);
  return { ...input, id: user.id };
}

async function connectedUser(name?: string): Promise<{ account: Account; client: RoomClient }> {
  const account = await registerAccount(name);
  return { account, client: await live.connect(account) };
}

const ask = (overrides: Partial<MatchRequestInput> = {}): MatchRequestInput => ({
  roundKinds: ['SQL'],
  level: 'E6',
  window: { kind: 'now' },
  ...overrides,
});

async function matchedRequestOf(userId: string) {
  return live.db.matchRequest.findFirstOrThrow({ where: { userId, status: 'MATCHED' }, orderBy: { matchedAt: 'desc' } });
}

describe('peer matching', () => {
  it('pairs a crowd of concurrent requests: one session per pair, nobody twice, nobody with themselves', async () => {
    // 12 SQL/E6, 8 Python/E5 (one step from E6, but no kind in common), 5 behavioral/E7 (one left over).
    const groups: { count: number; input: MatchRequestInput }[] = [
      { count: 12, input: ask({ roundKinds: ['SQL'], level: 'E6' }) },
      { count: 8, input: ask({ roundKinds: ['PYTHON_ETL'], level: 'E5' }) },
      { count: 5, input: ask({ roundKinds: ['BEHAVIORAL'], level: 'E7' }) },
    ];
    const users = await Promise.all(groups.flatMap((group) => Array.from({ length: group.count }, () => connectedUser().then((user) => ({ ...user, group })))));
    const impatient = await connectedUser('Impatient');

    const [acks, impatientAcks] = await Promise.all([
      Promise.all(users.map((user) => user.client.request<MatchRequestView>('match:request', user.group.input))),
      // The same user twice at once: one request is refused, and they are never matched with themselves.
      Promise.all([1, 2].map(() => impatient.client.request<MatchRequestView>('match:request', ask({ roundKinds: ['SQL'], level: 'E6' })))),
    ]);
    for (const ack of acks) expect(ack.ok).toBe(true);
    expect(impatientAcks.filter((ack) => ack.ok)).toHaveLength(1);
    expect(impatientAcks.filter((ack) => !ack.ok)).toEqual([expect.objectContaining({ ok: false, code: 'CONFLICT' })]);

    const everyone = [...users.map((user) => user.account.id), impatient.account.id];
    const requests = await live.db.matchRequest.findMany({ where: { userId: { in: everyone } } });
    const matched = requests.filter((request) => request.status === 'MATCHED');
    // Every user at most once in a session.
    expect(new Set(matched.map((request) => request.userId)).size).toBe(matched.length);
    // Exactly one session per matched pair, with two different people, each the other's partner.
    const bySession = new Map<string, typeof matched>();
    for (const request of matched) bySession.set(request.sessionId!, [...(bySession.get(request.sessionId!) ?? []), request]);
    expect(bySession.size * 2).toBe(matched.length);
    for (const [sessionId, pair] of bySession) {
      expect(pair).toHaveLength(2);
      const [a, b] = pair as [(typeof pair)[number], (typeof pair)[number]];
      expect(a.userId).not.toBe(b.userId);
      expect(a.matchedWithId).toBe(b.userId);
      expect(b.matchedWithId).toBe(a.userId);
      const members = await live.db.sessionMember.findMany({ where: { sessionId }, select: { userId: true } });
      expect(members.map((member) => member.userId).sort()).toEqual([a.userId, b.userId].sort());
    }
    // Nothing compatible is left waiting: 13 SQL askers leave one, 8 Python none, 5 behavioral one.
    const waiting = requests.filter((request) => request.status === 'WAITING');
    expect(waiting.map((request) => request.roundKinds[0]).sort()).toEqual(['BEHAVIORAL', 'SQL']);
    expect(matched).toHaveLength(24);

    // Both people of every pair are told, on their own socket.
    const clients = new Map([...users.map((user) => [user.account.id, user.client] as const), [impatient.account.id, impatient.client]]);
    for (const request of matched) {
      const client = clients.get(request.userId)!;
      await eventually(client, () => client.eventsOf('match:found').some((event) => (event as { sessionId: string }).sessionId === request.sessionId));
    }

    // Rounds alternate: the host (who waited) interviews round 1, the guest round 2.
    const [sessionId, pair] = [...bySession][0]!;
    const session = await live.db.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { createdById: true, rounds: { orderBy: { position: 'asc' } } } });
    const guestId = pair.find((request) => request.userId !== session.createdById)!.userId;
    expect(session.rounds.map((round) => [round.interviewerId, round.candidateId])).toEqual([
      [session.createdById, guestId],
      [guestId, session.createdById],
    ]);

    for (const user of [...users, impatient]) await user.client.data('match:cancel');
  });

  it('cancels a waiting request, which is then never matched', async () => {
    const first = await connectedUser();
    const second = await connectedUser();
    const waiting = await first.client.data<MatchRequestView>('match:request', ask({ roundKinds: ['DATA_MODELING'] }));
    expect(waiting.status).toBe('WAITING');
    expect(await first.client.data('match:cancel')).toEqual({ isCancelled: true });
    expect(await first.client.data('match:cancel')).toEqual({ isCancelled: false });

    expect(await second.client.data<MatchRequestView>('match:request', ask({ roundKinds: ['DATA_MODELING'] }))).toMatchObject({ status: 'WAITING' });
    expect(first.client.eventsOf('match:found')).toEqual([]);
    // Cancelled, so free to ask again, and then matched with the one now waiting.
    const again = await first.client.data<MatchRequestView>('match:request', ask({ roundKinds: ['DATA_MODELING'] }));
    expect(again).toMatchObject({ status: 'MATCHED', partnerId: second.account.id });

    // The lobby offers an unjoined match to someone who was away, until they join it.
    const sessionId = (again as { sessionId: string }).sessionId;
    expect(await findCurrentMatchRequest(live.db, second.account.id, NO_SHOW_WINDOW_MS)).toMatchObject({ status: 'MATCHED', sessionId });
    await second.client.data('session:join', { sessionId });
    expect(await findCurrentMatchRequest(live.db, second.account.id, NO_SHOW_WINDOW_MS)).toBeNull();
  });

  it('refuses malformed requests and windows that are over', async () => {
    const { client } = await connectedUser();
    expect(await client.request('match:request', { roundKinds: [], level: 'E6', window: { kind: 'now' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await client.request('match:request', { ...ask(), level: 'E9' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const past = new Date(Date.now() - 3 * 60 * 60_000).toISOString();
    expect(await client.request('match:request', ask({ window: { kind: 'slot', start: past, minutes: 60 } }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('records a no-show after the window and puts the partner who came first in the queue', async () => {
    const absent = await connectedUser('Absent');
    const present = await connectedUser('Present');
    await absent.client.data('match:request', ask({ roundKinds: ['SYSTEM_DESIGN'] }));
    const match = await present.client.data<MatchRequestView>('match:request', ask({ roundKinds: ['SYSTEM_DESIGN'] }));
    if (match.status !== 'MATCHED') throw new Error('expected a match');
    await present.client.data('session:join', { sessionId: match.sessionId });
    const { matchedAt } = await matchedRequestOf(present.account.id);

    // Inside the window nothing is recorded; past it, the one who never joined is. (The sweep settles every
    // overdue match in the database, earlier tests' too: look at this one.)
    const at = (ms: number) => new Date(matchedAt!.getTime() + ms);
    const settle = async (now: Date) =>
      (await recordPeerNoShows(live.db, { windowMs: NO_SHOW_WINDOW_MS, now })).filter((noShow) => noShow.sessionId === match.sessionId);
    expect(await settle(at(NO_SHOW_WINDOW_MS - 1_000))).toEqual([]);
    expect(await settle(at(NO_SHOW_WINDOW_MS + 60_000))).toEqual([
      { sessionId: match.sessionId, userId: absent.account.id, priorityForId: present.account.id },
    ]);
    expect(await live.db.peerNoShow.findMany({ where: { sessionId: match.sessionId }, select: { userId: true } })).toEqual([{ userId: absent.account.id }]);
    // Settling is idempotent.
    expect(await settle(at(NO_SHOW_WINDOW_MS + 120_000))).toEqual([]);

    // Someone older is waiting (E4: two steps from E6, so not the present user's partner) ...
    const older = await connectedUser('Older');
    await older.client.data('match:request', ask({ roundKinds: ['PRODUCT_SENSE'], level: 'E4' }));
    const priority = await present.client.data<MatchRequestView>('match:request', ask({ roundKinds: ['PRODUCT_SENSE'], level: 'E6' }));
    expect(priority).toMatchObject({ status: 'WAITING', isPriority: true });
    // ... and a newcomer compatible with both is matched with the present user first.
    const newcomer = await connectedUser('Newcomer');
    const newcomerMatch = await newcomer.client.data<MatchRequestView>('match:request', ask({ roundKinds: ['PRODUCT_SENSE'], level: 'E5' }));
    expect(newcomerMatch).toMatchObject({ status: 'MATCHED', partnerId: present.account.id });
    await older.client.data('match:cancel');

    // The grant is spent: the next request of the present user queues normally.
    await newcomer.client.data('session:join', { sessionId: (newcomerMatch as { sessionId: string }).sessionId });
    const absentProfile = await getPeerProfile(live.db, absent.account.id);
    expect(absentProfile.reliability).toEqual({ settledMatches: 1, attended: 0, noShows: 1, percent: 0 });
    const presentProfile = await getPeerProfile(live.db, present.account.id);
    expect(presentProfile.reliability).toMatchObject({ settledMatches: 1, attended: 1, noShows: 0, percent: 100 });
  });
});

describe('rating peer feedback', () => {
  async function completedPeerSession() {
    const host = await registerAccount('Host');
    const guest = await registerAccount('Guest');
    const { id: sessionId } = await createPeerSession(live.db, { hostId: host.id, guestId: guest.id, roundKinds: ['SQL'], title: 'Peer practice' });
    const rounds = await live.db.round.findMany({ where: { sessionId }, orderBy: { position: 'asc' } });
    await live.db.interviewSession.update({ where: { id: sessionId }, data: { status: 'COMPLETED' } });
    // Each wrote a scorecard for the round they interviewed.
    for (const round of rounds) await live.db.scorecard.create({ data: { sessionId, roundId: round.id, interviewerId: round.interviewerId! } });
    return { host, guest, sessionId, firstRound: rounds[0]!, secondRound: rounds[1]! };
  }

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string }) => error.code);

  it('lets only the round\'s candidate rate, only once published, idempotently', async () => {
    const { host, guest, sessionId, firstRound } = await completedPeerSession();
    const rating = { sessionId, roundId: firstRound.id, interviewerId: host.id, quality: 'helpful', value: true } as const;

    // Not published yet.
    expect(await refusal(rateFeedback(live.db, guest.id, rating))).toBe('FORBIDDEN');
    await publishFeedback(live.db, sessionId, host.id);

    // The host interviewed round 1: not theirs to rate; an outsider is not even told the session exists.
    expect(await refusal(rateFeedback(live.db, host.id, rating))).toBe('FORBIDDEN');
    const outsider = await registerAccount('Outsider');
    expect(await refusal(rateFeedback(live.db, outsider.id, rating))).toBe('NOT_FOUND');
    // The guest did not interview round 1.
    expect(await refusal(rateFeedback(live.db, guest.id, { ...rating, interviewerId: guest.id }))).toBe('CONFLICT');
    expect(await refusal(rateFeedback(live.db, guest.id, { ...rating, quality: 'kind' }))).toBe('INVALID_INPUT');

    // Two identical clicks (even at once) make one rating.
    const [first, second] = await Promise.all([rateFeedback(live.db, guest.id, rating), rateFeedback(live.db, guest.id, rating)]);
    expect(first).toMatchObject({ isRated: true, isHelpful: true, isSpecific: false });
    expect(second).toEqual(first);
    expect(await live.db.feedbackRating.count({ where: { roundId: firstRound.id } })).toBe(1);

    await rateFeedback(live.db, guest.id, { ...rating, quality: 'specific', value: true });
    await rateFeedback(live.db, guest.id, { ...rating, quality: 'helpful', value: false });
    expect((await getPeerProfile(live.db, host.id)).feedbackQuality).toEqual({ count: 1, helpfulPercent: 0, specificPercent: 100 });
  });

  it('lets the host rate the guest\'s feedback on the round the host was candidate in', async () => {
    const { host, guest, sessionId, secondRound } = await completedPeerSession();
    await publishFeedback(live.db, sessionId, guest.id);
    const rated = await rateFeedback(live.db, host.id, { sessionId, roundId: secondRound.id, interviewerId: guest.id, quality: 'helpful', value: true });
    expect(rated).toMatchObject({ position: 1, interviewerId: guest.id, isHelpful: true });
    expect((await getPeerProfile(live.db, guest.id)).feedbackQuality).toEqual({ count: 1, helpfulPercent: 100, specificPercent: 0 });
  });
});

