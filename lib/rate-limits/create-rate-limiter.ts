import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

// A budget counted in one process's memory is multiplied by the number of nodes: with three nodes behind a load
// balancer, a password guesser gets three times the attempts. When REDIS_URL is set, the custom server hands its
// Redis connection over at start-up, and every limiter created afterwards counts in Redis, shared by all nodes,
// with a limiter in memory as insurance while Redis is unreachable (the budget then holds per node, as without
// Redis). The connection lives on globalThis because Next bundles lib/ apart from the server's own copy.

const globalForLimits = globalThis as unknown as { mockloopRateLimitStore?: { client: Redis; keyPrefix: string } };

export interface RateLimit {
  /** Names the budget; keys are `<prefix>:<keyPrefix>:<key>`. */
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** Called by the server when it has a Redis connection, before it serves requests. */
export function shareRateLimitsThrough(client: Redis, keyPrefix: string): void {
  globalForLimits.mockloopRateLimitStore = { client, keyPrefix };
}

export function createRateLimiter(limit: RateLimit): RateLimiterAbstract {
  const memory = new RateLimiterMemory(limit);
  const store = globalForLimits.mockloopRateLimitStore;
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
