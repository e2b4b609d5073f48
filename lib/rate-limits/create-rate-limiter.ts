import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { readRateLimitStore } from '@/lib/process-services';

// A budget counted in one process's memory is multiplied by the number of nodes: with three nodes behind a load
// balancer, a password guesser gets three times the attempts. When REDIS_URL is set, the custom server hands its
// Redis connection over at start-up, and every limiter created afterwards counts in Redis, shared by all nodes,
// with a limiter in memory as insurance while Redis is unreachable (the budget then holds per node, as without
// Redis). The connection is a process service (lib/process-services.ts): the server installs it, every bundle reads it.

export interface RateLimit {
  /** Names the budget; keys are `<prefix>:<keyPrefix>:<key>`. */
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

export function createRateLimiter(limit: RateLimit): RateLimiterAbstract {
  const memory = new RateLimiterMemory(limit);
  const store = readRateLimitStore();
  if (!store) return memory;
  return new RateLimiterRedis({
    ...limit,
    keyPrefix: `${store.keyPrefix}:rate:${limit.keyPrefix}`,
    storeClient: store.client,
    insuranceLimiter: memory,
    // Do not wait for a reconnecting Redis: count in memory meanwhile.
    rejectIfRedisNotReady: true,
  });
}
