import { z } from 'zod';
import { documentRoom } from '@/lib/realtime/room-names';
import { decodeUpdate as fromBase64, encodeUpdate as toBase64 } from '@/lib/realtime/update-encoding';
import type { DocumentRegistry, DocumentReplication } from './document-registry';
import { applyPeerAwareness, applyPeerUpdate, encodeLocalState, markPeerReadOnly, mergePeerStates } from './document-replication';
import { MAX_RELAYS_PER_MESSAGE, PeerOutbox, type PeerRelay } from './peer-outbox';
import type { MockloopSocketServer } from './socket-types';

// Node-to-node traffic for the Yjs documents, over the socket.io adapter's server-side events (Redis pub/sub).
// Client broadcasts (timer, session, presence, rubric) need nothing here: `io.to(room).emit` already reaches
// every node's sockets through the adapter. A document update is different: each node keeps its own copy in
// memory, so the update travels node to node, and each node applies it BEFORE passing it to its own sockets.
// A client joining on any node therefore gets either the update in its initial state or the update itself.

const relaysSchema = z.object({ relays: z.array(z.unknown()).max(MAX_RELAYS_PER_MESSAGE) });
const relaySchema = z.object({ documentId: z.string().min(1).max(64), update: z.base64().optional(), awareness: z.base64().optional() });
const resyncSchema = z.object({ documentId: z.string().min(1).max(64), state: z.base64() });
const documentRefSchema = z.object({ documentId: z.string().min(1).max(64) });

/**
 * The registry's replication over the socket.io adapter (Redis): what this node's clients change is gathered per
 * turn of the event loop (PeerOutbox) and sent to the other nodes. Built before the socket server (the registry
 * is given it at construction) and linked to it by linkDocumentNodes; a single process uses NO_REPLICATION.
 */
export class NodeReplication implements DocumentReplication {
  private io: MockloopSocketServer | null = null;
  private readonly outbox = new PeerOutbox((relays) => this.io?.serverSideEmit('doc:peer-relays', { relays }));

  publishUpdate(documentId: string, update: Uint8Array): void {
    this.outbox.addUpdate(documentId, toBase64(update));
  }

  publishAwareness(documentId: string, update: Uint8Array): void {
    this.outbox.addAwareness(documentId, toBase64(update));
  }

  publishReadOnly(documentId: string): void {
    this.io?.serverSideEmit('doc:peer-read-only', { documentId });
  }

  async fetchStates(documentId: string): Promise<Uint8Array[]> {
    if (!this.io) return [];
    const states = await this.io.serverSideEmitWithAck('doc:peer-state', { documentId });
    return states.filter((state): state is string => typeof state === 'string').map(fromBase64);
  }

  /** Sends through this socket server from now on. */
  attach(io: MockloopSocketServer): void {
    this.io = io;
  }
}

/**
 * Connects this node's document registry to the other nodes: sends through `replication` (the one the registry
 * was built with) and applies what the others relay. Only with a shared adapter (Redis).
 */
export function linkDocumentNodes(
  io: MockloopSocketServer,
  registry: DocumentRegistry,
  replication: NodeReplication,
  log: (line: string, error?: unknown) => void,
): void {
  replication.attach(io);

  // Every listener parses its payload: a malformed message from a peer is logged and dropped, never thrown.
  io.on('doc:peer-relays', (payload) => {
    const parsed = relaysSchema.safeParse(payload);
    if (!parsed.success) return log('dropped a malformed doc:peer-relays from another node');
    let malformed = 0;
    for (const item of parsed.data.relays) {
      const relay = relaySchema.safeParse(item);
      if (relay.success) passOn(io, registry, relay.data, log);
      else malformed += 1;
    }
    if (malformed > 0) log(`dropped ${malformed} malformed relay(s) in a doc:peer-relays from another node`);
  });

  io.on('doc:peer-read-only', (payload) => {
    const parsed = documentRefSchema.safeParse(payload);
    if (parsed.success) markPeerReadOnly(registry, parsed.data.documentId);
  });

  io.on('doc:peer-resync', (payload) => {
    const parsed = resyncSchema.safeParse(payload);
    if (!parsed.success) return log('dropped a malformed doc:peer-resync from another node');
    const { documentId, state } = parsed.data;
    relayMissing(io, documentId, mergePeerStates(registry, documentId, [fromBase64(state)], log));
  });

  io.on('doc:peer-state', (payload, ack) => {
    const parsed = documentRefSchema.safeParse(payload);
    const state = parsed.success ? encodeLocalState(registry, parsed.data.documentId) : null;
    if (typeof ack === 'function') ack(state ? toBase64(state) : null);
  });
}

/**
 * Applies another node's relay to this node's copy, then passes it to this node's sockets in the shape the origin
 * node used for its own: an edit with its cursor in one message. Nothing when this node does not hold the document.
 */
function passOn(io: MockloopSocketServer, registry: DocumentRegistry, { documentId, update, awareness }: PeerRelay, log: (line: string, error?: unknown) => void): void {
  const isUpdateApplied = update !== undefined && applyPeerUpdate(registry, documentId, fromBase64(update), log);
  const isAwarenessApplied = awareness !== undefined && applyPeerAwareness(registry, documentId, fromBase64(awareness), log);
  const room = io.local.to(documentRoom(documentId));
  if (isUpdateApplied) room.emit('doc:updated', { documentId, update, ...(isAwarenessApplied ? { awareness } : {}) });
  else if (isAwarenessApplied) room.emit('awareness:updated', { documentId, update: awareness });
}

function relayMissing(io: MockloopSocketServer, documentId: string, missing: Uint8Array | null): void {
  if (missing) io.local.to(documentRoom(documentId)).emit('doc:updated', { documentId, update: toBase64(missing) });
}

/**
 * After this node was cut off from Redis, the relays published meanwhile never reached it, and its own may not
 * have reached the others. For every document it holds: take the others' states and pass what was missing to
 * this node's sockets, then offer its own state to the others, which do the same. Clients stay connected.
 */
export async function resyncDocumentNodes(
  io: MockloopSocketServer,
  registry: DocumentRegistry,
  replication: NodeReplication,
  log: (line: string, error?: unknown) => void,
): Promise<void> {
  await Promise.all(
    registry.openDocumentIds().map(async (documentId) => {
      try {
        relayMissing(io, documentId, mergePeerStates(registry, documentId, await replication.fetchStates(documentId), log));
        const state = encodeLocalState(registry, documentId);
        if (state) io.serverSideEmit('doc:peer-resync', { documentId, state: toBase64(state) });
      } catch (error) {
        log(`resynchronising document ${documentId} with the other nodes failed; its clients catch up when they reconnect`, error);
      }
    }),
  );
}
