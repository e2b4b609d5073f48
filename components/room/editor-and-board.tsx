'use client';

import * as Tabs from '@radix-ui/react-tabs';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { SharedBoard } from '@/components/board/board-loader';
import { sendCommand, type RoomSocket } from './socket-request';
import { useCommand } from './use-command';

// The round's editor, and its board when the round has one showing: as tabs (the default: Excalidraw wants the
// width) or side by side, as this person prefers (kept in localStorage). The round's interviewer shows or hides the board for both.
// Once shown, both panes stay mounted in either layout (Radix's `forceMount`; we hide the one not shown): switching
// never re-joins the editor's or the board's document, and the editor keeps its undo history and cursor. The board
// mounts the first time it is shown, so a room that opens on the editor tab does not download Excalidraw (about
// 370 KB compressed) for a tab nobody has opened.

type BoardLayout = 'split' | 'tabs';
const LAYOUT_KEY = 'mockloop.board-layout';

interface EditorAndBoardProps {
  editor: ReactNode;
  /** Which of the two the tabs layout opens on: the board, except where the editor holds the drawing (modeling's DDL). */
  initialTab?: 'editor' | 'board';
  socket: RoomSocket | null;
  commandSocket: RoomSocket | null;
  sessionId: string;
  roundId: string;
  boardDocumentId: string | undefined;
  isBoardEnabled: boolean;
  isReadOnly: boolean;
  canControl: boolean;
  user: { id: string; name: string };
  onUnsyncedChange: (documentId: string, count: number) => void;
  onChanged: () => void;
}

/** Layout changes made in this tab (storage events cover the others). */
const layoutListeners = new Set<() => void>();
function subscribeLayout(listener: () => void): () => void {
  layoutListeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    layoutListeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function readLayout(): BoardLayout {
  try {
    return window.localStorage.getItem(LAYOUT_KEY) === 'split' ? 'split' : 'tabs';
  } catch {
    return 'tabs';
  }
}

export function EditorAndBoard(props: EditorAndBoardProps) {
  const { editor, socket, commandSocket, sessionId, roundId, boardDocumentId, isBoardEnabled, isReadOnly, canControl, user } = props;
  const layout = useSyncExternalStore(subscribeLayout, readLayout, () => 'tabs' as const);
  const [tab, setTab] = useState<'editor' | 'board'>(props.initialTab ?? 'board');
  const [hasOpenedBoardTab, setHasOpenedBoardTab] = useState(tab === 'board');
  const command = useCommand();
  const chooseLayout = (next: BoardLayout) => {
    try {
      window.localStorage.setItem(LAYOUT_KEY, next);
    } catch {
      // Storage refused (private mode): the layout stays as it is.
    }
    for (const listener of layoutListeners) listener();
  };
  const toggleBoard = () =>
    commandSocket &&
    void command.run('board', () => sendCommand(commandSocket, 'round:board', { sessionId, roundId, isEnabled: !isBoardEnabled })).then((ack) => {
      if (ack?.ok) props.onChanged();
    });
  const hasBoard = isBoardEnabled && boardDocumentId !== undefined;

  const bar =
    hasBoard || canControl ? (
      <div className="board-bar">
        {hasBoard ? (
          <div className="board-layout" role="group" aria-label="Editor and board">
            <button type="button" aria-pressed={layout === 'split'} onClick={() => chooseLayout('split')}>
              Side by side
            </button>
            <button type="button" aria-pressed={layout === 'tabs'} onClick={() => chooseLayout('tabs')}>
              Tabs
            </button>
            {layout === 'tabs' ? (
              <Tabs.List className="board-tabs" aria-label="Show">
                <Tabs.Trigger value="editor">Editor</Tabs.Trigger>
                <Tabs.Trigger value="board">Board</Tabs.Trigger>
              </Tabs.List>
            ) : null}
          </div>
        ) : (
          <span />
        )}
        {canControl ? (
          <button type="button" className="link-button" disabled={command.pending !== null || !commandSocket} onClick={toggleBoard}>
            {isBoardEnabled ? 'Hide the board' : 'Show a board'}
          </button>
        ) : null}
        {command.error ? (
          <span className="form-error" role="alert">
            {command.error}
          </span>
        ) : null}
      </div>
    ) : null;

  if (!hasBoard) {
    return (
      <>
        {bar}
        {editor}
      </>
    );
  }
  // Side by side there is no tab list, so the panes are plain regions rather than tab panels naming missing tabs.
  const paneProps = (value: 'editor' | 'board') =>
    layout === 'tabs'
      ? { value, forceMount: true as const, hidden: tab !== value, tabIndex: undefined }
      : { value, forceMount: true as const, role: undefined, 'aria-labelledby': undefined, tabIndex: undefined };
  return (
    <Tabs.Root
      className="tabs-root"
      value={tab}
      onValueChange={(value) => {
        setTab(value === 'editor' ? 'editor' : 'board');
        if (value !== 'editor') setHasOpenedBoardTab(true);
      }}
    >
      {bar}
      <div className={`editor-and-board ${layout}`} data-layout={layout}>
        <Tabs.Content className="editor-pane" {...paneProps('editor')}>
          {editor}
        </Tabs.Content>
        <Tabs.Content className="board-pane" {...paneProps('board')}>
          {layout === 'tabs' && !hasOpenedBoardTab ? null : socket ? (
            <SharedBoard
              key={boardDocumentId}
              socket={socket}
              sessionId={sessionId}
              documentId={boardDocumentId}
              user={user}
              isReadOnly={isReadOnly}
              onUnsyncedChange={props.onUnsyncedChange}
            />
          ) : (
            <p className="editor-placeholder muted">Connecting to the board…</p>
          )}
        </Tabs.Content>
      </div>
    </Tabs.Root>
  );
}
