import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PendingUpdate, StoredDocument } from '@/lib/documents/document-store';
import { DocumentRegistry, NO_REPLICATION, type DocumentReplication, type DocumentStorage } from './document-registry';
import { applyPeerAwareness, applyPeerUpdate, mergePeerStates } from './document-replication';

/** A document's storage in memory: what was appended, and a load that can be held open. */
function memoryStorage() {
  const appended: PendingUpdate[] = [];
  let releaseLoad: (() => void) | undefined;
  let isLoadHeld = false;
  const storage: DocumentStorage = {
    load: async (documentId) => {
      if (isLoadHeld) await new Promise<void>((resolve) => (releaseLoad = resolve));
      const stored: StoredDocument = { id: documentId, isReadOnly: false, snapshot: null, updates: appended.map((row) => row.update), lastUpdateId: 0n, byteSize: 0 };
      return stored;
    },
    append: async (updates) => {
      appended.push(...updates);
      return [];
    },
    compact: async () => ({ snapshotBytes: 0 }),
  };
  return {
    storage,
    appended,
    holdLoad: () => (isLoadHeld = true),
    releaseLoad: () => releaseLoad?.(),
  };
}

function recordingPeers(states: Uint8Array[] = []): DocumentReplication & { published: string[] } {
  const published: string[] = [];
  return {
    published,
    publishUpdate: (documentId) => published.push(`update ${documentId}`),
    publishAwareness: (documentId) => published.push(`awareness ${documentId}`),
    publishReadOnly: (documentId) => published.push(`read-only ${documentId}`),
    fetchStates: async () => states,
  };
}

function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('content').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const textOf = (registry: DocumentRegistry, documentId: string) => registry.find(documentId)!.doc.getText('content').toString();

describe('DocumentRegistry across nodes', () => {
  it('runs alone by default: no peers to tell, none to ask', async () => {
    const { storage, appended } = memoryStorage();
    const registry = new DocumentRegistry({ storage, maxDocumentBytes: 1_000_000 });
    expect(registry.replication).toBe(NO_REPLICATION);
    const live = await registry.open('doc-1', 'socket-1');
    await registry.apply(live, edit('solo'), { userId: 'u1', clientUpdateId: 'c1', origin: 'socket-1' }).durable;
    expect(appended.map((row) => row.clientUpdateId)).toEqual(['c1']);
  });

  it('stores a client update on its own node and tells the peers; applies a peer update without storing it', async () => {
    const { storage, appended } = memoryStorage();
    const peers = recordingPeers();
    const registry = new DocumentRegistry({ storage, maxDocumentBytes: 1_000_000, replication: peers });
    const live = await registry.open('doc-1', 'socket-1');

    await registry.apply(live, edit('mine '), { userId: 'u1', clientUpdateId: 'c1', origin: 'socket-1' }).durable;
    expect(applyPeerUpdate(registry, 'doc-1', edit('theirs '))).toBe(true);
    expect(appended.map((row) => row.clientUpdateId)).toEqual(['c1']);
    expect(peers.published).toEqual(['update doc-1']);
    expect(textOf(registry, 'doc-1')).toContain('theirs');
    // A document this node does not hold is not its business.
    expect(applyPeerUpdate(registry, 'doc-2', edit('x'))).toBe(false);
  });

  it('loads what the peers hold but have not stored, and what they relay while the load runs', async () => {
    const { storage, holdLoad, releaseLoad } = memoryStorage();
    const registry = new DocumentRegistry({ storage, maxDocumentBytes: 1_000_000, replication: recordingPeers([edit('unstored ')]) });
    holdLoad();
    const opening = registry.open('doc-1', 'socket-1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(applyPeerUpdate(registry, 'doc-1', edit('in flight '))).toBe(false);
    releaseLoad();
    await opening;
    expect(textOf(registry, 'doc-1')).toContain('unstored');
    expect(textOf(registry, 'doc-1')).toContain('in flight');
  });

  it('ends writing on every node', async () => {
    const { storage } = memoryStorage();
    const peers = recordingPeers();
    const registry = new DocumentRegistry({ storage, maxDocumentBytes: 1_000_000, replication: peers });
    const live = await registry.open('doc-1', 'socket-1');
    registry.markReadOnly('doc-1');
    expect(peers.published).toEqual(['read-only doc-1']);
    expect(() => registry.apply(live, edit('late'), { userId: 'u1', clientUpdateId: 'c2', origin: 'socket-1' })).toThrow(/read-only/);
  });
});

describe('DocumentRegistry resends', () => {
  it('lets a resend of an update still being written share that write instead of applying and queuing it again', async () => {
    const { storage, appended } = memoryStorage();
    let releaseWrite!: () => void;
    const writeHeld = new Promise<void>((resolve) => (releaseWrite = resolve));
    const append = storage.append;
    storage.append = async (updates) => {
      await writeHeld;
      return append(updates);
    };
    const peers = recordingPeers();
    const registry = new DocumentRegistry({ storage, maxDocumentBytes: 1_000_000, replication: peers });
    const live = await registry.open('doc-1', 'socket-1');
    const update = edit('once ');

    const first = registry.apply(live, update, { userId: 'u1', clientUpdateId: 'c1', origin: 'socket-1' });
    const resend = registry.apply(live, update, { userId: 'u1', clientUpdateId: 'c1', origin: 'socket-2' });
    expect(first.isResend).toBe(false);
    expect(resend).toEqual({ durable: first.durable, isResend: true });
    releaseWrite();
    await resend.durable;
    expect(appended.map((row) => row.clientUpdateId)).toEqual(['c1']);
    expect(peers.published).toEqual(['update doc-1']);

    // Once stored it is forgotten here; a later resend is applied again and the store deduplicates it by id.
    expect(registry.apply(live, update, { userId: 'u1', clientUpdateId: 'c1', origin: 'socket-2' }).isResend).toBe(false);
  });
});

describe('DocumentRegistry after an outage between nodes', () => {
  it('merges the other nodes\' states and returns what this copy lacked, deletions included', async () => {
    const { storage } = memoryStorage();
    const registry = new DocumentRegistry({ storage, maxDocumentBytes: 1_000_000 });
    const live = await registry.open('doc-1', 'socket-1');
    // Another node's copy: the same start, then an edit and a deletion this node never heard of.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live.doc));
    other.getText('content').insert(0, 'shared text');
    Y.applyUpdate(live.doc, Y.encodeStateAsUpdate(other));
    other.getText('content').delete(0, 7);
    other.getText('content').insert(4, ' more');

    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live.doc));
    const missing = mergePeerStates(registry, 'doc-1', [Y.encodeStateAsUpdate(other)]);
    Y.applyUpdate(client, missing!);
    expect(textOf(registry, 'doc-1')).toBe('text more');
    expect(client.getText('content').toString()).toBe('text more');

    expect(mergePeerStates(registry, 'doc-1', [])).toBeNull();
    expect(mergePeerStates(registry, 'not-held', [Y.encodeStateAsUpdate(other)])).toBeNull();
  });
});

describe('DocumentRegistry cursors', () => {
  /** A client's awareness update announcing its cursor, as its editor would send it. */
  function cursorOf(name: string): Uint8Array {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField('user', { name });
    return encodeAwarenessUpdate(awareness, [awareness.clientID]);
  }
  const clientIdOf = (update: Uint8Array) => {
    const awareness = new Awareness(new Y.Doc());
    applyAwarenessUpdate(awareness, update, 'test');
    return [...awareness.getStates().keys()].find((id) => id !== awareness.clientID)!;
  };

  it('removes the cursors a socket announced when it leaves, and only those', async () => {
    const { storage } = memoryStorage();
    const registry = new DocumentRegistry({ storage, maxDocumentBytes: 1_000_000 });
    const live = await registry.open('doc-1', 'socket-1');
    await registry.open('doc-1', 'socket-2');
    const [mine, theirs, relayed] = [cursorOf('Ada'), cursorOf('Grace'), cursorOf('Edsger')];
    applyAwarenessUpdate(live.awareness, mine, 'socket-1');
    applyAwarenessUpdate(live.awareness, theirs, 'socket-2');
    // Another node's client: relayed, held here too, but no socket of this node announced it.
    expect(applyPeerAwareness(registry, 'doc-1', relayed)).toBe(true);
    expect(live.awareness.getStates().size).toBe(3);

    expect(registry.close('doc-1', 'socket-1')).toEqual([clientIdOf(mine)]);
    expect([...live.awareness.getStates().keys()].sort()).toEqual([clientIdOf(theirs), clientIdOf(relayed)].sort());
    expect(registry.close('doc-1', 'socket-1')).toEqual([]);
  });
});
