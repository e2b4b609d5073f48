import type { Db } from '@/lib/db';
import { logger } from '@/lib/log';
import { cancelMatchRequest } from '@/lib/peer/cancel-match-request';
import { expireMatchRequests } from '@/lib/peer/expire-match-requests';
import { recordPeerNoShows } from '@/lib/peer/record-peer-no-shows';
import { requestMatch } from '@/lib/peer/request-match';
import { userRoom } from '@/lib/realtime/room-names';
import type { MockloopSocketServer } from './socket-types';
import { handle, type HandlerKit } from './handler-kit';

/** The partner-finding lobby: a request either waits or matches at once; both users hear of a match. */
export function registerMatchHandlers(kit: HandlerKit, io: MockloopSocketServer, db: Db, noShowWindowMs: number): void {
  const userId = kit.socket.data.user.id;

  handle(kit, 'match:request', async (payload) => {
    // Settle overdue matches first, so someone left waiting by a no-show asks again with priority.
    await settlePeerNoShows(io, db, noShowWindowMs);
    const request = await requestMatch(db, userId, payload);
    if (request.status === 'MATCHED') {
      io.to([userRoom(userId), userRoom(request.partnerId)]).emit('match:found', { sessionId: request.sessionId });
    }
    return request;
  });

  handle(kit, 'match:cancel', () => cancelMatchRequest(db, userId));
}

/** Records overdue no-shows and tells each partner left waiting that they now go first. */
export async function settlePeerNoShows(io: MockloopSocketServer, db: Db, noShowWindowMs: number, now?: Date): Promise<void> {
  const recorded = await recordPeerNoShows(db, { windowMs: noShowWindowMs, now });
  for (const noShow of recorded) {
    if (noShow.priorityForId) io.to(userRoom(noShow.priorityForId)).emit('match:partner-missing', { sessionId: noShow.sessionId });
  }
}

const SWEEP_INTERVAL_MS = 30_000;

/**
 * Settles no-shows and expires stale requests in the background, so a no-show is recorded even when nobody
 * asks. Unref'd (it never keeps the process alive); shutdown stops it first.
 */
export function startPeerMatchSweep(io: MockloopSocketServer, db: Db, options: { noShowWindowMs: number; intervalMs?: number }): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    // A slow sweep is never overlapped by the next one.
    if (running) return;
    running = (async () => {
      await settlePeerNoShows(io, db, options.noShowWindowMs);
      await expireMatchRequests(db);
    })()
      .catch((error: unknown) => logger.error({ err: error }, 'peer-match sweep failed'))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
