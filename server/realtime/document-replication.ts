import { applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentRegistry, LiveDocument } from './document-registry';

// Replication of the live documents between server processes (nodes). Each node holds its own copy of a document;
// a client's update is stored by the node that received it and only there, and the others apply it to their
// copies so that a later join on any node gets the whole state.
//
// Two halves. Outgoing: the registry is given a `DocumentReplication` (declared beside it, implemented by
// node-link.ts) when it is built, and hands it every edit and cursor move its clients make; a single process gets
// NO_REPLICATION. Incoming: the functions below apply what other nodes relay to this node's copies; node-link.ts
// calls them and passes the result to this node's sockets.

type Log = (line: string, error?: unknown) => void;

/**
 * Another node's client update: applied to this node's copy if it holds one (true), never stored here. A copy
 * still loading takes it when the load completes, since the database may not have it yet.
 */
export function applyPeerUpdate(registry: DocumentRegistry, documentId: string, update: Uint8Array, log?: Log): boolean {
  const live = registry.find(documentId);
  if (!live) {
    registry.afterLoad(documentId, (loaded) => applyQuietly(loaded, update, log));
    return false;
  }
  try {
    Y.applyUpdate(live.doc, update, 'peer');
  } catch (error) {
    log?.(`an update relayed for document ${documentId} does not apply`, error);
    return false;
  }
  live.byteSize += update.byteLength;
  return true;
}

/** Another node's client moved its cursor (or left): kept here too, so a join on this node shows it. */
export function applyPeerAwareness(registry: DocumentRegistry, documentId: string, update: Uint8Array, log?: Log): boolean {
  const live = registry.find(documentId);
  if (!live) return false;
  try {
    applyAwarenessUpdate(live.awareness, update, 'peer');
  } catch (error) {
    log?.(`an awareness update relayed for document ${documentId} does not apply`, error);
    return false;
  }
  return true;
}

/** Another node closed a document (its round or session ended there). */
export function markPeerReadOnly(registry: DocumentRegistry, documentId: string): void {
  const live = registry.find(documentId);
  if (live) live.isReadOnly = true;
}

/**
 * Other nodes' whole states of a document, after this node was cut off from their relays: merged into this
 * node's copy. Returns what the copy lacked (for this node's sockets), or null when it holds no copy or was
 * given nothing. The result always carries the delete set: a deletion adds nothing to a state vector.
 */
export function mergePeerStates(registry: DocumentRegistry, documentId: string, states: Uint8Array[], log?: Log): Uint8Array | null {
  const live = registry.find(documentId);
  if (!live || states.length === 0) return null;
  const before = Y.encodeStateVector(live.doc);
  for (const state of states) applyQuietly(live, state, log);
  const missing = Y.encodeStateAsUpdate(live.doc, before);
  live.byteSize += missing.byteLength;
  return missing;
}

/** This node's copy of a document as one update (another node is loading it), or null when not held here. */
export function encodeLocalState(registry: DocumentRegistry, documentId: string): Uint8Array | null {
  const live = registry.find(documentId);
  return live ? Y.encodeStateAsUpdate(live.doc) : null;
}

function applyQuietly(live: LiveDocument, update: Uint8Array, log?: Log): void {
  try {
    Y.applyUpdate(live.doc, update, 'peer');
  } catch (error) {
    log?.(`a peer's state of document ${live.id} does not apply`, error);
  }
}
