import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';
import { createRateLimiter } from '@/lib/rate-limits/create-rate-limiter';

export interface SignInRateLimits {
  maxAttemptsPerAccount: number;
  maxAttemptsPerIp: number;
  /** Sign-ups one address may attempt per window (each hashes a password, and may reveal a taken email). */
  maxSignUpsPerIp: number;
  windowSeconds: number;
}

/**
 * Failed sign-ins are counted per account (slows guessing one password from many addresses) and every attempt
 * per IP (slows trying many accounts from one address). A success clears the account's count.
 */
export class SignInRateLimiter {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;
  private readonly signUpsPerIp: RateLimiterAbstract;

  constructor(limits: SignInRateLimits) {
    this.signUpsPerIp = createRateLimiter({
      keyPrefix: 'sign-up-ip',
      points: limits.maxSignUpsPerIp,
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

  /** Throws RATE_LIMITED when either budget is spent; otherwise spends one IP point. */
  async beforeAttempt(email: string, ip: string): Promise<void> {
    const account = await this.perAccount.get(email);
    if (account && account.remainingPoints <= 0) throw rateLimited(account.msBeforeNext);
    try {
      await this.perIp.consume(ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext);
      throw rejection;
    }
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

  async recordFailure(email: string): Promise<void> {
    await this.perAccount.penalty(email, 1);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
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
