// The shapes the socket events carry and the handshake's refusals, shared by the browser and the server. The
// events themselves (which side sends each, its schema, its reply) are listed once, in contract.ts. Nothing here
// pulls zod: the browser may import this module's values.

export interface SocketIdentity {
  id: string;
  name: string;
}

export interface SessionRef {
  sessionId: string;
}

export interface DocumentRef extends SessionRef {
  documentId: string;
}

/** Yjs bytes travel as base64 text here as on every event (lib/realtime/update-encoding.ts). */
export interface DocumentJoined {
  /** What the client lacks, relative to the state vector it sent (the whole document without one). */
  update: string;
  /** The server's state vector: the client answers with what the server lacks (edits made offline). */
  stateVector: string;
  isReadOnly: boolean;
  /** Current cursors and names of the others in the document, if any. */
  awareness: string | null;
  /** What the server will take, so the editor refuses (and explains) an edit before sending it. */
  limits: DocumentLimits;
}

export interface DocumentLimits {
  /** Largest Yjs update one doc:update may carry, in bytes before base64 (SOCKET_MAX_MESSAGE_BYTES). */
  maxUpdateBytes: number;
  /** DOCUMENT_MAX_BYTES: the server refuses an update that would take `documentBytes` past it. */
  maxDocumentBytes: number;
  /** The document's size as the server counts it (stored snapshot and updates) at the time of the join. */
  documentBytes: number;
}

export interface SocketData {
  user: SocketIdentity & { email: string };
}

/** Why a handshake was refused; the browser shows it and sends the user to sign in. */
export const HANDSHAKE_UNAUTHENTICATED = 'UNAUTHENTICATED';

/** A handshake refused because this user, or everyone behind this address, opened too many in the last minute. */
export const HANDSHAKE_RATE_LIMITED = 'RATE_LIMITED';

/** How long the browser waits before trying again after a RATE_LIMITED handshake. */
export const HANDSHAKE_RETRY_AFTER_MS = 15_000;
