import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';
import { createRateLimiter } from '@/lib/rate-limits/create-rate-limiter';

export interface InviteRateLimits {
  maxAttemptsPerUser: number;
  maxAttemptsPerIp: number;
  windowSeconds: number;
}

/**
 * Every invite redemption is counted per signed-in user (one account trying many links) and per client address
 * (many accounts from one address). Tokens are long and random, so this is not what keeps them secret; it keeps
 * anyone from trying links by the thousand and from hammering the database with redemptions.
 */
export class InviteRateLimiter {
  private readonly perUser: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(limits: InviteRateLimits) {
    this.perUser = createRateLimiter({ keyPrefix: 'invite-user', points: limits.maxAttemptsPerUser, duration: limits.windowSeconds });
    this.perIp = createRateLimiter({ keyPrefix: 'invite-ip', points: limits.maxAttemptsPerIp, duration: limits.windowSeconds });
  }

  /** Spends one attempt of each budget; throws RATE_LIMITED (with when to retry) once either is spent. */
  async consume(userId: string, ip: string): Promise<void> {
    try {
      await this.perUser.consume(userId);
      await this.perIp.consume(ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext);
      throw rejection;
    }
  }
}

function rateLimited(msBeforeNext: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError('RATE_LIMITED', `Too many invite attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { retryAfterSeconds });
}
