'use client';

import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, type KeyBinding } from '@codemirror/view';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { yCollab, ySyncAnnotation, yUndoManagerKeymap } from 'y-codemirror.next';
import * as Y from 'yjs';
import { CONTENT_TEXT_NAME } from '@/lib/documents/document-text';
import { colorForUser } from './user-colors';
import { EditorFontSize } from './editor-font-size';
import { utf8ByteLength } from './edit-limits';
import { SocketYjsProvider, type ProviderError } from './socket-yjs-provider';
import type { RoomSocket } from './socket-request';

// The shared plain-text editor: no completion, no linting, nothing to run, as in the real loop. Undo is
// Yjs's, scoped to this person's own edits, so it never takes back what the other person typed. SQL colours, when the
// round has them on, are the one addition, loaded on demand (./sql-highlighting.ts).

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
  /** The shared text the editor is bound to, each time it binds (null once it unbinds), for views drawn from it. */
  onTextBound?: (text: Y.Text | null) => void;
  /** Colour the text as SQL (the round's choice, the same for everyone in the room). */
  isSqlHighlighted?: boolean;
  /** More controls for the editor's bar, after the text size (the interviewer's SQL colours switch). */
  barControls?: ReactNode;
}

interface Peer {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

// Colours and size come from the page's CSS variables, so the editor follows the light or dark theme and the
// reader's font size (app/globals.css, components/room/editor-font-size.tsx).
const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--editor-font-size)', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6' },
  '.cm-content': { padding: '14px 0', caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  // Line numbers are text someone reads out ("line 12"): --muted meets 4.5:1 on --bg in both themes, --faint did not.
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--accent-faint)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-bg)', color: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--accent-border)' },
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

let sqlHighlightingChunk: Promise<Extension> | null = null;

/** The SQL grammar and colours, fetched the first time a round shows them (a chunk of their own, never before). */
function loadSqlHighlighting(): Promise<Extension> {
  sqlHighlightingChunk ??= import('./sql-highlighting').then((module) => module.SQL_HIGHLIGHTING);
  // A failed fetch (the network dropped) is tried again the next time colours are asked for.
  sqlHighlightingChunk.catch(() => {
    sqlHighlightingChunk = null;
  });
  return sqlHighlightingChunk;
}

/**
 * Refuses a paste or keystroke the server would not take (too much text at once, or the document full) before it
 * reaches the document, and says why. Changes from the other person (ySync) are never refused here.
 */
function refuseOversizedEdits(provider: SocketYjsProvider, onRefused: (message: string) => void): Extension {
  return EditorState.transactionFilter.of((transaction) => {
    if (!transaction.docChanged || transaction.annotation(ySyncAnnotation)) return transaction;
    let inserted = 0;
    transaction.changes.iterChanges((_fromA, _toA, _fromB, _toB, text) => {
      inserted += text.length === 0 ? 0 : utf8ByteLength(text.sliceString(0));
    });
    const refusal = provider.checkInsert(inserted);
    if (refusal === null) return transaction;
    // After this filter has run, outside CodeMirror's update cycle.
    queueMicrotask(() => onRefused(refusal));
    return [];
  });
}

export function SharedEditor({ socket, sessionId, documentId, user, label, isReadOnly, onUnsyncedChange, onTextBound, isSqlHighlighted = false, barControls }: SharedEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const readOnlyCompartment = useRef(new Compartment());
  const highlightCompartment = useRef(new Compartment());
  /** The colours in force (none, or the loaded SQL ones): what a view built again (a start over) begins with. */
  const currentHighlight = useRef<Extension>([]);
  const [providerState, setProviderState] = useState<{ isReadOnly: boolean; isSynced: boolean; error: ProviderError | null }>({
    isReadOnly: false,
    isSynced: false,
    error: null,
  });
  /**
   * Why the latest edit was not kept: refused here before it reached the document, or refused by the server and
   * taken back out. Shown until dismissed or replaced by the next one.
   */
  const [refusal, setRefusal] = useState<string | null>(null);
  const providerRef = useRef<SocketYjsProvider | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const effectiveReadOnly = isReadOnly || providerState.isReadOnly;
  // Read when an editor view is created; later changes go through the compartment below.
  const currentReadOnly = useRef(effectiveReadOnly);
  useEffect(() => {
    currentReadOnly.current = effectiveReadOnly;
  }, [effectiveReadOnly]);
  const reportUnsynced = useRef(onUnsyncedChange);
  useEffect(() => {
    reportUnsynced.current = onUnsyncedChange;
  }, [onUnsyncedChange]);
  const reportTextBound = useRef(onTextBound);
  useEffect(() => {
    reportTextBound.current = onTextBound;
  }, [onTextBound]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const doc = new Y.Doc();
    // The view on the provider's current Y.Doc; when the provider starts over with a new one (an edit the server
    // refused for good), the view is built again on it, keeping focus and the caret where they were.
    let bound: { doc: Y.Doc; view: EditorView; unbind: () => void } | null = null;
    const provider = new SocketYjsProvider(socket, doc, { sessionId, documentId }, { caret: () => bound?.view.state.selection.main.head ?? 0 });
    providerRef.current = provider;
    provider.awareness.setLocalStateField('user', { name: user.name, ...colorForUser(user.id) });
    const refuseEdit = (message: string) => setRefusal(message);
    let shownRefusal: ProviderError | null = null;

    const onAwareness = () => {
      const seen = new Set<string>();
      const next: Peer[] = [];
      for (const [clientId, state] of provider.awareness.getStates()) {
        const peer = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (typeof peer?.name !== 'string') continue;
        const color = typeof peer.color === 'string' ? peer.color : '#5b6270';
        const isSelf = clientId === provider.doc.clientID;
        // The same person in two tabs is one person.
        const key = `${peer.name}|${color}`;
        if (seen.has(key) && !isSelf) continue;
        seen.add(key);
        next.push({ clientId, name: peer.name, color, isSelf });
      }
      setPeers(next);
    };

    const bind = () => {
      const previous = bound;
      const hadFocus = previous?.view.hasFocus ?? false;
      const caret = previous ? (provider.startOverCaret ?? previous.view.state.selection.main.head) : 0;
      previous?.unbind();
      const boundDoc = provider.doc;
      const ytext = boundDoc.getText(CONTENT_TEXT_NAME);
      const undoManager = new Y.UndoManager(ytext);
      const view = new EditorView({
        parent: host,
        state: EditorState.create({
          doc: ytext.toString(),
          selection: EditorSelection.cursor(Math.min(caret, ytext.length)),
          extensions: [
            lineNumbers(),
            highlightActiveLineGutter(),
            highlightActiveLine(),
            EditorView.lineWrapping,
            keymap.of([...yUndoManagerKeymap, keepIndentOnEnter, tabInsertsSpaces]),
            yCollab(ytext, provider.awareness, { undoManager }),
            refuseOversizedEdits(provider, refuseEdit),
            editorTheme,
            readOnlyCompartment.current.of(readOnlyExtension(currentReadOnly.current)),
            highlightCompartment.current.of(currentHighlight.current),
            EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
          ],
        }),
      });
      if (hadFocus) view.focus();
      viewRef.current = view;
      reportTextBound.current?.(ytext);
      const awareness = provider.awareness;
      awareness.on('change', onAwareness);
      onAwareness();
      bound = {
        doc: boundDoc,
        view,
        unbind: () => {
          awareness.off('change', onAwareness);
          view.destroy();
          undoManager.destroy();
        },
      };
    };
    bind();

    const unsubscribe = provider.subscribe(() => {
      if (bound && bound.doc !== provider.doc) bind();
      if (provider.refusal && provider.refusal !== shownRefusal) setRefusal(provider.refusal.message);
      shownRefusal = provider.refusal;
      setProviderState({ isReadOnly: provider.isReadOnly, isSynced: provider.isSynced, error: provider.error });
      reportUnsynced.current?.(documentId, provider.unsyncedCount);
    });

    return () => {
      unsubscribe();
      bound?.unbind();
      viewRef.current = null;
      providerRef.current = null;
      provider.destroy();
      doc.destroy();
      reportUnsynced.current?.(documentId, 0);
      reportTextBound.current?.(null);
    };
  }, [socket, sessionId, documentId, user.id, user.name, label]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: readOnlyCompartment.current.reconfigure(readOnlyExtension(effectiveReadOnly)) });
  }, [effectiveReadOnly]);

  useEffect(() => {
    const show = (extension: Extension) => {
      currentHighlight.current = extension;
      viewRef.current?.dispatch({ effects: highlightCompartment.current.reconfigure(extension) });
    };
    if (!isSqlHighlighted) {
      show([]);
      return;
    }
    let isWanted = true;
    loadSqlHighlighting().then(
      (extension) => {
        // Turned off again (or the editor closed) while the chunk was on its way.
        if (isWanted) show(extension);
      },
      () => {
        // The chunk did not arrive: the text stays plain, which loses nothing but colour.
      },
    );
    return () => {
      isWanted = false;
    };
  }, [isSqlHighlighted]);

  return (
    <div className="shared-editor" data-document-id={documentId} data-synced={providerState.isSynced ? 'true' : 'false'} data-sql-highlighted={isSqlHighlighted ? 'true' : 'false'}>
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
        <span className="editor-bar-tools">
          <EditorFontSize />
          {barControls}
        </span>
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
        <div className="form-error editor-error editor-refusal" role="alert">
          <span>{refusal}</span>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setRefusal(null);
              providerRef.current?.dismissRefusal();
            }}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="editor-host" ref={hostRef} />
    </div>
  );
}
