import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { withLiveTestServer } from '../../support/live-test-server';
import { socketHandshake } from '../../support/socket-handshake';
import { callServerAction, findServerActionId } from '../../support/server-action';

// A classroom behind one office NAT: 50 people sign up, sign in and open their sockets from one address, with
// the default budgets. Socket handshakes are budgeted per user, so one account opening socket after socket
// spends its own budget only; the per-address ceiling is a loose outer bound, and handshakes without a session
// get a stricter one. The server trusts X-Forwarded-For, so the test plays the NAT.

const live = withLiveTestServer({ TRUST_PROXY: 'true' });
const CLASS_SIZE = 50;
const TABS_EACH = 3;

/** The socket handshake's outcome from `ip`: connected, or the server's reason for refusing it. */
function handshake(ip: string, cookie?: string): Promise<'connected' | string> {
  return socketHandshake(live.server.baseUrl, { 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) });
}

async function signInFrom(ip: string, email: string, password: string): Promise<HttpSession> {
  const session = new HttpSession(live.server.baseUrl);
  expect((await session.signIn(email, password, { fromIp: ip })).error, email).toBeUndefined();
  return session;
}

async function signedInFrom(ip: string): Promise<HttpSession> {
  const input = buildSignUpInput();
  await registerUser(live.db, input);
  return signInFrom(ip, input.email, input.password);
}

/** Runs `task` for each item, a few at a time (the machine is shared; a class does not click in lockstep). */
async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>, size = 10): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(task))));
  return results;
}

describe('one address shared by a class', () => {
  it('lets 50 people behind one address sign up, sign in and open a few tabs each', async () => {
    const classroom = '198.18.10.1';
    const visitor = new HttpSession(live.server.baseUrl);
    const actionId = findServerActionId('app/sign-up/actions.ts', 'signUpAction');
    const students = Array.from({ length: CLASS_SIZE }, (_, n) => buildSignUpInput({ name: `Student ${n}` }));

    const signUps = await inBatches(students, async ({ name, email, password }) => {
      const data = new FormData();
      for (const [field, value] of Object.entries({ name, email, password })) data.append(field, value);
      return (await callServerAction(visitor, '/sign-up', actionId, [{ status: 'idle' }, data], { 'x-forwarded-for': classroom })).text;
    });
    for (const text of signUps) expect(text).toContain('"status":"registered"');

    const sessions = await inBatches(students, ({ email, password }) => signInFrom(classroom, email, password));
    const tabs = sessions.flatMap((session) => Array.from({ length: TABS_EACH }, () => session));
    const outcomes = await inBatches(tabs, (session) => handshake(classroom, session.cookieHeader()));
    expect(outcomes.filter((outcome) => outcome !== 'connected')).toEqual([]);
    expect(outcomes).toHaveLength(CLASS_SIZE * TABS_EACH);
  });

  it('lets one user opening socket after socket spend only their own budget', async () => {
    const office = '198.18.11.1';
    const greedy = await signedInFrom(office);
    const outcomes: string[] = [];
    // The per-user budget is 30 handshakes a minute.
    for (let attempt = 0; attempt < 31; attempt += 1) outcomes.push(await handshake(office, greedy.cookieHeader()));
    expect(outcomes.slice(0, 30).every((outcome) => outcome === 'connected')).toBe(true);
    expect(outcomes[30]).toBe('RATE_LIMITED');
    // Their budget follows them to another address; everyone else behind theirs is unaffected.
    expect(await handshake('198.18.11.2', greedy.cookieHeader())).toBe('RATE_LIMITED');
    const colleague = await signedInFrom(office);
    expect(await handshake(office, colleague.cookieHeader())).toBe('connected');
  });

  it('gives handshakes without a session a stricter per-address budget, which signed-in users do not share', async () => {
    const office = '198.18.12.1';
    const outcomes: string[] = [];
    // 60 handshakes without a session a minute per address.
    for (let attempt = 0; attempt < 61; attempt += 1) outcomes.push(await handshake(office));
    expect(outcomes.slice(0, 60).every((outcome) => outcome === 'UNAUTHENTICATED')).toBe(true);
    expect(outcomes[60]).toBe('RATE_LIMITED');
    const student = await signedInFrom(office);
    expect(await handshake(office, student.cookieHeader())).toBe('connected');
  });
});
