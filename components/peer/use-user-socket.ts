'use client';

import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { HANDSHAKE_RATE_LIMITED, HANDSHAKE_UNAUTHENTICATED, HANDSHAKE_RETRY_AFTER_MS } from '@/lib/realtime/socket-events';
import type { RoomSocket } from '@/components/room/socket-request';

export interface UserSocket {
  /** Null until connected (and again while reconnecting): commands wait for it. */
  socket: RoomSocket | null;
  isSignedOut: boolean;
}

/**
 * A socket outside any session room: the server puts every socket in its user's own room, so broadcasts meant
 * for this user (a match found) reach it.
 */
export function useUserSocket(): UserSocket {
  const [socket, setSocket] = useState<RoomSocket | null>(null);
  const [isSignedOut, setIsSignedOut] = useState(false);

  useEffect(() => {
    // Same origin, websocket only: the session cookie rides on the upgrade request.
    const connection: RoomSocket = io({ transports: ['websocket'] });
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    connection.on('connect', () => setSocket(connection));
    connection.on('disconnect', (reason) => {
      setSocket(null);
      if (reason === 'io server disconnect') connection.connect();
    });
    connection.on('connect_error', (error) => {
      if (error.message === HANDSHAKE_UNAUTHENTICATED) setIsSignedOut(true);
      // A refusal by the server's middleware is final for socket.io; this one passes, so try again later.
      if (error.message === HANDSHAKE_RATE_LIMITED) retryTimer = setTimeout(() => connection.connect(), HANDSHAKE_RETRY_AFTER_MS);
    });
    return () => {
      if (retryTimer) clearTimeout(retryTimer);
      connection.removeAllListeners();
      connection.disconnect();
    };
  }, []);

  return { socket, isSignedOut };
}
