import * as Y from 'yjs';
import { BoardSync } from '@/components/board/board-sync';
import { SocketYjsProvider } from '@/components/room/socket-yjs-provider';
import { colorForUser } from '@/components/room/user-colors';
import { carryOverElements } from '@/lib/boards/board-scene';
import { openMockloopSocket, whenSynced } from './bench-clients';

// One board tab for the drawing load: the room page's board wiring without React or Excalidraw. The same
// SocketYjsProvider (with the board's carry-over) and the same BoardSync the page binds Excalidraw to, so a
// gesture takes the product's path: in flight → this person's awareness, settled → the board's Y.Map → doc:update.

export interface BoardClientSpec {
  url: string;
  sessionId: string;
  /** The BOARD document's id. */
  board: string;
  cookie: string;
  /** Who the awareness says is drawing (the product sets name and colour from the signed-in user). */
  userName: string;
}

export interface BoardClient {
  readonly provider: SocketYjsProvider;
  /** What Excalidraw's onChange and onPointerUpdate call on the page. */
  readonly sync: BoardSync;
  /** The board's Y.Doc: the provider's, which it replaces when an update is refused for good. */
  readonly doc: Y.Doc;
  readonly synced: Promise<void>;
  /** Refusals, failed saves and dropped connections, by code. */
  readonly errors: Map<string, number>;
  /** Calls back with each local update the server acknowledged as stored in PostgreSQL. */
  onSaved(listener: (update: Uint8Array) => void): void;
  /** Calls back as the socket sends a message carrying this client's awareness (alone or riding on an update). */
  onAwarenessSent(listener: () => void): void;
  close(): void;
}

export function connectBoardClient(spec: BoardClientSpec): BoardClient {
  const errors = new Map<string, number>();
  const countError = (code: string) => errors.set(code, (errors.get(code) ?? 0) + 1);
  const savedListeners: ((update: Uint8Array) => void)[] = [];
  const sentListeners: (() => void)[] = [];
  const socket = openMockloopSocket(spec.url, spec.cookie);
  const provider = new SocketYjsProvider(
    socket,
    new Y.Doc(),
    { sessionId: spec.sessionId, documentId: spec.board },
    {
      carryOver: carryOverElements,
      onError: (error) => countError(error.code),
      onSaved: (update) => {
        for (const listener of savedListeners) listener(update);
      },
    },
  );
  provider.awareness.setLocalStateField('user', { name: spec.userName, ...colorForUser(spec.userName) });
  const sync = new BoardSync(provider, () => provider.isReadOnly, () => countError('REFUSED_ON_CLIENT'));
  socket.onAnyOutgoing((event: string, payload: { awareness?: unknown }) => {
    if (event !== 'awareness:update' && !(event === 'doc:update' && payload?.awareness)) return;
    for (const listener of sentListeners) listener();
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') countError('DISCONNECTED');
  });
  return {
    provider,
    sync,
    get doc() {
      return provider.doc;
    },
    synced: whenSynced(provider),
    errors,
    onSaved: (listener) => savedListeners.push(listener),
    onAwarenessSent: (listener) => sentListeners.push(listener),
    close: () => {
      sync.destroy();
      provider.destroy();
      socket.close();
    },
  };
}
