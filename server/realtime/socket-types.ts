import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';
import type { SocketData } from '@/lib/realtime/socket-events';
import type { PeerRelay } from './peer-outbox';

// The socket.io types every server/realtime file shares. They live apart from create-socket-server.ts so the
// handlers and the node link, which that file imports, never import it back.

/** Server-side events between nodes. Binary travels as base64: the adapter sends these as JSON. */
export interface InterNodeEvents {
  /** The updates and cursor moves a node received from its clients during one turn of its event loop. */
  'doc:peer-relays': (payload: { relays: PeerRelay[] }) => void;
  'doc:peer-read-only': (payload: { documentId: string }) => void;
  /** A node back from an outage offers its copy's full state: each node merges it and relays what it lacked. */
  'doc:peer-resync': (payload: { documentId: string; state: string }) => void;
  /** Answered by every other node with its copy's full state (base64), or null when it holds none. */
  'doc:peer-state': (payload: { documentId: string }, ack: (state: string | null) => void) => void;
}

export type MockloopSocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, SocketData>;

export type MockloopSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
