import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';
import { createRateLimiter } from '@/lib/rate-limits/create-rate-limiter';

export interface SignInRateLimits {
  /** Failed sign-ins one address (or one known device) may make against one account per window. */
  maxAttemptsPerAccountAndIp: number;
  /** Failed sign-ins an account may collect from everywhere per window before it admits only known devices and clean addresses. */
  maxAttemptsPerAccount: number;
  /** Failed sign-ins one address may make over all accounts per window. */
  maxAttemptsPerIp: number;
  /** Sign-ups one address may attempt per window (each hashes a password, and may reveal a taken email). */
  maxSignUpsPerIp: number;
  windowSeconds: number;
}

/** Who is trying: the client address, and the known-device id the browser proved for this account, if any. */
export interface SignInSource {
  email: string;
  ip: string;
  deviceId: string | null;
}

/**
 * Anti-automation after OWASP ASVS 2.2.1, without a lockout anyone can impose on an owner. Only failures count,
 * in three budgets:
 * - per account and address (per account and device, for a known device): the guesser at one address stops
 *   after a few tries at one account, and nobody else is affected;
 * - per address, over all accounts: one address spraying many accounts stops;
 * - per account, from everywhere (a soft limit): once many addresses have guessed at an account, only its known
 *   devices and addresses with no failures at all in the window may still try, so each further guess costs the
 *   guesser a fresh address. One address alone never reaches it: lib/env.ts keeps it over twice the budget per
 *   account and address (an address's budget windows need not line up with the account's, so two may overlap one).
 * A known device skips the address and account budgets (its correct password always gets its owner in) and has
 * a budget of its own per account instead, so its cookie buys no extra guesses. A success clears the budget of
 * the address (or device) that succeeded.
 */
export class SignInRateLimiter {
  private readonly perAccountAndSource: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;
  private readonly signUpsPerIp: RateLimiterAbstract;

  constructor(limits: SignInRateLimits) {
    this.signUpsPerIp = createRateLimiter({
      keyPrefix: 'sign-up-ip',
      points: limits.maxSignUpsPerIp,
      duration: limits.windowSeconds,
    });
    this.perAccountAndSource = createRateLimiter({
      keyPrefix: 'sign-in-account-source',
      points: limits.maxAttemptsPerAccountAndIp,
      duration: limits.windowSeconds,
    });
    this.perAccount = createRateLimiter({
      keyPrefix: 'sign-in-account',
      points: limits.maxAttemptsPerAccount,
      duration: limits.windowSeconds,
    });
    this.perIp = createRateLimiter({
      keyPrefix: 'sign-in-ip',
      points: limits.maxAttemptsPerIp,
      duration: limits.windowSeconds,
    });
  }

  /** Throws RATE_LIMITED when this source may not try this account now; spends nothing (only failures do). */
  async beforeAttempt(source: SignInSource): Promise<void> {
    const own = await this.perAccountAndSource.get(sourceKey(source));
    if (own && isSpent(own)) throw rateLimited(own.msBeforeNext);
    if (source.deviceId) return;
    const address = await this.perIp.get(source.ip);
    if (address && isSpent(address)) throw rateLimited(address.msBeforeNext);
    const account = await this.perAccount.get(source.email);
    // Over its soft limit the account still admits an address that has not failed anywhere in the window.
    if (account && isSpent(account) && address && address.consumedPoints > 0) throw rateLimited(account.msBeforeNext);
  }

  /** Throws RATE_LIMITED once the address has spent its sign-up budget; otherwise spends one point. */
  async beforeSignUp(ip: string): Promise<void> {
    try {
      await this.signUpsPerIp.consume(ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext, 'sign-up');
      throw rejection;
    }
  }

  async recordFailure(source: SignInSource): Promise<void> {
    await Promise.all([
      this.perAccountAndSource.penalty(sourceKey(source), 1),
      this.perAccount.penalty(source.email, 1),
      this.perIp.penalty(source.ip, 1),
    ]);
  }

  /** Clears only the succeeding source's count: the account's and the address's stay, as they count others too. */
  async recordSuccess(source: SignInSource): Promise<void> {
    await this.perAccountAndSource.delete(sourceKey(source));
  }
}

function sourceKey({ email, ip, deviceId }: SignInSource): string {
  return deviceId ? `${email}|device:${deviceId}` : `${email}|ip:${ip}`;
}

function isSpent(state: RateLimiterRes): boolean {
  return state.remainingPoints <= 0;
}

function rateLimited(msBeforeNext: number, what: 'sign-in' | 'sign-up' = 'sign-in'): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    'RATE_LIMITED',
    `Too many ${what} attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds },
  );
}
