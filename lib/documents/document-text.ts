import * as Y from 'yjs';
import type { StoredDocument } from './document-store';

/** The name of the Y.Text every round editor and notes document keeps its text in. */
export const CONTENT_TEXT_NAME = 'content';

/** A stored document's current text: its snapshot with the logged updates after it applied. */
export function storedDocumentText(stored: Pick<StoredDocument, 'snapshot' | 'updates'>): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  const text = doc.getText(CONTENT_TEXT_NAME).toString();
  doc.destroy();
  return text;
}
