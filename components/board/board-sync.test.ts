import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { boardElements, readStoredScene, type BoardElement, type GestureState } from '@/lib/boards/board-scene';
import type { SocketYjsProvider } from '@/components/room/socket-yjs-provider';
import { BoardSync, type BoardCanvas } from './board-sync';

// BoardSync between two people, each with an Excalidraw stand-in (the scene it was last given), over a relay that
// passes document and awareness updates at once, as the server does. What the sync uses of its provider (the Y.Doc,
// its awareness and the size check) is real Yjs; the socket's part is the relay.

/** The part of SocketYjsProvider that BoardSync reads. */
interface BoardProvider {
  doc: Y.Doc;
  awareness: Awareness;
  /** What the server's limits say about storing `bytes` more; null when it fits. */
  refuseLargerThan: number;
  checkInsert(bytes: number): string | null;
}

function provider(name: string): BoardProvider {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, color: '#123456', colorLight: '#12345633' });
  return {
    doc,
    awareness,
    refuseLargerThan: Infinity,
    checkInsert(bytes) {
      return bytes > this.refuseLargerThan ? 'That is too much text to add at once to the shared editor.' : null;
    },
  };
}

class Canvas implements BoardCanvas {
  elements: BoardElement[] = [];
  collaborators = new Map<string, unknown>();
  getSceneElementsIncludingDeleted() {
    return this.elements;
  }
  updateScene(scene: { elements?: readonly unknown[]; collaborators?: Map<string, unknown> }) {
    if (scene.elements) this.elements = scene.elements as BoardElement[];
    if (scene.collaborators) this.collaborators = scene.collaborators;
  }
}

interface Side {
  provider: BoardProvider;
  canvas: Canvas;
  sync: BoardSync;
  refusals: string[];
  isReadOnly: boolean;
  /** Excalidraw's onChange with this scene: the person's screen now shows it. */
  change(elements: BoardElement[], state?: GestureState): void;
}

function side(name: string): Side {
  const boardProvider = provider(name);
  const canvas = new Canvas();
  const result = { provider: boardProvider, canvas, refusals: [] as string[], isReadOnly: false } as Side;
  result.sync = new BoardSync(boardProvider as unknown as SocketYjsProvider, () => result.isReadOnly, (message) => result.refusals.push(message));
  result.sync.attach(canvas);
  result.change = (elements, state = {}) => {
    canvas.elements = elements;
    result.sync.onSceneChange(elements, state);
  };
  return result;
}

/** Two people on one board, every update and presence change relayed to the other. */
function pair(): [Side, Side] {
  const left = side('Ada');
  const right = side('Grace');
  for (const [from, to] of [
    [left, right],
    [right, left],
  ] as const) {
    from.provider.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') Y.applyUpdate(to.provider.doc, update, 'relay');
    });
    from.provider.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
      if (origin === 'relay') return;
      const changed = [...added, ...updated, ...removed];
      applyAwarenessUpdate(to.provider.awareness, encodeAwarenessUpdate(from.provider.awareness, changed), 'relay');
    });
  }
  // Each learns the other's name, as a join does.
  left.provider.awareness.setLocalStateField('button', 'up');
  right.provider.awareness.setLocalStateField('button', 'up');
  return [left, right];
}

function shape(id: string, version: number, extra: Partial<BoardElement> = {}): BoardElement {
  return { id, type: 'rectangle', version, versionNonce: version * 31 + id.length, index: `a${id}`, x: 0, y: 0, width: 10, height: 10, ...extra };
}

const dragging: GestureState = { cursorButton: 'down', selectedElementsAreBeingDragged: true };

describe('BoardSync', () => {
  it('stores a settled shape, and the partner sees it from the stored map', () => {
    const [ada, grace] = pair();
    ada.change([shape('r', 1)]);
    expect(readStoredScene(grace.provider.doc).map((element) => element.id)).toEqual(['r']);
    expect(grace.canvas.elements.map((element) => element.id)).toEqual(['r']);
    expect(ada.refusals).toEqual([]);
  });

  it('shares a shape in flight as presence only, and stores it once, when the gesture settles', () => {
    const [ada, grace] = pair();
    const updates: Uint8Array[] = [];
    ada.provider.doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let version = 1; version <= 5; version++) ada.change([shape('r', version, { width: version * 20 })], { cursorButton: 'down', newElement: {} });
    expect(updates).toHaveLength(0);
    expect(boardElements(grace.provider.doc).size).toBe(0);
    // Grace sees the growing rectangle, and Ada's pointer and name among the collaborators.
    expect(grace.canvas.elements).toMatchObject([{ id: 'r', width: 100 }]);
    expect([...grace.canvas.collaborators.values()]).toMatchObject([{ username: 'Ada' }]);

    ada.change([shape('r', 6, { width: 120 })]);
    expect(updates).toHaveLength(1);
    expect(boardElements(grace.provider.doc).get('r')).toMatchObject({ version: 6, width: 120 });
    // Nothing is in flight any more.
    expect(ada.provider.awareness.getLocalState()?.drawing).toEqual([]);
  });

  it('never stores a copy of the partner’s shape in flight, though Excalidraw reports it as part of the scene', () => {
    const [ada, grace] = pair();
    ada.change([shape('r', 1)]);
    ada.change([shape('r', 2, { x: 50 })], dragging);
    // Grace's screen shows Ada's drag; her Excalidraw reports that scene back while she does nothing.
    grace.change(grace.canvas.elements);
    expect(boardElements(grace.provider.doc).get('r')).toMatchObject({ version: 1, x: 0 });
    // Ada lets go: her revision is stored, and both screens agree.
    ada.change([shape('r', 3, { x: 60 })]);
    expect(boardElements(grace.provider.doc).get('r')).toMatchObject({ version: 3, x: 60 });
    expect(grace.canvas.elements).toMatchObject([{ id: 'r', x: 60 }]);
  });

  it('drops a partner’s abandoned shape in flight from the screen', () => {
    const [ada, grace] = pair();
    ada.change([shape('r', 1)], { cursorButton: 'down', newElement: {} });
    expect(grace.canvas.elements).toHaveLength(1);
    // Ada presses Escape mid-gesture: the shape never existed.
    ada.change([]);
    expect(grace.canvas.elements).toHaveLength(0);
    expect(boardElements(grace.provider.doc).size).toBe(0);
  });

  it('refuses a drawing too large to store, says so in the board’s words, and takes it off the screen', () => {
    const [ada, grace] = pair();
    ada.change([shape('kept', 1)]);
    ada.provider.refuseLargerThan = 1_000;
    const stroke = shape('stroke', 1, { type: 'freedraw', points: Array.from({ length: 200 }, (_, i) => [i, i * 2]) });
    ada.change([shape('kept', 1), stroke]);
    expect(ada.refusals).toEqual(['That is too much drawing to add at once to the board.']);
    expect(ada.canvas.elements.map((element) => element.id)).toEqual(['kept']);
    expect([...boardElements(grace.provider.doc).keys()]).toEqual(['kept']);
    // A smaller shape afterwards is stored as usual.
    ada.change([shape('kept', 1), shape('small', 1)]);
    expect([...boardElements(grace.provider.doc).keys()].sort()).toEqual(['kept', 'small']);
  });

  it('stores nothing once the board is read-only', () => {
    const [ada, grace] = pair();
    ada.isReadOnly = true;
    ada.change([shape('r', 1)]);
    expect(boardElements(ada.provider.doc).size).toBe(0);
    expect(boardElements(grace.provider.doc).size).toBe(0);
  });

  it('shows the stored shapes again when Excalidraw replaces the scene with its initial data', () => {
    const [ada, grace] = pair();
    ada.change([shape('r', 1)]);
    // Excalidraw loads its (empty) initial data over what the sync showed.
    grace.change([]);
    expect(grace.canvas.elements.map((element) => element.id)).toEqual(['r']);
    // ...and that replacement is not taken for a deletion.
    expect(boardElements(ada.provider.doc).get('r')?.isDeleted).toBeUndefined();
  });

  it('follows the provider onto a new document after a start over', () => {
    const [ada] = pair();
    const fresh = new Y.Doc();
    boardElements(fresh).set('server', shape('server', 4));
    ada.provider.doc = fresh;
    ada.sync.rebindIfReplaced();
    expect(ada.canvas.elements.map((element) => element.id)).toEqual(['server']);
    ada.change([shape('server', 4), shape('mine', 1)]);
    expect([...boardElements(fresh).keys()].sort()).toEqual(['mine', 'server']);
  });
});
