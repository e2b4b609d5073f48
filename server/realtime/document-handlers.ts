import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { getDocumentAccess } from '@/lib/documents/get-document-access';
import { AppError } from '@/lib/errors';
import { documentRoom } from '@/lib/realtime/room-names';
import { encodeUpdate } from '@/lib/realtime/update-encoding';
import type { DocumentRegistry, LiveDocument } from './document-registry';
import { handle, requireRoom, type HandlerKit } from './handler-kit';

const OPEN_FIRST = 'Open the document first.';

export function registerDocumentHandlers(kit: HandlerKit, db: Db, registry: DocumentRegistry, maxUpdateBytes: number): void {
  const { socket } = kit;
  const userId = socket.data.user.id;

  handle(kit, 'doc:join', async ({ sessionId, documentId, stateVector }) => {
    // Access is decided here (membership, and notes for interviewers only); later events check the room.
    await getDocumentAccess(db, sessionId, documentId, userId);
    const live = await registry.open(documentId, socket.id);
    await socket.join(documentRoom(documentId));
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(live.doc, stateVector?.bytes);
    } catch {
      throw new AppError('INVALID_INPUT', 'Malformed state vector.');
    }
    const others = [...live.awareness.getStates().keys()];
    return {
      update: encodeUpdate(update),
      stateVector: encodeUpdate(Y.encodeStateVector(live.doc)),
      isReadOnly: live.isReadOnly,
      awareness: others.length > 0 ? encodeUpdate(encodeAwarenessUpdate(live.awareness, others)) : null,
      limits: { maxUpdateBytes, maxDocumentBytes: registry.maxDocumentBytes, documentBytes: live.byteSize },
    };
  });

  handle(kit, 'doc:update', async ({ documentId, update, clientUpdateId, awareness }) => {
    requireRoom(socket, documentRoom(documentId), OPEN_FIRST);
    const live = registry.find(documentId);
    if (!live) throw new AppError('UNAVAILABLE', 'The document is reloading; try again.');
    if (awareness) applySocketAwareness(live, socket.id, awareness.bytes);
    const { durable, isResend } = registry.apply(live, update.bytes, { userId, clientUpdateId, origin: socket.id });
    if (!isResend) {
      // Peers first: durability must not slow propagation. This node's sockets get it here; other nodes got it
      // from apply() and pass it to theirs after updating their copy (so a join there never misses it).
      socket
        .to(documentRoom(documentId))
        .local.emit('doc:updated', { documentId, update: update.base64, ...(awareness ? { awareness: awareness.base64 } : {}) });
      if (awareness) registry.peers.publishAwareness(documentId, awareness.bytes);
    }
    await durable;
    return {};
  });

  handle(kit, 'awareness:update', async ({ documentId, update }) => {
    requireRoom(socket, documentRoom(documentId), OPEN_FIRST);
    const live = registry.find(documentId);
    if (!live) return {};
    applySocketAwareness(live, socket.id, update.bytes);
    socket.to(documentRoom(documentId)).local.emit('awareness:updated', { documentId, update: update.base64 });
    registry.peers.publishAwareness(documentId, update.bytes);
    return {};
  });

  handle(kit, 'doc:leave', async ({ documentId }) => {
    requireRoom(socket, documentRoom(documentId), OPEN_FIRST);
    leaveDocument(kit, registry, documentId);
    return {};
  });
}

/**
 * Applies a socket's cursor update; the document notes which awareness ids it announced (removed when it leaves).
 * An update naming an id another socket announced first is refused whole: it would rename or move their cursor.
 */
function applySocketAwareness(live: LiveDocument, socketId: string, update: Uint8Array): void {
  let clientIds: number[];
  try {
    clientIds = awarenessClientIds(update);
  } catch {
    throw new AppError('INVALID_INPUT', 'That is not a valid awareness update.');
  }
  for (const clientId of clientIds) {
    const owner = live.awarenessOwners.get(clientId);
    if (owner !== undefined && owner !== socketId) throw new AppError('FORBIDDEN', 'That cursor belongs to someone else.');
  }
  try {
    applyAwarenessUpdate(live.awareness, update, socketId);
  } catch {
    throw new AppError('INVALID_INPUT', 'That is not a valid awareness update.');
  }
}

/** The client ids an awareness update speaks for (y-protocols' encoding: count, then id, clock, state per entry). */
function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clientIds: number[] = [];
  for (let index = 0; index < count; index += 1) {
    clientIds.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return clientIds;
}

/** Leaves one document: its room, its holder slot, and the cursors this socket announced (broadcast as removed). */
export function leaveDocument(kit: HandlerKit, registry: DocumentRegistry, documentId: string): void {
  const live = registry.find(documentId);
  const removedIds = registry.close(documentId, kit.socket.id);
  void kit.socket.leave(documentRoom(documentId));
  if (live && removedIds.length > 0) {
    const update = encodeAwarenessUpdate(live.awareness, removedIds);
    kit.socket.to(documentRoom(documentId)).local.emit('awareness:updated', { documentId, update: encodeUpdate(update) });
    registry.peers.publishAwareness(documentId, update);
  }
}
