import * as Y from 'yjs';

// The board's Yjs binding, without React or Excalidraw (both sides of a round and the server's renderer use it).
//
// A board document holds one Y.Map: element id → the element's JSON, as Excalidraw has it. Excalidraw bumps an
// element's `version` (and draws a new `versionNonce`) on every change, deletion included (`isDeleted`), so "what
// changed" is "whose version or nonce differs from the stored one", and a map key is the unit two people may
// overwrite (last writer wins per shape, never a half-merged one). z-order travels in each element's fractional
// `index`, so a scene is the map's values sorted by it.
//
// Only what has settled is stored: a shape being drawn, dragged or resized travels as presence (awareness) and is
// written once the pointer is up. A drag therefore costs one stored update, not one per mouse move.

/** The name of the Y.Map every board document keeps its elements in. */
export const BOARD_ELEMENTS_NAME = 'elements';

/** What the binding needs to know of an Excalidraw element; the rest of its JSON travels untouched. */
export interface BoardElement {
  id: string;
  type: string;
  version: number;
  versionNonce: number;
  /** Excalidraw 0.18's fractional index (z-order); older elements may lack it. */
  index?: string | null;
  isDeleted?: boolean;
  [field: string]: unknown;
}

/** The part of Excalidraw's app state that says whether the person is in the middle of a gesture. */
export interface GestureState {
  cursorButton?: 'up' | 'down';
  newElement?: unknown;
  multiElement?: unknown;
  resizingElement?: unknown;
  editingTextElement?: unknown;
  selectedElementsAreBeingDragged?: boolean;
  isResizing?: boolean;
  isRotating?: boolean;
}

export function boardElements(doc: Y.Doc): Y.Map<BoardElement> {
  return doc.getMap<BoardElement>(BOARD_ELEMENTS_NAME);
}

/** True when no shape is being drawn, dragged, resized, rotated or typed into: what is on screen may be stored. */
export function isGestureSettled(state: GestureState): boolean {
  return (
    state.cursorButton !== 'down' &&
    !state.newElement &&
    !state.multiElement &&
    !state.resizingElement &&
    !state.editingTextElement &&
    !state.selectedElementsAreBeingDragged &&
    !state.isResizing &&
    !state.isRotating
  );
}

function isSameRevision(a: Pick<BoardElement, 'version' | 'versionNonce'>, b: Pick<BoardElement, 'version' | 'versionNonce'>): boolean {
  return a.version === b.version && a.versionNonce === b.versionNonce;
}

/**
 * The elements of `scene` the document does not hold at their revision, leaving out `foreign` ones (another
 * person's shapes in flight, shown here but theirs to store).
 */
export function changedElements(doc: Y.Doc, scene: readonly BoardElement[], foreign: ReadonlyMap<string, BoardElement> = new Map()): BoardElement[] {
  const stored = boardElements(doc);
  return scene.filter((element) => {
    const theirs = foreign.get(element.id);
    if (theirs && isSameRevision(theirs, element)) return false;
    const current = stored.get(element.id);
    return !current || !isSameRevision(current, element);
  });
}

/** Stores `elements` (plain JSON copies) in one transaction, so they travel as one update; returns how many. */
export function storeElements(doc: Y.Doc, elements: readonly BoardElement[], origin?: unknown): number {
  if (elements.length === 0) return 0;
  const stored = boardElements(doc);
  doc.transact(() => {
    for (const element of elements) stored.set(element.id, toPlainElement(element));
  }, origin);
  return elements.length;
}

/** An element as JSON: drops anything Excalidraw keeps on it that is not data (it freezes, and may hold caches). */
export function toPlainElement(element: BoardElement): BoardElement {
  return JSON.parse(JSON.stringify(element)) as BoardElement;
}

/** How many bytes storing `elements` adds to the document, near enough to check against the server's limits. */
export function elementsByteLength(elements: readonly BoardElement[]): number {
  let bytes = 0;
  for (const element of elements) bytes += new TextEncoder().encode(JSON.stringify(element)).byteLength + element.id.length + 16;
  return bytes;
}

/** z-order: by fractional index (plain string order, as Excalidraw compares them), then by id for a stable tie. */
export function compareElements(a: BoardElement, b: BoardElement): number {
  const left = a.index ?? '';
  const right = b.index ?? '';
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The stored scene in z-order, deleted elements included (Excalidraw keeps them to reconcile with). */
export function readStoredScene(doc: Y.Doc): BoardElement[] {
  return [...boardElements(doc).values()].sort(compareElements);
}

/**
 * The scene to show: the stored elements, overlaid with newer revisions in flight (the person's own unsettled
 * ones in `local`, the others' in `foreign`). A stored revision newer than a local one wins: someone else's
 * settled change replaces a stale copy.
 */
export function mergeScene(stored: readonly BoardElement[], local: readonly BoardElement[], foreign: readonly BoardElement[] = []): BoardElement[] {
  const byId = new Map(stored.map((element) => [element.id, element]));
  for (const element of [...local, ...foreign]) {
    const current = byId.get(element.id);
    if (!current || element.version > current.version) byId.set(element.id, element);
  }
  return [...byId.values()].sort(compareElements);
}

/**
 * The map keys a Yjs update writes (the shapes it would change), read from its structs without applying it: a
 * board that starts over after a refused update leaves exactly these shapes as the server has them.
 */
export function keysWrittenBy(update: Uint8Array): Set<string> {
  const keys = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    const key = (struct as { parentSub?: string | null }).parentSub;
    if (typeof key === 'string') keys.add(key);
  }
  return keys;
}

/**
 * Carries this person's shapes from a Y.Doc that must be dropped (it holds an update the server refused for good)
 * into `fresh`, the server's copy: every shape that differs, except those the refused updates wrote.
 */
export function carryOverElements(oldDoc: Y.Doc, fresh: Y.Doc, refused: readonly Uint8Array[]): void {
  const skipped = new Set(refused.flatMap((update) => [...keysWrittenBy(update)]));
  const kept = [...boardElements(oldDoc).values()].filter((element) => !skipped.has(element.id));
  storeElements(fresh, changedElements(fresh, kept));
}
