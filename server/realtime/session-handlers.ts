import type { Db } from '@/lib/db';
import { interviewerRoom, sessionRoom } from '@/lib/realtime/room-names';
import { recordPeerArrival } from '@/lib/peer/record-peer-arrival';
import { changeSessionStatus } from '@/lib/sessions/change-session-status';
import { getSessionView } from '@/lib/sessions/get-session-view';
import { handle, requireRoom, type HandlerKit } from './handler-kit';
import { broadcastPresence } from './presence';
import type { DomainEventPublisher } from './publish-domain-events';
import type { MockloopSocketServer } from './socket-types';

export function registerSessionHandlers(kit: HandlerKit, io: MockloopSocketServer, db: Db, publish: DomainEventPublisher): void {
  const { socket } = kit;
  const userId = socket.data.user.id;

  handle(kit, 'clock:ping', async () => ({ serverNow: Date.now() }));

  handle(kit, 'session:join', async ({ sessionId }) => {
    // getSessionView refuses non-members; only then does the socket enter the rooms.
    const view = await getSessionView(db, sessionId, userId);
    // A matched peer counts as having shown up from their first join (the no-show check reads it).
    await recordPeerArrival(db, sessionId, userId);
    await socket.join(sessionRoom(sessionId));
    // The interviewer room is session-wide, so only a classic session's interviewers enter it. Peers never do: who
    // interviews changes round by round, and a session-wide room would hand one round's material to its candidate.
    if (view.viewerRole === 'INTERVIEWER') await socket.join(interviewerRoom(sessionId));
    void broadcastPresence(io, sessionId);
    // A candidate who just redeemed an invite (a server action, outside the socket world) arrives here next:
    // the others refresh their view, so the member list and invite statuses update at once.
    socket.to(sessionRoom(sessionId)).emit('session:changed', { sessionId, reason: 'member.joined' });
    return view;
  });

  handle(kit, 'session:get', async ({ sessionId }) => {
    requireRoom(socket, sessionRoom(sessionId), 'Join the session first.');
    return getSessionView(db, sessionId, userId);
  });

  for (const [event, status] of [
    ['session:start', 'LIVE'],
    ['session:complete', 'COMPLETED'],
  ] as const) {
    handle(kit, event, async ({ sessionId }) => {
      requireRoom(socket, sessionRoom(sessionId), 'Join the session first.');
      publish((await changeSessionStatus(db, sessionId, userId, status)).events);
      return {};
    });
  }
}
