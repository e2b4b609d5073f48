'use client';

import { Excalidraw, MainMenu } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { carryOverElements } from '@/lib/boards/board-scene';
import { PIPELINE_LIBRARY } from '@/lib/boards/pipeline-library';
import { SocketYjsProvider, type ProviderError } from '@/components/room/socket-yjs-provider';
import type { RoomSocket } from '@/components/room/socket-request';
import { colorForUser } from '@/components/room/user-colors';
import { BoardSync, type BoardCanvas } from './board-sync';

// The round's shared whiteboard: Excalidraw over the board's document (board-sync.ts). This module is a chunk of
// its own (board-loader.tsx): a room that never opens a board never downloads it.

export interface SharedBoardProps {
  socket: RoomSocket;
  sessionId: string;
  documentId: string;
  user: { id: string; name: string };
  /** The view already knows the board is closed (round ended, session finished). */
  isReadOnly: boolean;
  onUnsyncedChange?: (documentId: string, count: number) => void;
}

// Nothing that loads or links content from elsewhere: no images, no embeds, no export, no scene files.
const UI_OPTIONS = {
  canvasActions: { loadScene: false, saveToActiveFile: false, export: false as const, saveAsImage: false, toggleTheme: false },
  tools: { image: false },
};
const INITIAL_DATA = { libraryItems: PIPELINE_LIBRARY as never, appState: { viewBackgroundColor: '#ffffff' } };

export function SharedBoard({ socket, sessionId, documentId, user, isReadOnly, onUnsyncedChange }: SharedBoardProps) {
  const syncRef = useRef<BoardSync | null>(null);
  const [canvas, setCanvas] = useState<BoardCanvas | null>(null);
  const [providerState, setProviderState] = useState<{ isReadOnly: boolean; isSynced: boolean; error: ProviderError | null }>({
    isReadOnly: false,
    isSynced: false,
    error: null,
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  /** Shapes on screen (not deleted): shown to screen readers, and what the end-to-end tests wait on. */
  const [shapeCount, setShapeCount] = useState(0);
  const effectiveReadOnly = isReadOnly || providerState.isReadOnly;
  const readOnlyRef = useRef(effectiveReadOnly);
  useEffect(() => {
    readOnlyRef.current = effectiveReadOnly;
  }, [effectiveReadOnly]);
  const reportUnsynced = useRef(onUnsyncedChange);
  useEffect(() => {
    reportUnsynced.current = onUnsyncedChange;
  }, [onUnsyncedChange]);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new SocketYjsProvider(socket, doc, { sessionId, documentId }, { carryOver: carryOverElements });
    provider.awareness.setLocalStateField('user', { name: user.name, ...colorForUser(user.id) });
    const sync = new BoardSync(provider, () => readOnlyRef.current, setRefusal);
    syncRef.current = sync;
    let shownRefusal: ProviderError | null = null;
    const unsubscribe = provider.subscribe(() => {
      sync.rebindIfReplaced();
      if (provider.refusal && provider.refusal !== shownRefusal) setRefusal(provider.refusal.message.replace('the editor', 'the board'));
      shownRefusal = provider.refusal;
      setProviderState({ isReadOnly: provider.isReadOnly, isSynced: provider.isSynced, error: provider.error });
      reportUnsynced.current?.(documentId, provider.unsyncedCount);
    });
    return () => {
      unsubscribe();
      sync.destroy();
      syncRef.current = null;
      provider.destroy();
      doc.destroy();
      reportUnsynced.current?.(documentId, 0);
    };
  }, [socket, sessionId, documentId, user.id, user.name]);

  useEffect(() => {
    if (canvas) syncRef.current?.attach(canvas);
  }, [canvas, documentId]);

  return (
    <div
      className="shared-board"
      role="region"
      aria-label={`Board, ${shapeCount} ${shapeCount === 1 ? 'shape' : 'shapes'}`}
      data-document-id={documentId} data-synced={providerState.isSynced ? 'true' : 'false'} data-read-only={effectiveReadOnly ? 'true' : 'false'}
      data-shapes={shapeCount}
    >
      <div className="editor-bar">
        <span className="muted board-hint">{effectiveReadOnly ? 'The board as it was left.' : 'Drag pipeline shapes in from the library (book icon, top right).'}</span>
        {effectiveReadOnly ? (
          <span className="read-only-note" role="status">
            Read-only
          </span>
        ) : !providerState.isSynced ? (
          <span className="muted editor-loading">Loading…</span>
        ) : null}
      </div>
      {providerState.error ? (
        <p className="form-error editor-error" role="alert">
          {providerState.error.message}
        </p>
      ) : null}
      {refusal ? (
        <div className="form-error editor-error board-refusal" role="alert">
          <span>{refusal}</span>{' '}
          <button type="button" className="link-button" onClick={() => setRefusal(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="board-host">
        <Excalidraw
          excalidrawAPI={(api) => setCanvas(api as unknown as BoardCanvas)}
          initialData={INITIAL_DATA}
          onChange={(elements, appState) => {
            syncRef.current?.onSceneChange(elements, appState);
            setShapeCount(elements.reduce((count, element) => (element.isDeleted ? count : count + 1), 0));
          }}
          onPointerUpdate={({ pointer, button }) => syncRef.current?.onPointer(pointer, button)}
          isCollaborating
          viewModeEnabled={effectiveReadOnly}
          UIOptions={UI_OPTIONS}
          validateEmbeddable={false}
          aiEnabled={false}
          renderTopRightUI={() => null}
          name="Round board"
        >
          <MainMenu>
            <MainMenu.DefaultItems.SearchMenu />
            <MainMenu.DefaultItems.ChangeCanvasBackground />
          </MainMenu>
        </Excalidraw>
      </div>
    </div>
  );
}
