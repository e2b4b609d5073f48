import net from 'node:net';

// The multi-node tests need the machine's Redis. CI (MOCKLOOP_REQUIRE_REDIS=1, set by .ci/run) always runs them and
// FAILS, with the server's own "cannot reach Redis" line, when Redis is down. On a developer machine with no Redis
// at all they are skipped, saying why, so `npm test` on a fresh machine needs nothing it cannot install itself.

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const REDIS_PORT = 6379;

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** True when the tests should be skipped; warns once per file that skips. */
export async function isRedisMissingFor(testFile: string): Promise<boolean> {
  const isMissing = process.env.MOCKLOOP_REQUIRE_REDIS !== '1' && !(await answers(REDIS_PORT));
  if (isMissing) console.warn(`${testFile}: no Redis at 127.0.0.1:${REDIS_PORT}, so its multi-node tests are skipped (CI requires them).`);
  return isMissing;
}
