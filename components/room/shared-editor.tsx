'use client';

import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, type KeyBinding } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import * as Y from 'yjs';
import { CONTENT_TEXT_NAME } from '@/lib/documents/document-text';
import { SocketYjsProvider, type ProviderError } from './socket-yjs-provider';
import type { RoomSocket } from './socket-request';

// The shared plain-text editor: no completion, no linting, nothing to run, as in the real loop. Undo is
// Yjs's, scoped to this person's own edits, so it never takes back what the other person typed.

interface SharedEditorProps {
  socket: RoomSocket;
  sessionId: string;
  documentId: string;
  user: { id: string; name: string };
  /** Accessible name of the text area, e.g. "Round editor". */
  label: string;
  /** The view already knows the document is closed (round ended, session finished). */
  isReadOnly: boolean;
  onUnsyncedChange?: (documentId: string, count: number) => void;
}

interface Peer {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

/** A stable colour per user, so everyone sees the same person in the same colour. */
export function colorForUser(userId: string): { color: string; colorLight: string } {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return { color: `hsl(${hue} 70% 38%)`, colorLight: `hsl(${hue} 70% 45% / 0.18)` };
}

const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: '#ffffff' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6' },
  '.cm-content': { padding: '14px 0', caretColor: '#16181d' },
  '.cm-gutters': { backgroundColor: '#f6f7f9', color: '#8a919e', borderRight: '1px solid #e6e9ee' },
  '.cm-activeLine': { backgroundColor: '#f4f6fb' },
  '.cm-activeLineGutter': { backgroundColor: '#e9edf5', color: '#16181d' },
  // Names above the other person's caret stay visible: in an interview you want to see who is typing.
  '.cm-ySelectionInfo': { opacity: 0.92, fontFamily: 'system-ui, sans-serif', borderRadius: '3px 3px 3px 0', padding: '0 4px' },
});

/** Enter keeps the current line's indentation (Python needs it; there is no language mode to do it). */
const keepIndentOnEnter: KeyBinding = {
  key: 'Enter',
  run: (view) => {
    if (view.state.readOnly) return false;
    const line = view.state.doc.lineAt(view.state.selection.main.head);
    const indent = /^\s*/.exec(line.text)?.[0] ?? '';
    view.dispatch(view.state.replaceSelection(`\n${indent}`), { scrollIntoView: true, userEvent: 'input' });
    return true;
  },
};

/** Tab inserts four spaces; Escape then Tab still moves focus out (CodeMirror's tab-focus mode). */
const tabInsertsSpaces: KeyBinding = {
  key: 'Tab',
  run: (view) => {
    if (view.state.readOnly) return false;
    view.dispatch(view.state.replaceSelection('    '), { scrollIntoView: true, userEvent: 'input' });
    return true;
  },
};

function readOnlyExtension(isReadOnly: boolean): Extension {
  return [EditorState.readOnly.of(isReadOnly), EditorView.editable.of(!isReadOnly)];
}

export function SharedEditor({ socket, sessionId, documentId, user, label, isReadOnly, onUnsyncedChange }: SharedEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const readOnlyCompartment = useRef(new Compartment());
  const [providerState, setProviderState] = useState<{ isReadOnly: boolean; isSynced: boolean; error: ProviderError | null }>({
    isReadOnly: false,
    isSynced: false,
    error: null,
  });
  const [peers, setPeers] = useState<Peer[]>([]);
  const effectiveReadOnly = isReadOnly || providerState.isReadOnly;
  // Read once at creation; later changes go through the compartment below.
  const initialReadOnly = useRef(effectiveReadOnly);
  const reportUnsynced = useRef(onUnsyncedChange);
  useEffect(() => {
    reportUnsynced.current = onUnsyncedChange;
  }, [onUnsyncedChange]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const doc = new Y.Doc();
    const provider = new SocketYjsProvider(socket, doc, { sessionId, documentId });
    const ytext = doc.getText(CONTENT_TEXT_NAME);
    const undoManager = new Y.UndoManager(ytext);
    provider.awareness.setLocalStateField('user', { name: user.name, ...colorForUser(user.id) });

    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          keymap.of([...yUndoManagerKeymap, keepIndentOnEnter, tabInsertsSpaces]),
          yCollab(ytext, provider.awareness, { undoManager }),
          editorTheme,
          readOnlyCompartment.current.of(readOnlyExtension(initialReadOnly.current)),
          EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
        ],
      }),
    });
    viewRef.current = view;

    const unsubscribe = provider.subscribe(() => {
      setProviderState({ isReadOnly: provider.isReadOnly, isSynced: provider.isSynced, error: provider.error });
      reportUnsynced.current?.(documentId, provider.unsyncedCount);
    });
    const onAwareness = () => {
      const seen = new Set<string>();
      const next: Peer[] = [];
      for (const [clientId, state] of provider.awareness.getStates()) {
        const peer = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (typeof peer?.name !== 'string') continue;
        const color = typeof peer.color === 'string' ? peer.color : '#5b6270';
        const isSelf = clientId === doc.clientID;
        // The same person in two tabs is one person.
        const key = `${peer.name}|${color}`;
        if (seen.has(key) && !isSelf) continue;
        seen.add(key);
        next.push({ clientId, name: peer.name, color, isSelf });
      }
      setPeers(next);
    };
    provider.awareness.on('change', onAwareness);
    onAwareness();

    return () => {
      provider.awareness.off('change', onAwareness);
      unsubscribe();
      view.destroy();
      viewRef.current = null;
      provider.destroy();
      undoManager.destroy();
      doc.destroy();
      reportUnsynced.current?.(documentId, 0);
    };
  }, [socket, sessionId, documentId, user.id, user.name, label]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: readOnlyCompartment.current.reconfigure(readOnlyExtension(effectiveReadOnly)) });
  }, [effectiveReadOnly]);

  return (
    <div className="shared-editor" data-document-id={documentId} data-synced={providerState.isSynced ? 'true' : 'false'}>
      <div className="editor-bar">
        <ul className="editor-peers" aria-label="In this document">
          {peers.map((peer) => (
            <li key={peer.clientId} style={{ borderColor: peer.color }}>
              <span className="peer-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
              {peer.name}
              {peer.isSelf ? ' (you)' : ''}
            </li>
          ))}
        </ul>
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
      <div className="editor-host" ref={hostRef} />
    </div>
  );
}
