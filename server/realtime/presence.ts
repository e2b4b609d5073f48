import type { Server } from 'socket.io';
import { sessionRoom } from '@/lib/realtime/room-names';

/** Who is connected to a session right now (across every node once an adapter joins them). */
export async function broadcastPresence(io: Server, sessionId: string): Promise<void> {
  const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
  const onlineUserIds = [...new Set(sockets.map((socket) => (socket.data as { user: { id: string } }).user.id))];
  io.to(sessionRoom(sessionId)).emit('presence:changed', { sessionId, onlineUserIds });
}
