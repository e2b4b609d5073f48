import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { buildSignUpInput } from '../../factories/user-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import { callServerAction, findServerActionId } from '../../support/server-action';

// Several people press "Join" at the same moment, each on their own un-named invite to one session. One after the
// other, the second is refused; at the same moment, a check-then-insert let them all in. The database decides
// now: one candidate per session (per round in a peer session, where the partner is candidate of every other round).

// Every racer signs in and redeems from 127.0.0.1: room for all of them in the per-address budgets.
const live = withLiveTestServer({ SIGN_IN_MAX_ATTEMPTS_PER_IP: '1000', INVITE_MAX_ATTEMPTS_PER_IP: '1000' });
const TRIALS = 4;
const RACERS = 3;

type Account = { id: string; email: string; password: string; name: string };

async function createAccount(name: string): Promise<Account> {
  const input = buildSignUpInput({ name });
  const user = await registerUser(live.db, input);
  return { ...input, id: user.id };
}

/**
 * Each racer, already signed in, posts the invite page's join action with their own token; the posts leave
 * together. Resolves with who got in (the action redirects them into the session) and what the others read.
 */
async function raceToJoin(racers: Account[], tokens: string[]): Promise<{ joined: Account[]; refusals: string[] }> {
  const actionId = findServerActionId('app/invite/[token]/actions.ts', 'joinInviteAction');
  const sessions = await Promise.all(racers.map((racer) => live.signIn(racer)));
  const answers = await Promise.all(
    sessions.map((session, index) => callServerAction(session, `/invite/${tokens[index]}`, actionId, [tokens[index], { status: 'idle' }, new FormData()])),
  );
  for (const answer of answers) expect(answer.status).toBe(200);
  return {
    joined: racers.filter((_, index) => answers[index]!.redirect !== null),
    refusals: answers.filter((answer) => answer.redirect === null).map((answer) => answer.text),
  };
}

describe('redeeming different invites of one session at the same moment', () => {
  it('lets exactly one candidate in and tells the others the session already has one, trial after trial', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const host = await createAccount(`Race Host ${trial}`);
      const { id: sessionId } = await createSession(live.db, host.id, { title: `Invite race ${trial}`, template: 'SQL_VELOCITY_DRILL' });
      const invites = [];
      for (let n = 0; n < RACERS; n++) invites.push(await createInvite(live.db, sessionId, host.id, {}));
      const racers = await Promise.all(invites.map((_, n) => createAccount(`Racer ${trial}.${n}`)));

      const { joined, refusals } = await raceToJoin(racers, invites.map((invite) => invite.token));

      const candidates = await live.db.sessionMember.findMany({ where: { sessionId, role: 'CANDIDATE' }, select: { userId: true } });
      expect(candidates, `trial ${trial}: candidates`).toHaveLength(1);
      expect(joined.map((racer) => racer.id), `trial ${trial}: who was let in`).toEqual([candidates[0]!.userId]);
      expect(refusals).toHaveLength(RACERS - 1);
      for (const refusal of refusals) expect(refusal).toContain('This session already has a candidate.');
      // A refused racer's invite stays unused (their claim rolled back with their membership).
      expect(await live.db.invite.count({ where: { sessionId, redeemedById: { not: null } } })).toBe(1);
    }
  });

  it('holds the rule in the database, for any code path that writes a member', async () => {
    const host = await createAccount('Direct Host');
    const { id: sessionId } = await createSession(live.db, host.id, { title: 'Direct write', template: 'SQL_VELOCITY_DRILL' });
    const [first, second] = [await createAccount('First Candidate'), await createAccount('Second Candidate')];
    await redeemInvite(live.db, (await createInvite(live.db, sessionId, host.id, {})).token, first);
    await expect(live.db.sessionMember.create({ data: { sessionId, userId: second.id, role: 'CANDIDATE' } })).rejects.toMatchObject({ code: 'P2002' });
    // Other roles are not limited by it: a second interviewer may still shadow.
    await live.db.sessionMember.create({ data: { sessionId, userId: second.id, role: 'INTERVIEWER' } });
    expect(await live.db.sessionMember.count({ where: { sessionId } })).toBe(3);
  });

  it('in a peer session, lets one partner in, so every round keeps one candidate and one interviewer', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const creator = await createAccount(`Peer Creator ${trial}`);
      const { id: sessionId } = await createSession(live.db, creator.id, { title: `Peer race ${trial}`, template: 'PEER_SWAP', roundKinds: ['SQL'] });
      const invites = [];
      for (let n = 0; n < RACERS; n++) invites.push(await createInvite(live.db, sessionId, creator.id, {}));
      const racers = await Promise.all(invites.map((_, n) => createAccount(`Peer Racer ${trial}.${n}`)));

      const { joined, refusals } = await raceToJoin(racers, invites.map((invite) => invite.token));

      expect(joined, `trial ${trial}: who was let in`).toHaveLength(1);
      const partner = joined[0]!;
      for (const refusal of refusals) expect(refusal).toContain('This session already has both peers.');
      const members = await live.db.sessionMember.findMany({ where: { sessionId }, select: { userId: true, role: true }, orderBy: { joinedAt: 'asc' } });
      expect(members).toEqual([
        { userId: creator.id, role: 'PEER' },
        { userId: partner.id, role: 'PEER' },
      ]);
      const rounds = await live.db.round.findMany({ where: { sessionId }, orderBy: { position: 'asc' }, select: { interviewerId: true, candidateId: true } });
      expect(rounds).toEqual([
        { interviewerId: creator.id, candidateId: partner.id },
        { interviewerId: partner.id, candidateId: creator.id },
      ]);
    }
  });
});
