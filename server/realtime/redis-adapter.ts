import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';

// Several server processes share rooms through Redis pub/sub (@socket.io/redis-adapter): a broadcast on one
// node reaches the sockets of every node, `fetchSockets()` counts all of them, and server-side events carry
// the document traffic between nodes (node-link.ts). One publishing and one subscribing connection per process.

export interface RedisAdapterConnection {
  adapter: NonNullable<ServerOptions['adapter']>;
  /** The publishing connection, which also serves plain commands (shared rate limits). */
  commandClient: Redis;
  keyPrefix: string;
  /** Where it is connected, without credentials: for the start-up line. */
  description: string;
  /**
   * Calls back each time both connections are back after an outage, once the subscriptions are in place again
   * (so a request sent from the listener gets its answers). Messages published while this node was cut off are
   * gone; the listener resynchronises what they carried.
   */
  onRestored(listener: () => void): void;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;
const QUIT_TIMEOUT_MS = 2_000;

/**
 * Connects both clients or throws one line naming the server (so a bad REDIS_URL stops the start at once).
 * Once connected, a lost connection is retried with backoff and logged, not fatal: the node keeps serving its
 * own sockets meanwhile.
 */
export async function connectRedisAdapter(
  url: string,
  keyPrefix: string,
  log: (line: string, error?: unknown) => void,
): Promise<RedisAdapterConnection> {
  const description = describeRedisUrl(url);
  let isStarted = false;
  let isClosing = false;
  // ioredis rejects connect() with a bare "Connection is closed."; the 'error' before it says why.
  let lastError: Error | undefined;
  const restoredListeners: (() => void)[] = [];
  let hadOutage = false;
  const announceIfRestored = () => {
    if (!hadOutage || pubClient.status !== 'ready' || subClient.status !== 'ready') return;
    hadOutage = false;
    for (const listener of restoredListeners) listener();
  };
  const connect = (role: string) => {
    const client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Before start-up completes a failure is final; afterwards reconnect (up to every 2 s) for as long as it takes.
      retryStrategy: (attempt) => (isStarted ? Math.min(attempt * 100, 2_000) : null),
    });
    let isHealthy = true;
    client.on('ready', () => {
      if (!isHealthy && isStarted) {
        log(`socket.io: Redis ${role} connection restored (${description})`);
        // ioredis re-subscribes right after 'ready'; a PING queued behind those commands answers once they are done.
        setImmediate(() => {
          client.ping().then(announceIfRestored, () => {});
        });
      }
      isHealthy = true;
      lastError = undefined;
    });
    // Without an 'error' listener ioredis prints every failed attempt; one line per outage is enough. A closed
    // connection is an outage even when no error is reported (the server closed it cleanly).
    client.on('error', (error: Error) => {
      lastError = error;
    });
    client.on('close', () => {
      if (isHealthy && isStarted && !isClosing) {
        log(`socket.io: Redis ${role} connection lost (${description})${lastError ? `: ${lastError.message}` : ''}; reconnecting`);
        isHealthy = false;
        hadOutage = true;
      }
    });
    return client;
  };
  const pubClient = connect('publish');
  const subClient = connect('subscribe');
  try {
    await Promise.all([pubClient.connect(), subClient.connect()]);
  } catch (error) {
    pubClient.disconnect();
    subClient.disconnect();
    const reason = (lastError ?? error) instanceof Error ? (lastError ?? (error as Error)).message : String(error);
    throw new Error(`REDIS_URL: cannot reach Redis at ${description} (${reason})`);
  }
  isStarted = true;
  return {
    adapter: createAdapter(pubClient, subClient, { key: keyPrefix, requestsTimeout: 3_000 }),
    commandClient: pubClient,
    keyPrefix,
    description: `${description} (key prefix "${keyPrefix}")`,
    onRestored: (listener) => restoredListeners.push(listener),
    close: async () => {
      isClosing = true;
      await Promise.all([pubClient, subClient].map((client) => quitWithin(client, QUIT_TIMEOUT_MS)));
    },
  };
}

/** QUIT lets pending replies arrive; a Redis that no longer answers is simply disconnected. */
async function quitWithin(client: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([client.quit().then(() => undefined, () => undefined), timedOut]);
  clearTimeout(timer);
  client.disconnect();
}

/** The URL without user or password. */
export function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
}
