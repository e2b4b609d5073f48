'use client';

import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';

/** A final document as a read-only CodeMirror view: line numbers, wrapping, selectable, never editable. */
export function ReadOnlyCode({ text, label }: { text: string; label: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          EditorView.lineWrapping,
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
        ],
      }),
    });
    return () => view.destroy();
  }, [text, label]);
  // Until hydrated (and when printing without scripts), the text is still there.
  return (
    <div className="read-only-code" ref={hostRef} data-testid="final-document">
      <noscript>
        <pre>{text}</pre>
      </noscript>
    </div>
  );
}
