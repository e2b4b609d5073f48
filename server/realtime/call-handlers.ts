import { assertCallAccess } from '@/lib/calls/get-call-access';
import { callParticipantRoom, callRoom } from '@/lib/calls/call-room-names';
import { MAX_CALL_PARTICIPANTS, type CallLeaveReason, type CallMediaState, type CallParticipant } from '@/lib/calls/call-types';
import { callNetworkConfigOf, iceServersFor } from '@/lib/calls/ice-servers';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { sessionRoom } from '@/lib/realtime/room-names';
import type { SocketData } from '@/lib/realtime/socket-events';
import { handle, requireRoom, type HandlerKit } from './handler-kit';
import type { MockloopSocketServer } from './socket-types';

// The call's signalling (issue 22). The server never touches media: it admits members of the session into the
// call's room and relays offers, answers and candidates between two sockets of that room. Relays go to a room
// (not a bare socket id), so they cross nodes through the Redis adapter like every other broadcast.

/** What a socket in a call carries in socket.data, so a newcomer on any node learns the others' state. */
type CallSocketData = SocketData & { call?: { sessionId: string } & CallMediaState };

function participantOf(socket: { id: string; data: SocketData }): CallParticipant | null {
  const { call, user } = socket.data as CallSocketData;
  if (!call) return null;
  return { id: socket.id, userId: user.id, name: user.name, isMuted: call.isMuted, isCameraOff: call.isCameraOff };
}

export function registerCallHandlers(kit: HandlerKit, io: MockloopSocketServer, db: Db): void {
  const { socket } = kit;
  const data = socket.data as CallSocketData;
  const userId = data.user.id;

  const leaveCall = async (reason: CallLeaveReason) => {
    const current = data.call;
    if (!current) return;
    delete data.call;
    socket.to(callRoom(current.sessionId)).emit('call:left', { sessionId: current.sessionId, participantId: socket.id, reason });
    await socket.leave(callRoom(current.sessionId));
    await socket.leave(callParticipantRoom(current.sessionId, socket.id));
  };

  handle(kit, 'call:join', async ({ sessionId, isMuted, isCameraOff }) => {
    requireRoom(socket, sessionRoom(sessionId), 'Join the session first.');
    await assertCallAccess(db, sessionId, userId);
    if (data.call && data.call.sessionId !== sessionId) await leaveCall('left');
    const others = (await io.in(callRoom(sessionId)).fetchSockets()).filter((other) => other.id !== socket.id);
    if (others.length >= MAX_CALL_PARTICIPANTS) {
      throw new AppError('CONFLICT', `This call is full: up to ${MAX_CALL_PARTICIPANTS} people can be in it, each sending to every other.`);
    }
    data.call = { sessionId, isMuted, isCameraOff };
    await socket.join([callRoom(sessionId), callParticipantRoom(sessionId, socket.id)]);
    // Sent even when this socket was in the call already: it starts over, so the others start their side over too.
    socket.to(callRoom(sessionId)).emit('call:joined', { sessionId, participant: participantOf(socket)! });
    return {
      selfId: socket.id,
      participants: others.flatMap((other) => participantOf(other) ?? []),
      iceServers: iceServersFor(callNetworkConfigOf(getEnv()), userId, Date.now()),
    };
  });

  handle(kit, 'call:leave', async ({ sessionId }) => {
    requireRoom(socket, sessionRoom(sessionId), 'Join the session first.');
    if (data.call?.sessionId === sessionId) await leaveCall('left');
    return {};
  });

  handle(kit, 'call:state', async ({ sessionId, isMuted, isCameraOff }) => {
    requireRoom(socket, callRoom(sessionId), 'Join the call first.');
    data.call = { sessionId, isMuted, isCameraOff };
    socket.to(callRoom(sessionId)).emit('call:state-changed', { sessionId, participantId: socket.id, isMuted, isCameraOff });
    return {};
  });

  handle(kit, 'call:signal', async ({ sessionId, to, description, candidate }) => {
    requireRoom(socket, callRoom(sessionId), 'Join the call first.');
    if (to === socket.id) throw new AppError('INVALID_INPUT', 'A participant cannot signal themselves.');
    // Only a socket in this session's call is in its participant room: asking the room (on every node) is the check.
    const recipient = callParticipantRoom(sessionId, to);
    if ((await io.in(recipient).fetchSockets()).length === 0) throw new AppError('NOT_FOUND', 'That participant is not in this call.');
    const from = socket.id;
    if (description) io.to(recipient).emit('call:signalled', { sessionId, from, description });
    else if (candidate) io.to(recipient).emit('call:signalled', { sessionId, from, candidate });
    return {};
  });

  // Still in its rooms here: the others learn that this participant dropped rather than left.
  socket.on('disconnecting', () => void leaveCall('dropped'));
}
