import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createPeerSession } from '@/lib/peer/create-peer-session';
import { createInvite } from '@/lib/sessions/create-invite';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionBetween } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { RoomClient, eventually } from '../../support/room-client';
import { withLiveTestServer } from '../../support/live-test-server';

// Issue 24 item 7: the round's interviewer turns the editor's SQL colours on or off for the whole room, over the
// socket. Off by default in the SQL round, on in the modeling round; never the candidate's to change.

const live = withLiveTestServer();

async function account(name: string) {
  const input = buildSignUpInput({ name });
  return { ...input, id: (await registerUser(live.db, input)).id };
}

async function joined(client: RoomClient, sessionId: string): Promise<SessionView> {
  return client.data<SessionView>('session:join', { sessionId });
}

const highlighting = (sessionId: string, roundId: string, isEnabled: boolean) => ({ sessionId, roundId, isEnabled });

describe('SQL colours in the round editor', () => {
  it('are off in the SQL round and on in the modeling round until the interviewer changes them, for everyone at once', async () => {
    const [lead, candidate, shadow] = [await account('Ivy Lead'), await account('Cam Candidate'), await account('Sia Shadow')];
    const sessionId = await createSessionBetween(live.db, lead.id, candidate, { title: 'Colours', template: 'CUSTOM', roundKinds: ['SQL', 'DATA_MODELING', 'PYTHON_ETL'] });
    const invite = await createInvite(live.db, sessionId, lead.id, { inviteAs: 'SHADOW' });
    await redeemInvite(live.db, invite.token, { id: shadow.id, email: shadow.email });
    const [leadClient, candidateClient, shadowClient] = [await live.connect(lead), await live.connect(candidate), await live.connect(shadow)];
    const view = await joined(leadClient, sessionId);
    await joined(candidateClient, sessionId);
    await joined(shadowClient, sessionId);
    const [sqlRound, modelingRound, pythonRound] = view.rounds;
    expect(view.rounds.map((round) => round.isSqlHighlighted)).toEqual([false, true, false]);

    // In the lobby nothing is live yet.
    expect(await leadClient.request('round:sql-highlighting', highlighting(sessionId, sqlRound!.id, true))).toMatchObject({ ok: false, code: 'CONFLICT' });
    await leadClient.data('session:start', { sessionId });

    const changesBefore = candidateClient.eventsOf('session:changed').length;
    expect(await leadClient.data('round:sql-highlighting', highlighting(sessionId, sqlRound!.id, true))).toEqual({ isSqlHighlighted: true });
    await eventually(
      candidateClient,
      () => candidateClient.eventsOf('session:changed').slice(changesBefore).some((event) => (event as { reason: string }).reason === 'sql-highlighting.toggled'),
      'the candidate hears of the change',
    );
    const candidateView = await candidateClient.data<SessionView>('session:get', { sessionId });
    expect(candidateView.rounds.map((round) => round.isSqlHighlighted)).toEqual([true, true, false]);

    // The candidate cannot turn them off; a shadow interviewer can.
    expect(await candidateClient.request('round:sql-highlighting', highlighting(sessionId, sqlRound!.id, false))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await shadowClient.data('round:sql-highlighting', highlighting(sessionId, modelingRound!.id, false))).toEqual({ isSqlHighlighted: false });
    const rows = await live.db.round.findMany({ where: { sessionId }, orderBy: { position: 'asc' }, select: { sqlHighlighting: true } });
    expect(rows.map((row) => row.sqlHighlighting)).toEqual([true, false, false]);
    const events = await live.db.sessionEvent.findMany({ where: { sessionId, type: { startsWith: 'sql-highlighting.' } }, orderBy: { createdAt: 'asc' }, select: { type: true, actorId: true } });
    expect(events).toEqual([
      { type: 'sql-highlighting.on', actorId: lead.id },
      { type: 'sql-highlighting.off', actorId: shadow.id },
    ]);

    // A Python round's editor holds no SQL: nothing to colour.
    expect(await leadClient.request('round:sql-highlighting', highlighting(sessionId, pythonRound!.id, true))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await live.db.round.findUniqueOrThrow({ where: { id: pythonRound!.id }, select: { sqlHighlighting: true } })).toEqual({ sqlHighlighting: false });
  });

  it('belong in a peer session to whoever interviews that round', async () => {
    const [host, guest] = [await account('Pat Host'), await account('Pia Guest')];
    const { id: sessionId } = await createPeerSession(live.db, { hostId: host.id, guestId: guest.id, roundKinds: ['SQL'], title: 'Peer colours' });
    const [hostClient, guestClient] = [await live.connect(host), await live.connect(guest)];
    const view = await joined(hostClient, sessionId);
    await joined(guestClient, sessionId);
    await hostClient.data('session:start', { sessionId });
    const [hostInterviews, guestInterviews] = view.rounds;

    expect(await hostClient.data('round:sql-highlighting', highlighting(sessionId, hostInterviews!.id, true))).toEqual({ isSqlHighlighted: true });
    expect(await guestClient.request('round:sql-highlighting', highlighting(sessionId, hostInterviews!.id, false))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await hostClient.request('round:sql-highlighting', highlighting(sessionId, guestInterviews!.id, true))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await guestClient.data('round:sql-highlighting', highlighting(sessionId, guestInterviews!.id, true))).toEqual({ isSqlHighlighted: true });
  });

  it('refuse a round of another session', async () => {
    const [lead, candidate] = [await account('Ivy Lead'), await account('Cam Candidate')];
    const mine = await createSessionBetween(live.db, lead.id, candidate, { title: 'Mine', template: 'SQL_VELOCITY_DRILL' });
    const other = await createSessionBetween(live.db, (await account('Oz Other')).id, await account('Cy Other'), { title: 'Other', template: 'SQL_VELOCITY_DRILL' });
    const otherRound = await live.db.round.findFirstOrThrow({ where: { sessionId: other }, select: { id: true } });
    const leadClient = await live.connect(lead);
    await joined(leadClient, mine);
    await leadClient.data('session:start', { sessionId: mine });
    expect(await leadClient.request('round:sql-highlighting', highlighting(mine, otherRound.id, true))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await live.db.round.findUniqueOrThrow({ where: { id: otherRound.id }, select: { sqlHighlighting: true } })).toEqual({ sqlHighlighting: false });
  });
});
