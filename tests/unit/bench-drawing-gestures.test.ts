import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardElements, changedElements, isGestureSettled, storeElements } from '@/lib/boards/board-scene';
import { gestureState, moveGesture, startShape } from '../bench/support/drawing-gestures';

// The drawing benchmark's hand must look to the board's binding like Excalidraw does: a gesture in progress is
// not settled (so it travels as presence), every move is a new revision (so it is shared and, at pointer up,
// stored), and pointer up is settled.
describe('the drawing benchmark gestures', () => {
  it('are in progress while the pointer is down and settled once it is up', () => {
    const rectangle = startShape('rectangle', 'r1', 1, 1, { x: 10, y: 20 });
    expect(isGestureSettled(gestureState('rectangle', rectangle))).toBe(false);
    expect(isGestureSettled(gestureState('freedraw', rectangle))).toBe(false);
    expect(isGestureSettled(gestureState('move', rectangle))).toBe(false);
    expect(isGestureSettled(gestureState('rectangle', null))).toBe(true);
  });

  it('make every move a new revision that the board stores at pointer up', () => {
    const doc = new Y.Doc();
    let stroke = startShape('freedraw', 's1', 1, 1, { x: 0, y: 0 });
    for (let step = 1; step <= 10; step += 1) {
      const next = moveGesture('freedraw', stroke, step, 9, 3);
      expect(next.version).toBe(stroke.version + 1);
      expect(next.versionNonce).not.toBe(stroke.versionNonce);
      stroke = next;
    }
    expect((stroke.points as unknown[]).length).toBe(31);
    storeElements(doc, changedElements(doc, [stroke]));
    const moved = moveGesture('move', boardElements(doc).get('s1')!, 1, 5, 5);
    expect(changedElements(doc, [moved]).map((element) => element.id)).toEqual(['s1']);
    expect(moved.x).toBe(5);
  });
});
