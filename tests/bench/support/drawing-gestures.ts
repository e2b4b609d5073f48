import type { BoardElement, GestureState } from '@/lib/boards/board-scene';

// What a person's hand does to the board's elements, as Excalidraw 0.18 reports them to onChange: the element
// JSON it keeps (every field, so presence and stored updates weigh what the page's do), bumped to a new
// `version` and `versionNonce` on every pointer move, and the app state that says a gesture is in progress.
// Three gestures: drawing a rectangle (dragged bigger), a freehand stroke (growing by the pointer's points),
// and moving a shape already on the board.

export type GestureKind = 'rectangle' | 'freedraw' | 'move';

/** Excalidraw's pointer events arrive once a frame: a freehand stroke gains this many points per move we make at 20 Hz. */
const POINTS_PER_MOVE = 3;

let nonceSeed = 1;
function nextNonce(): number {
  nonceSeed = (nonceSeed * 1_103_515_245 + 12_345) % 2_147_483_647;
  return nonceSeed;
}

/** A fractional index after every earlier shape of this person's (plain string order, as Excalidraw compares). */
function fractionalIndex(sequence: number, owner: number): string {
  return `a${sequence.toString(36).padStart(4, '0')}${owner.toString(36)}`;
}

function baseElement(id: string, type: string, x: number, y: number, index: string): BoardElement {
  return {
    id,
    type,
    x,
    y,
    width: 0,
    height: 0,
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    index,
    roundness: type === 'rectangle' ? { type: 3 } : null,
    seed: nextNonce(),
    version: 1,
    versionNonce: nextNonce(),
    isDeleted: false,
    boundElements: null,
    updated: Date.now(),
    link: null,
    locked: false,
  };
}

/** Pointer down with the rectangle or freehand tool: the new element at the pointer, zero-sized. */
export function startShape(kind: 'rectangle' | 'freedraw', id: string, sequence: number, owner: number, at: { x: number; y: number }): BoardElement {
  const element = baseElement(id, kind, at.x, at.y, fractionalIndex(sequence, owner));
  if (kind === 'freedraw') return { ...element, points: [[0, 0]], pressures: [], simulatePressure: true, lastCommittedPoint: null };
  return element;
}

function revised(element: BoardElement, changes: Partial<BoardElement>): BoardElement {
  return { ...element, ...changes, version: element.version + 1, versionNonce: nextNonce(), updated: Date.now() };
}

/**
 * One pointer move of a gesture, `step` moves in: a rectangle's far corner follows the pointer, a stroke gains
 * the points the pointer passed through, a moved shape follows it. `dx`/`dy` is this move's pointer travel.
 */
export function moveGesture(kind: GestureKind, element: BoardElement, step: number, dx: number, dy: number): BoardElement {
  switch (kind) {
    case 'rectangle':
      return revised(element, { width: (element.width as number) + dx, height: (element.height as number) + dy });
    case 'freedraw': {
      const points = [...(element.points as [number, number][])];
      let [lastX, lastY] = points.at(-1)!;
      for (let point = 1; point <= POINTS_PER_MOVE; point += 1) {
        // A hand's stroke wobbles: a little curve on top of the travel.
        lastX += dx / POINTS_PER_MOVE + Math.sin((step * POINTS_PER_MOVE + point) / 4) * 1.5;
        lastY += dy / POINTS_PER_MOVE + Math.cos((step * POINTS_PER_MOVE + point) / 5) * 1.5;
        points.push([round2(lastX), round2(lastY)]);
      }
      const xs = points.map(([x]) => x);
      const ys = points.map(([, y]) => y);
      return revised(element, { points, width: round2(Math.max(...xs) - Math.min(...xs)), height: round2(Math.max(...ys) - Math.min(...ys)) });
    }
    case 'move':
      return revised(element, { x: (element.x as number) + dx, y: (element.y as number) + dy });
  }
}

/** Excalidraw's app state while the pointer is down in a gesture of this kind, and once it is up. */
export function gestureState(kind: GestureKind, element: BoardElement | null): GestureState {
  if (!element) return { cursorButton: 'up' };
  return kind === 'move' ? { cursorButton: 'down', selectedElementsAreBeingDragged: true } : { cursorButton: 'down', newElement: element };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
