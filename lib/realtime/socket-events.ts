import type { AckCallback } from './ack';

// The socket.io contract shared by the browser and the server. Commands are imperative (`domain:verb`),
// broadcasts past tense. Payloads that arrive from clients are parsed with zod on the server, never trusted.

export interface SocketIdentity {
  id: string;
  name: string;
}

export interface ClientToServerEvents {
  'auth:whoami': (ack: AckCallback<SocketIdentity>) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- broadcasts arrive with the live room
export interface ServerToClientEvents {}

export interface SocketData {
  user: SocketIdentity & { email: string };
}

/** Why a handshake was refused; the browser shows it and sends the user to sign in. */
export const HANDSHAKE_UNAUTHENTICATED = 'UNAUTHENTICATED';
