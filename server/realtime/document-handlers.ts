import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { getDocumentAccess } from '@/lib/documents/get-document-access';
import { AppError } from '@/lib/errors';
import { documentRoom } from '@/lib/realtime/room-names';
import { encodeUpdate } from '@/lib/realtime/update-encoding';
import type { DocumentRegistry } from './document-registry';
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
    const { durable, isResend } = registry.apply(live, update.bytes, { userId, clientUpdateId, origin: socket.id }, awareness?.bytes);
    if (!isResend) {
      // Peers first: durability must not slow propagation. This node's sockets get it here; other nodes got it
      // from apply() and pass it to theirs after updating their copy (so a join there never misses it).
      socket
        .to(documentRoom(documentId))
        .local.emit('doc:updated', { documentId, update: update.base64, ...(awareness ? { awareness: awareness.base64 } : {}) });
    }
    // False: the round ended while this update was on its way to the database, which refused it.
    if (!(await durable)) throw new AppError('FORBIDDEN', 'This round has ended; its document is read-only.');
    return {};
  });

  handle(kit, 'awareness:update', async ({ documentId, update }) => {
    requireRoom(socket, documentRoom(documentId), OPEN_FIRST);
    const live = registry.find(documentId);
    if (!live) return {};
    registry.applyAwareness(live, socket.id, update.bytes);
    socket.to(documentRoom(documentId)).local.emit('awareness:updated', { documentId, update: update.base64 });
    return {};
  });

  handle(kit, 'doc:leave', async ({ documentId }) => {
    requireRoom(socket, documentRoom(documentId), OPEN_FIRST);
    leaveDocument(kit, registry, documentId);
    return {};
  });
}

/** Leaves one document: its room, its holder slot, and the cursors this socket announced (broadcast as removed; the registry tells other nodes). */
export function leaveDocument(kit: HandlerKit, registry: DocumentRegistry, documentId: string): void {
  const live = registry.find(documentId);
  const removedIds = registry.close(documentId, kit.socket.id);
  void kit.socket.leave(documentRoom(documentId));
  if (live && removedIds.length > 0) {
    const update = encodeAwarenessUpdate(live.awareness, removedIds);
    kit.socket.to(documentRoom(documentId)).local.emit('awareness:updated', { documentId, update: encodeUpdate(update) });
  }
}
