import { io } from 'socket.io-client';

/** A socket.io handshake's outcome: 'connected', or the server's reason for refusing it. */
export function socketHandshake(baseUrl: string, headers: Record<string, string>): Promise<'connected' | string> {
  const socket = io(baseUrl, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}
