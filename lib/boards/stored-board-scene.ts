import * as Y from 'yjs';
import type { StoredDocument } from '@/lib/documents/document-store';
import { readStoredScene, type BoardElement } from './board-scene';

/** A stored board's elements as they are now (its snapshot and the logged updates after it), deleted ones left out. */
export function storedBoardScene(stored: Pick<StoredDocument, 'snapshot' | 'updates'>): BoardElement[] {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  const scene = readStoredScene(doc).filter((element) => !element.isDeleted);
  doc.destroy();
  return scene;
}
