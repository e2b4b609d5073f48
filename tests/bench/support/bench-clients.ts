import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { io } from 'socket.io-client';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { SocketYjsProvider } from '@/components/room/socket-yjs-provider';
import type { RoomSocket } from '@/components/room/socket-request';

// One editor tab per client, over each server's own client library, configured as its documentation starts it:
// mockloop's SocketYjsProvider (what the room page runs) on socket.io, HocuspocusProvider, and y-websocket's
// WebsocketProvider. Each gets its own connection, as separate browser tabs would.

export type BenchTargetName = 'mockloop' | 'hocuspocus' | 'y-websocket';

export interface ClientSpec {
  target: BenchTargetName;
  /** http(s) base URL for mockloop, ws URL for the others. */
  url: string;
  /** The shared document: mockloop's document id, the others' document name. */
  room: string;
  /** mockloop only: the session the document belongs to, and the signed-in user's cookie header. */
  sessionId?: string;
  cookie?: string;
}

export interface BenchClient {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly synced: Promise<void>;
  /** Refusals, dropped connections and failed saves seen since connecting, by code. */
  readonly errors: Map<string, number>;
  /**
   * Calls back with each range of this client's own clocks [from, to) the server has acknowledged. mockloop
   * acknowledges once an update is in PostgreSQL; Hocuspocus once its in-memory document has it; y-websocket never.
   */
  onAcknowledged(listener: (from: number, to: number) => void): void;
  close(): void;
}

export function connectBenchClient(spec: ClientSpec): BenchClient {
  switch (spec.target) {
    case 'mockloop':
      return connectMockloop(spec);
    case 'hocuspocus':
      return connectHocuspocus(spec);
    case 'y-websocket':
      return connectYWebsocket(spec);
  }
}

function countError(errors: Map<string, number>, code: string): void {
  errors.set(code, (errors.get(code) ?? 0) + 1);
}

/** The next clock this document will give its own client's next insert. */
export function ownClock(doc: Y.Doc): number {
  return Y.getState(doc.store, doc.clientID);
}

/** A browser tab's socket to mockloop: its own connection, signed in by the cookie. */
export function openMockloopSocket(url: string, cookie = ''): RoomSocket {
  return io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: true, forceNew: true }) as RoomSocket;
}

/** Resolves once the provider's first join has delivered the server's copy. */
export function whenSynced(provider: SocketYjsProvider): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = () => {
      if (!provider.isSynced) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = provider.subscribe(check);
    check();
  });
}

function connectMockloop(spec: ClientSpec): BenchClient {
  const doc = new Y.Doc();
  const listeners: ((from: number, to: number) => void)[] = [];
  const errors = new Map<string, number>();
  const socket = openMockloopSocket(spec.url, spec.cookie);
  const provider = new SocketYjsProvider(
    socket,
    doc,
    { sessionId: spec.sessionId!, documentId: spec.room },
    {
      onError: (error) => countError(errors, error.code),
      onSaved: (update) => {
        const range = sentRanges.get(update);
        if (range) {
          for (const listener of listeners) listener(range[0], range[1]);
          return;
        }
        // A merged burst: its own clocks are in its structs.
        for (const struct of Y.decodeUpdate(update).structs) {
          if (struct.id.client !== doc.clientID) continue;
          for (const listener of listeners) listener(struct.id.clock, struct.id.clock + struct.length);
        }
      },
    },
  );
  // A keystroke after a pause is sent as the very update the document emitted: remember its clock range, so the
  // acknowledgement is timed without decoding it again (the generator's work is not the server's).
  const sentRanges = new WeakMap<Uint8Array, [number, number]>();
  let clockBeforeUpdate = ownClock(doc);
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    const clockAfter = ownClock(doc);
    sentRanges.set(update, [clockBeforeUpdate, clockAfter]);
    clockBeforeUpdate = clockAfter;
  });
  return {
    doc,
    awareness: provider.awareness,
    synced: whenSynced(provider),
    errors,
    onAcknowledged: (listener) => listeners.push(listener),
    close: () => {
      provider.destroy();
      socket.close();
    },
  };
}

function connectHocuspocus(spec: ClientSpec): BenchClient {
  const doc = new Y.Doc();
  const listeners: ((from: number, to: number) => void)[] = [];
  const errors = new Map<string, number>();
  let isSynced = false;
  const socket = new HocuspocusProviderWebsocket({ url: spec.url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: spec.room, document: doc });
  provider.attach();
  // Hocuspocus answers every update message, in order, with a sync-status message that lowers the provider's
  // `unsyncedChanges` by one: so acknowledgements are matched to sent updates first in, first out.
  const sentRanges: [number, number][] = [];
  let clockBeforeUpdate = ownClock(doc);
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    const clockAfter = ownClock(doc);
    sentRanges.push([clockBeforeUpdate, clockAfter]);
    clockBeforeUpdate = clockAfter;
  });
  let unsynced = provider.unsyncedChanges;
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    for (let i = number; i < unsynced; i += 1) {
      const range = sentRanges.shift();
      if (range) for (const listener of listeners) listener(range[0], range[1]);
    }
    unsynced = number;
  });
  provider.on('disconnect', () => {
    if (isSynced) countError(errors, 'DISCONNECTED');
  });
  provider.on('authenticationFailed', () => countError(errors, 'UNAUTHENTICATED'));
  const synced = new Promise<void>((resolve) => {
    provider.on('synced', () => {
      isSynced = true;
      resolve();
    });
  });
  return {
    doc,
    awareness: provider.awareness!,
    synced,
    errors,
    onAcknowledged: (listener) => listeners.push(listener),
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

function connectYWebsocket(spec: ClientSpec): BenchClient {
  const doc = new Y.Doc();
  const errors = new Map<string, number>();
  let isSynced = false;
  // disableBc: clients in one worker share a process, and BroadcastChannel would let them sync without the server.
  const provider = new WebsocketProvider(spec.url, spec.room, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
  provider.on('connection-close', () => {
    if (isSynced) countError(errors, 'DISCONNECTED');
  });
  provider.on('connection-error', () => countError(errors, 'CONNECTION_ERROR'));
  const synced = new Promise<void>((resolve) => {
    provider.on('sync', (state: boolean) => {
      if (!state) return;
      isSynced = true;
      resolve();
    });
  });
  return {
    doc,
    awareness: provider.awareness,
    synced,
    errors,
    // y-websocket has no acknowledgement: an update is fire-and-forget.
    onAcknowledged: () => {},
    close: () => provider.destroy(),
  };
}
