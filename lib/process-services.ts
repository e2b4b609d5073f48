import type { Redis } from 'ioredis';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { RealtimeStatus } from '@/lib/health/realtime-status';

// The services one process shares between the custom server and the app, in one place.
//
// Next compiles lib/ into bundles of its own (route handlers, server actions, pages), apart from the custom server's
// copy of lib/, and every bundle gets its own module instances. A module-level variable would therefore exist once
// per bundle: two database pools, a sign-in budget that each bundle counts apart, a health route that never sees
// the server's realtime status. What must exist once per process is kept on globalThis, under one key, here and
// nowhere else (lint forbids globalThis outside this file).
//
// Installed by the server at start, read by the app:
//   - the Redis connection rate limits count in (installRateLimitStore → readRateLimitStore)
//   - the realtime side's status for /api/health (installRealtimeStatus → readRealtimeStatus)
// Created by whichever bundle asks first, then shared:
//   - the PrismaClient (sharedDbClient; releaseDbClient at shutdown)
//   - the sign-in and invite limiters, the SQL-check queue and the slot of the server's domain-event publisher
//     (processSingleton)

/** The Redis connection rate limits count in, with the key prefix every node shares. */
export interface RateLimitStore {
  client: Redis;
  keyPrefix: string;
}

/**
 * Instances that any bundle may create first and every bundle must then share. Their types live with their owners
 * (which import this module), so each owner names its type where it asks; one owner per name.
 */
export type ProcessSingletonName = 'signInLimiter' | 'inviteLimiter' | 'sqlCheckQueue' | 'domainEventPublisher';

interface ProcessServices {
  db?: { url: string; client: PrismaClient };
  rateLimitStore?: RateLimitStore;
  readRealtimeStatus?: () => RealtimeStatus;
  singletons: Map<ProcessSingletonName, unknown>;
}

const holder = globalThis as unknown as { mockloopServices?: ProcessServices };

function services(): ProcessServices {
  holder.mockloopServices ??= { singletons: new Map() };
  return holder.mockloopServices;
}

/** The process's PrismaClient for `url`; a different URL (tests switch databases) replaces it. */
export function sharedDbClient(url: string, create: (url: string) => PrismaClient): PrismaClient {
  const shared = services();
  if (shared.db && shared.db.url === url) return shared.db.client;
  const client = create(url);
  shared.db = { url, client };
  return client;
}

/** Forgets the process's PrismaClient and hands it over for disconnecting (shutdown). */
export function releaseDbClient(): PrismaClient | undefined {
  const shared = services();
  const client = shared.db?.client;
  shared.db = undefined;
  return client;
}

/** Called by the server when it has a Redis connection, before it serves requests. */
export function installRateLimitStore(store: RateLimitStore): void {
  services().rateLimitStore = store;
}

/** Undefined without Redis: rate limits then count in this process's memory. */
export function readRateLimitStore(): RateLimitStore | undefined {
  return services().rateLimitStore;
}

/** Called by the server's realtime side once it runs. */
export function installRealtimeStatus(reader: () => RealtimeStatus): void {
  services().readRealtimeStatus = reader;
}

/** Null when no realtime server runs in this process (e.g. `next dev` without the custom server). */
export function readRealtimeStatus(): RealtimeStatus | null {
  return services().readRealtimeStatus?.() ?? null;
}

/** The process's one instance of `name`, created by `create` on first use. */
export function processSingleton<T>(name: ProcessSingletonName, create: () => T): T {
  const { singletons } = services();
  if (!singletons.has(name)) singletons.set(name, create());
  return singletons.get(name) as T;
}
