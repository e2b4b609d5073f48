import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { InviteRateLimiter } from './invite-rate-limiter';

describe('InviteRateLimiter', () => {
  it('refuses a user past their budget with when to retry, whatever address they use', async () => {
    const limiter = new InviteRateLimiter({ maxAttemptsPerUser: 2, maxAttemptsPerIp: 100, windowSeconds: 600 });
    await limiter.consume('u1', '1.1.1.1');
    await limiter.consume('u1', '2.2.2.2');
    const refusal = await limiter.consume('u1', '3.3.3.3').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many invite attempts. Try again in 10 minutes.' });
    expect((refusal as AppError).details.retryAfterSeconds).toBeGreaterThan(590);
    await limiter.consume('u2', '3.3.3.3');
  });

  it('refuses an address past its budget, whichever user signs in from it', async () => {
    const limiter = new InviteRateLimiter({ maxAttemptsPerUser: 100, maxAttemptsPerIp: 2, windowSeconds: 60 });
    await limiter.consume('a', '9.9.9.9');
    await limiter.consume('b', '9.9.9.9');
    await expect(limiter.consume('c', '9.9.9.9')).rejects.toMatchObject({ code: 'RATE_LIMITED', message: 'Too many invite attempts. Try again in 1 minute.' });
  });
});
