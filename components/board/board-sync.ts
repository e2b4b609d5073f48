import type * as Y from 'yjs';
import {
  boardElements,
  changedElements,
  elementsByteLength,
  isGestureSettled,
  mergeScene,
  readStoredScene,
  storeElements,
  toPlainElement,
  type BoardElement,
  type GestureState,
} from '@/lib/boards/board-scene';
import type { SocketYjsProvider } from '@/components/room/socket-yjs-provider';

// Between one Excalidraw instance and the board's SocketYjsProvider (no React here). Excalidraw reports its whole
// scene on every change; settled changes go into the Y.Map (so the provider stores and sends them), a gesture in
// progress goes into this person's awareness state, and the others' stored shapes, in-flight shapes and pointers
// come back as a new scene.

/** Awareness is capped at 16 KB a message; a larger in-flight shape (a long freehand stroke) shows when it settles. */
const MAX_IN_FLIGHT_BYTES = 12_000;

export interface BoardPeer {
  clientId: number;
  name: string;
  color: string;
  colorLight: string;
  pointer?: { x: number; y: number; tool: 'pointer' | 'laser' };
  button?: 'up' | 'down';
  drawing: BoardElement[];
}

/** What the sync needs of Excalidraw's imperative API (kept narrow so this file does not import Excalidraw). */
export interface BoardCanvas {
  getSceneElementsIncludingDeleted(): readonly unknown[];
  updateScene(scene: { elements?: readonly unknown[]; collaborators?: Map<string, unknown>; captureUpdate?: 'NEVER' | 'IMMEDIATELY' | 'EVENTUALLY' }): void;
}

interface AwarenessState {
  user?: { name?: unknown; color?: unknown; colorLight?: unknown };
  pointer?: BoardPeer['pointer'];
  button?: BoardPeer['button'];
  drawing?: unknown;
}

export class BoardSync {
  private canvas: BoardCanvas | null = null;
  private boundDoc: Y.Doc | null = null;
  /** Every revision seen in another person's hands: never stored from here, and dropped if they abandon it. */
  private readonly foreignSeen = new Map<string, BoardElement>();
  private inFlightSignature = '';

  constructor(
    private readonly provider: SocketYjsProvider,
    private readonly isReadOnly: () => boolean,
    private readonly onRefused: (message: string) => void,
  ) {
    this.bind();
    provider.awareness.on('change', this.onAwareness);
  }

  /** The provider replaced its Y.Doc (a refused update): observe the new one and show it. */
  rebindIfReplaced(): void {
    if (this.boundDoc === this.provider.doc) return;
    this.bind();
    this.render();
  }

  attach(canvas: BoardCanvas): void {
    this.canvas = canvas;
    this.render();
  }

  destroy(): void {
    if (this.boundDoc) boardElements(this.boundDoc).unobserve(this.onStoredChange);
    this.provider.awareness.off('change', this.onAwareness);
    this.canvas = null;
  }

  /** Excalidraw's onChange: store what settled, share what is in flight. */
  onSceneChange(scene: readonly unknown[], state: GestureState): void {
    if (this.lacksStoredElements(scene as readonly BoardElement[])) {
      // Excalidraw loads its initial data after handing out its API, over what was shown (a reload showed an
      // empty board). Deletions are explicit (isDeleted), so a scene without a stored id was replaced: show it again.
      this.render();
      return;
    }
    if (this.isReadOnly()) return;
    const elements = scene as readonly BoardElement[];
    const changed = changedElements(this.provider.doc, elements, this.foreignSeen);
    if (!isGestureSettled(state)) {
      this.shareInFlight(changed);
      return;
    }
    this.shareInFlight([]);
    if (changed.length === 0) return;
    const refusal = this.provider.checkInsert(elementsByteLength(changed));
    if (refusal !== null) {
      this.onRefused(refusal.replace('text', 'drawing').replace('the shared editor', 'the board'));
      // What was not stored leaves the screen too: the board shows what everyone else sees.
      this.render(true);
      return;
    }
    storeElements(this.provider.doc, changed);
  }

  private lacksStoredElements(scene: readonly BoardElement[]): boolean {
    const stored = boardElements(this.provider.doc);
    if (!this.canvas || stored.size === 0) return false;
    const onScreen = new Set(scene.map((element) => element.id));
    // Deleted ones may or may not be handed to onChange; only a missing live shape tells.
    for (const element of stored.values()) if (!element.isDeleted && !onScreen.has(element.id)) return true;
    return false;
  }

  onPointer(pointer: { x: number; y: number; tool: 'pointer' | 'laser' }, button: 'up' | 'down'): void {
    this.provider.awareness.setLocalStateField('pointer', { x: Math.round(pointer.x), y: Math.round(pointer.y), tool: pointer.tool });
    if (this.provider.awareness.getLocalState()?.button !== button) this.provider.awareness.setLocalStateField('button', button);
  }

  /** Everyone else on this board, as their awareness states say. */
  peers(): BoardPeer[] {
    const peers: BoardPeer[] = [];
    for (const [clientId, raw] of this.provider.awareness.getStates()) {
      if (clientId === this.provider.doc.clientID) continue;
      const state = raw as AwarenessState;
      if (typeof state.user?.name !== 'string') continue;
      peers.push({
        clientId,
        name: state.user.name,
        color: typeof state.user.color === 'string' ? state.user.color : '#5b6270',
        colorLight: typeof state.user.colorLight === 'string' ? state.user.colorLight : '#5b627033',
        ...(state.pointer ? { pointer: state.pointer } : {}),
        ...(state.button ? { button: state.button } : {}),
        drawing: Array.isArray(state.drawing) ? (state.drawing as BoardElement[]).filter(isElementLike) : [],
      });
    }
    return peers;
  }

  private bind(): void {
    if (this.boundDoc) boardElements(this.boundDoc).unobserve(this.onStoredChange);
    this.boundDoc = this.provider.doc;
    boardElements(this.boundDoc).observe(this.onStoredChange);
  }

  private readonly onStoredChange = (_event: Y.YMapEvent<BoardElement>, transaction: Y.Transaction): void => {
    // This person's own settled change is on screen already.
    if (transaction.local) return;
    this.render();
  };

  private readonly onAwareness = (): void => {
    this.render();
  };

  private shareInFlight(elements: BoardElement[]): void {
    const signature = elements.map((element) => `${element.id}:${element.version}:${element.versionNonce}`).join(',');
    if (signature === this.inFlightSignature) return;
    this.inFlightSignature = signature;
    const plain = elements.map(toPlainElement);
    this.provider.awareness.setLocalStateField('drawing', elementsByteLength(plain) <= MAX_IN_FLIGHT_BYTES ? plain : []);
  }

  /** Shows the stored scene with in-flight shapes over it; `dropLocal` discards this person's unsaved changes. */
  private render(dropLocal = false): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const peers = this.peers();
    // Copies: Excalidraw mutates the elements it is given in place, which must never reach the Y.Map's values.
    const foreign = peers.flatMap((peer) => peer.drawing).map((element) => structuredClone(element));
    for (const element of foreign) {
      const seen = this.foreignSeen.get(element.id);
      if (!seen || element.version >= seen.version) this.foreignSeen.set(element.id, element);
    }
    const stored = readStoredScene(this.provider.doc).map((element) => structuredClone(element));
    const onScreen = canvas.getSceneElementsIncludingDeleted() as readonly BoardElement[];
    // Mine: what I changed and have not stored yet; never a copy of someone else's shape in flight.
    const local = dropLocal
      ? []
      : onScreen.filter((element) => {
          const theirs = this.foreignSeen.get(element.id);
          return !theirs || element.version > theirs.version;
        });
    const collaborators = new Map<string, unknown>(
      peers.map((peer) => [
        String(peer.clientId),
        {
          username: peer.name,
          color: { background: peer.colorLight, stroke: peer.color },
          ...(peer.pointer ? { pointer: peer.pointer } : {}),
          ...(peer.button ? { button: peer.button } : {}),
        },
      ]),
    );
    canvas.updateScene({ elements: mergeScene(stored, local, foreign), collaborators, captureUpdate: 'NEVER' });
  }
}

function isElementLike(value: unknown): value is BoardElement {
  const element = value as BoardElement | null;
  return typeof element?.id === 'string' && typeof element.type === 'string' && typeof element.version === 'number';
}
