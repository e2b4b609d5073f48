import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { processSingleton } from '@/lib/process-services';
import { InviteRateLimiter } from './invite-rate-limiter';
import { redeemInvite } from './redeem-invite';

/** One limiter per process, shared by every bundle that imports this module. */
function getInviteLimiter(): InviteRateLimiter {
  return processSingleton('inviteLimiter', () => {
    const env = getEnv();
    return new InviteRateLimiter({
      maxAttemptsPerUser: env.INVITE_MAX_ATTEMPTS_PER_USER,
      maxAttemptsPerIp: env.INVITE_MAX_ATTEMPTS_PER_IP,
      windowSeconds: env.INVITE_WINDOW_SECONDS,
    });
  });
}

/** redeemInvite for a request from the network: counted against the user's and the address's budgets first. */
export async function redeemInviteLimited(db: Db, token: string, user: { id: string; email: string }, ip: string): Promise<{ sessionId: string }> {
  await getInviteLimiter().consume(user.id, ip);
  return redeemInvite(db, token, user);
}
