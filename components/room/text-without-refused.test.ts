import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textWithoutRefused } from './text-without-refused';

// The text an editor re-types after the server refused an update for good: its own copy without what the refused
// update did, and the caret in the same place.

/** The update one change to `doc` produces. */
function change(doc: Y.Doc, edit: (text: Y.Text) => void): Uint8Array {
  let update: Uint8Array | null = null;
  const capture = (bytes: Uint8Array) => (update = bytes);
  doc.on('update', capture);
  doc.transact(() => edit(doc.getText('content')));
  doc.off('update', capture);
  return update!;
}

describe('textWithoutRefused', () => {
  it('leaves out what the refused update inserted, keeps what was typed after it, and moves the caret back', () => {
    const server = new Y.Doc();
    server.getText('content').insert(0, 'SELECT 1');
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    const refused = change(local, (text) => text.insert(8, ' PASTED'));
    change(local, (text) => text.insert(15, ';'));
    change(local, (text) => text.insert(0, '-- a\n'));
    const result = textWithoutRefused(local.getText('content'), [refused], server.getText('content'), 20);
    // The caret sat right after the refused text, before the ';': it stays before the ';'.
    expect(result).toEqual({ text: '-- a\nSELECT 1;', caret: 13 });
  });

  it('puts back what the refused update deleted, from the server’s copy', () => {
    const server = new Y.Doc({ gc: true });
    server.getText('content').insert(0, 'keep me');
    const local = new Y.Doc({ gc: true });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    const refused = change(local, (text) => {
      text.delete(0, 7);
      text.insert(0, 'X');
    });
    // The caret after the refused text ends up after the text put back in its place.
    expect(textWithoutRefused(local.getText('content'), [refused], server.getText('content'), 1)).toEqual({ text: 'keep me', caret: 7 });
  });
});
