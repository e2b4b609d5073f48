import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardElements,
  carryOverElements,
  changedElements,
  isGestureSettled,
  keysWrittenBy,
  mergeScene,
  readStoredScene,
  storeElements,
  type BoardElement,
} from './board-scene';

function shape(id: string, version: number, extra: Partial<BoardElement> = {}): BoardElement {
  return { id, type: 'rectangle', version, versionNonce: version * 7 + id.length, index: `a${id}`, x: 0, y: 0, width: 10, height: 10, ...extra };
}

/** Two people's copies of one board, each update relayed to the other at once (as the server does). */
function pair(): [Y.Doc, Y.Doc] {
  const left = new Y.Doc();
  const right = new Y.Doc();
  left.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(right, update, 'relay'));
  right.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(left, update, 'relay'));
  return [left, right];
}

describe('board scene binding', () => {
  it('stores only the shapes whose revision changed, and each side then reads the same scene', () => {
    const [left, right] = pair();
    const first = [shape('1', 1), shape('2', 1)];
    expect(storeElements(left, changedElements(left, first))).toBe(2);
    // Excalidraw reports the whole scene on every change: unchanged shapes write nothing.
    expect(changedElements(left, first)).toEqual([]);
    const moved = [first[0]!, shape('2', 2, { x: 40 })];
    expect(changedElements(left, moved).map((element) => element.id)).toEqual(['2']);
    storeElements(left, changedElements(left, moved));
    expect(readStoredScene(right)).toEqual(readStoredScene(left));
    expect(readStoredScene(right).find((element) => element.id === '2')?.x).toBe(40);
  });

  it('both draw at once and both end with both shapes; a deletion travels as a revision', () => {
    const [left, right] = pair();
    storeElements(left, [shape('l', 1)]);
    storeElements(right, [shape('r', 1)]);
    expect(readStoredScene(left).map((element) => element.id)).toEqual(['l', 'r']);
    storeElements(right, [shape('l', 2, { isDeleted: true })]);
    expect(boardElements(left).get('l')?.isDeleted).toBe(true);
  });

  it('sorts by fractional index, not by insertion', () => {
    const doc = new Y.Doc();
    storeElements(doc, [shape('top', 1, { index: 'a2' }), shape('bottom', 1, { index: 'a0' }), shape('middle', 1, { index: 'a1' })]);
    expect(readStoredScene(doc).map((element) => element.id)).toEqual(['bottom', 'middle', 'top']);
  });

  it('leaves another person’s in-flight shape for them to store', () => {
    const doc = new Y.Doc();
    const theirs = shape('t', 3);
    const scene = [theirs, shape('mine', 1)];
    expect(changedElements(doc, scene, new Map([[theirs.id, theirs]])).map((element) => element.id)).toEqual(['mine']);
    // If this person then changes their shape, it is a new revision and theirs to store too.
    expect(changedElements(doc, [shape('t', 4)], new Map([[theirs.id, theirs]])).map((element) => element.id)).toEqual(['t']);
  });

  it('merges in-flight shapes over the stored scene, newest revision winning', () => {
    const stored = [shape('a', 2), shape('b', 5)];
    const merged = mergeScene(stored, [shape('a', 3, { x: 9 }), shape('b', 4, { x: 99 })], [shape('c', 1)]);
    expect(merged.map((element) => [element.id, element.version])).toEqual([
      ['a', 3],
      ['b', 5],
      ['c', 1],
    ]);
  });

  it('knows a gesture in progress from a settled one', () => {
    expect(isGestureSettled({ cursorButton: 'up' })).toBe(true);
    expect(isGestureSettled({ cursorButton: 'down' })).toBe(false);
    expect(isGestureSettled({ cursorButton: 'up', newElement: { id: 'x' } })).toBe(false);
    expect(isGestureSettled({ cursorButton: 'up', selectedElementsAreBeingDragged: true })).toBe(false);
    expect(isGestureSettled({ cursorButton: 'up', editingTextElement: { id: 'x' } })).toBe(false);
  });

  it('starting over keeps everything but the shapes a refused update wrote', () => {
    const server = new Y.Doc();
    storeElements(server, [shape('kept', 1)]);
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(mine);
    storeElements(mine, [shape('huge', 1, { text: 'x'.repeat(100) })]);
    const refused = Y.encodeStateAsUpdate(mine, before);
    expect([...keysWrittenBy(refused)]).toEqual(['huge']);
    storeElements(mine, [shape('later', 1), shape('kept', 2, { x: 5 })]);

    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    carryOverElements(mine, fresh, [refused]);
    const ids = readStoredScene(fresh).map((element) => [element.id, element.version]);
    expect(ids).toEqual([
      ['kept', 2],
      ['later', 1],
    ]);
  });
});
