import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { WRONG_CREDENTIALS } from '@/lib/auth/verify-credentials';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { withLiveTestServer } from '../../support/live-test-server';

// Password guessing is throttled without handing a stranger the power to keep an account's owner out: failures
// count per account and address, an account that many addresses guess at admits only recognised devices and
// addresses with no failures, and a device that signed in before always gets its owner in (OWASP ASVS 2.2.1).
// The server trusts X-Forwarded-For here, so each test plays several addresses. Budgets are the defaults.

const live = withLiveTestServer({ TRUST_PROXY: 'true' });
const TOO_MANY = /^Too many sign-in attempts\. Try again in \d+ minutes?\.$/;

let addressCounter = 0;
/** A client address no other test in this file uses. */
function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

/** next-auth's credentials flow from a given client address, in that browser's session. */
function signInFrom(session: HttpSession, ip: string, email: string, password: string): Promise<{ ok: boolean; error?: string }> {
  return session.signIn(email, password, { fromIp: ip });
}

/** A browser with nothing but the session cookie of an earlier sign-in: what a new device looks like. */
function newDevice(): HttpSession {
  return new HttpSession(live.server.baseUrl);
}

async function account() {
  const input = buildSignUpInput({ name: 'Guessed Owner' });
  await registerUser(live.db, input);
  return input;
}

describe('sign-in throttling', () => {
  it('throttles guessing from one address without keeping the owner out from another address or a device that signed in before', async () => {
    const owner = await account();
    const guesser = freshAddress();
    // The owner's laptop signed in last week, from the very address the guesser now uses (an office NAT).
    const laptop = newDevice();
    expect(await signInFrom(laptop, guesser, owner.email, owner.password)).toEqual({ ok: true });

    const attacker = newDevice();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await signInFrom(attacker, guesser, owner.email, `wrong guess ${attempt}`)).toEqual({ ok: false, error: WRONG_CREDENTIALS });
    }
    // Guessing from that address is over for this account, whatever the password.
    expect((await signInFrom(attacker, guesser, owner.email, 'wrong guess 5')).error).toMatch(TOO_MANY);
    expect((await signInFrom(newDevice(), guesser, owner.email, owner.password)).error).toMatch(TOO_MANY);

    // The owner elsewhere, on a new device, and on the laptop behind the guesser's address, still get in.
    const phone = newDevice();
    expect(await signInFrom(phone, freshAddress(), owner.email, owner.password)).toEqual({ ok: true });
    expect(phone.hasSessionCookie()).toBe(true);
    expect(await signInFrom(laptop, guesser, owner.email, owner.password)).toEqual({ ok: true });
  });

  it('lets an account that many addresses guess at admit only recognised devices and addresses without failures', async () => {
    const owner = await account();
    const home = freshAddress();
    const laptop = newDevice();
    expect(await signInFrom(laptop, home, owner.email, owner.password)).toEqual({ ok: true });

    // 4 addresses × 5 guesses reach the account's soft limit (20 failures in the window).
    const botnet = [freshAddress(), freshAddress(), freshAddress(), freshAddress()];
    for (const ip of botnet) {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await signInFrom(newDevice(), ip, owner.email, `spray ${attempt}`)).error).toBe(WRONG_CREDENTIALS);
      }
    }
    // A new address still gets one try; once it has failed, it waits like the others.
    const another = freshAddress();
    expect((await signInFrom(newDevice(), another, owner.email, 'one more guess')).error).toBe(WRONG_CREDENTIALS);
    expect((await signInFrom(newDevice(), another, owner.email, 'and another')).error).toMatch(TOO_MANY);
    expect((await signInFrom(newDevice(), another, owner.email, owner.password)).error).toMatch(TOO_MANY);

    // The owner: from an address with no failures, and on the laptop from an address that has guessed.
    expect(await signInFrom(newDevice(), freshAddress(), owner.email, owner.password)).toEqual({ ok: true });
    expect(await signInFrom(laptop, botnet[0]!, owner.email, owner.password)).toEqual({ ok: true });
  });

  it('counts a recognised device’s own failures, so its cookie buys no extra guesses', async () => {
    const owner = await account();
    const ip = freshAddress();
    const laptop = newDevice();
    expect(await signInFrom(laptop, ip, owner.email, owner.password)).toEqual({ ok: true });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signInFrom(laptop, freshAddress(), owner.email, `typo ${attempt}`)).error).toBe(WRONG_CREDENTIALS);
    }
    expect((await signInFrom(laptop, freshAddress(), owner.email, owner.password)).error).toMatch(TOO_MANY);
  });

  it('still limits one address guessing across many accounts', async () => {
    const ip = freshAddress();
    // 50 failures per address per window (one typo each for a class of 50 behind one address).
    for (let attempt = 0; attempt < 50; attempt += 1) {
      expect((await signInFrom(newDevice(), ip, `nobody-${attempt}@example.test`, 'a guess')).error).toBe(WRONG_CREDENTIALS);
    }
    const owner = await account();
    expect((await signInFrom(newDevice(), ip, owner.email, owner.password)).error).toMatch(TOO_MANY);
    expect(await signInFrom(newDevice(), freshAddress(), owner.email, owner.password)).toEqual({ ok: true });
  });
});
