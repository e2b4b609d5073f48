import { workerData } from 'node:worker_threads';
import type * as Y from 'yjs';
import { boardElements, keysWrittenBy, mergeScene, readStoredScene, type BoardElement } from '@/lib/boards/board-scene';
import { connectBoardClient, type BoardClient } from './board-client';
import { gestureState, moveGesture, startShape, type GestureKind } from './drawing-gestures';
import type { WorkerPair } from './load-worker';
import { connectConcurrently, countErrors, drainUntil, serveLoadWorker, type LoopDelay } from './worker-lifecycle';

// One load-generator thread of the drawing load: both people of each of its pairs draw on their round's board
// at once, through the page's own board wiring (board-client.ts). Each repeats a cycle: pointer down, a gesture
// of `gestureMs` with a pointer move every 1/movesPerSecond s (Excalidraw's onChange with the element in flight,
// and onPointerUpdate), pointer up (the settled element stored), then `pauseMs` of the pointer wandering to the
// next shape. Gestures take turns: a rectangle dragged bigger, a freehand stroke, a move of one of the person's
// shapes already on the board. Both people of a pair live in this thread, so one clock times sender to partner.

export interface DrawingWorkerInput {
  script: 'drawing-worker.ts';
  url: string;
  /** Pairs seeded with boards (`board` set). */
  pairs: WorkerPair[];
  movesPerSecond: number;
  gestureMs: number;
  pauseMs: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
}

export interface DrawingWorkerResult extends LoopDelay {
  /** Stroke → peer: from the socket sending the awareness that carries an in-flight revision to the partner having that revision. */
  strokeToPeerMs: number[];
  /** Pointer move → peer: from the move (before the provider's awareness throttle) to the partner having that revision or a later one. */
  moveToPeerMs: number[];
  /** Settled shape → peer: from pointer up (the element stored in the Y.Map) to the partner's Y.Map holding it. */
  settledToPeerMs: number[];
  /** From pointer up to the server acknowledging the update as stored in PostgreSQL. */
  ackMs: number[];
  /** Inside the measured window: in-flight revisions made, gestures begun, shapes settled. */
  moves: number;
  gestures: number;
  settled: number;
  /** From the first move to the last, warm-up included (what CPU per second of drawing divides by): seconds with the pointer down, and seconds of drawing clients. */
  gestureSecondsInAll: number;
  clientSecondsInAll: number;
  /** Messages carrying awareness the clients sent over the same span (alone, or riding on a stored update). */
  awarenessMessagesInAll: number;
  /** Measured revisions / settled shapes the partner never received, settled shapes never acknowledged, by the end of the drain. */
  undeliveredMoves: number;
  undeliveredSettled: number;
  unacknowledged: number;
  errors: number;
  errorsByCode: Record<string, number>;
}

const GESTURES: GestureKind[] = ['rectangle', 'freedraw', 'move'];
/** The part of the board people draw on, in scene pixels. */
const CANVAS = { width: 1600, height: 900 };

interface Revision {
  version: number;
  at: number;
  /** When the socket sent the awareness carrying exactly this revision (most are superseded before the next send). */
  sentAt?: number;
}

interface Drawer {
  client: BoardClient;
  /** This person's number, which keeps their fractional indices apart from their partner's. */
  owner: number;
  partner?: Drawer;
  pointer: { x: number; y: number };
  heading: { dx: number; dy: number };
  gesture: { kind: GestureKind; element: BoardElement; step: number } | null;
  gesturesBegun: number;
  /** Ids of this person's settled shapes (what a move picks from). */
  shapes: string[];
  /** Measured in-flight revisions by element id, oldest first, until the partner has them (or a later one). */
  awaitingPeer: Map<string, Revision[]>;
  /** Measured settled shapes by id, until the partner's Y.Map has them / the server acknowledges them as stored. */
  awaitingSettled: Map<string, Revision>;
  awaitingAck: Map<string, Revision>;
  /** The update each store produced (the provider sends a lone one as is), to match its acknowledgement. */
  storedBy: WeakMap<Uint8Array, string>;
  storing: string | null;
}

const input = workerData as DrawingWorkerInput;
const strokeToPeerMs: number[] = [];
const moveToPeerMs: number[] = [];
const settledToPeerMs: number[] = [];
const ackMs: number[] = [];
let moves = 0;
let gestures = 0;
let settled = 0;
let downTicksInAll = 0;
let ticksInAll = 0;
let awarenessMessagesInAll = 0;
let isDrawing = false;

async function connectAll(): Promise<Drawer[]> {
  const drawers: Drawer[] = [];
  let owner = 0;
  await connectConcurrently(input.pairs, async (pair) => {
    const [first, second] = [0, 1].map((index) =>
      track(
        connectBoardClient({
          url: pair.urls?.[index] ?? input.url,
          sessionId: pair.sessionId!,
          board: pair.board!,
          cookie: pair.cookies![index]!,
          userName: `${index === 0 ? 'Interviewer' : 'Candidate'} ${pair.board}`,
        }),
        (owner += 1),
      ),
    ) as [Drawer, Drawer];
    first.partner = second;
    second.partner = first;
    await Promise.all([first.client.synced, second.client.synced]);
    drawers.push(first, second);
  });
  return drawers;
}

function track(client: BoardClient, owner: number): Drawer {
  const drawer: Drawer = {
    client,
    owner,
    pointer: { x: Math.random() * CANVAS.width, y: Math.random() * CANVAS.height },
    heading: { dx: 8, dy: 6 },
    gesture: null,
    gesturesBegun: 0,
    shapes: [],
    awaitingPeer: new Map(),
    awaitingSettled: new Map(),
    awaitingAck: new Map(),
    storedBy: new WeakMap(),
    storing: null,
  };
  // What the partner draws reaches this person two ways: in flight in their awareness, settled in the Y.Map.
  client.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    const partner = drawer.partner;
    if (!partner) return;
    const partnerId = partner.client.doc.clientID;
    if (!added.includes(partnerId) && !updated.includes(partnerId)) return;
    const drawing = (client.provider.awareness.getStates().get(partnerId) as { drawing?: BoardElement[] } | undefined)?.drawing;
    const now = performance.now();
    for (const element of drawing ?? []) received(partner, element.id, element.version, now);
  });
  boardElements(client.doc).observe((event: Y.YMapEvent<BoardElement>, transaction: Y.Transaction) => {
    const partner = drawer.partner;
    if (transaction.local || !partner) return;
    const now = performance.now();
    for (const id of event.keysChanged) {
      const element = boardElements(client.doc).get(id);
      if (!element) continue;
      received(partner, id, element.version, now);
      const stored = partner.awaitingSettled.get(id);
      if (stored && element.version >= stored.version) {
        settledToPeerMs.push(now - stored.at);
        partner.awaitingSettled.delete(id);
      }
    }
  });
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider && drawer.storing) drawer.storedBy.set(update, drawer.storing);
  });
  client.onSaved((update) => {
    const now = performance.now();
    const stored = drawer.storedBy.get(update);
    // A store merged with another into one message is matched by the shapes it writes.
    for (const id of stored ? [stored] : keysWrittenBy(update)) {
      if (!drawer.awaitingAck.has(id)) continue;
      ackMs.push(now - drawer.awaitingAck.get(id)!.at);
      drawer.awaitingAck.delete(id);
    }
  });
  client.onAwarenessSent(() => {
    if (isDrawing) awarenessMessagesInAll += 1;
    const now = performance.now();
    const drawing = (client.provider.awareness.getLocalState() as { drawing?: BoardElement[] } | null)?.drawing;
    for (const element of drawing ?? []) {
      const revision = drawer.awaitingPeer.get(element.id)?.find((pending) => pending.version === element.version);
      if (revision && revision.sentAt === undefined) revision.sentAt = now;
    }
  });
  return drawer;
}

/** The partner has `version` of the sender's element: that revision and every earlier one have arrived. */
function received(sender: Drawer, id: string, version: number, now: number): void {
  const pending = sender.awaitingPeer.get(id);
  if (!pending) return;
  while (pending.length > 0 && pending[0]!.version <= version) {
    const revision = pending.shift()!;
    moveToPeerMs.push(now - revision.at);
    if (revision.version === version && revision.sentAt !== undefined) strokeToPeerMs.push(now - revision.sentAt);
  }
  if (pending.length === 0) sender.awaitingPeer.delete(id);
}

/** The scene Excalidraw would hand onChange: the stored shapes with this person's shape in flight over them. */
function sceneOf(drawer: Drawer): BoardElement[] {
  return mergeScene(readStoredScene(drawer.client.doc), drawer.gesture ? [drawer.gesture.element] : []);
}

function wander(drawer: Drawer): void {
  const { pointer, heading } = drawer;
  if (pointer.x + heading.dx < 0 || pointer.x + heading.dx > CANVAS.width) heading.dx = -heading.dx;
  if (pointer.y + heading.dy < 0 || pointer.y + heading.dy > CANVAS.height) heading.dy = -heading.dy;
  pointer.x += heading.dx;
  pointer.y += heading.dy;
}

function beginGesture(drawer: Drawer): void {
  const doc = drawer.client.doc;
  let kind = GESTURES[drawer.gesturesBegun % GESTURES.length]!;
  const target = kind === 'move' ? boardElements(doc).get(drawer.shapes[Math.floor(Math.random() * drawer.shapes.length)] ?? '') : undefined;
  if (kind === 'move' && !target) kind = 'rectangle';
  drawer.gesturesBegun += 1;
  const angle = Math.random() * 2 * Math.PI;
  drawer.heading = { dx: Math.round(Math.cos(angle) * 9), dy: Math.round(Math.sin(angle) * 9) };
  const element =
    kind === 'move'
      ? target!
      : startShape(kind as 'rectangle' | 'freedraw', `${doc.clientID}-${drawer.gesturesBegun}`, drawer.gesturesBegun, drawer.owner, drawer.pointer);
  // Excalidraw reports a new shape at pointer down (a move only once the pointer moves).
  drawer.gesture = { kind, element, step: 0 };
  if (kind !== 'move') shareInFlight(drawer, element);
}

function continueGesture(drawer: Drawer): void {
  const gesture = drawer.gesture!;
  wander(drawer);
  gesture.step += 1;
  gesture.element = moveGesture(gesture.kind, gesture.element, gesture.step, drawer.heading.dx, drawer.heading.dy);
  shareInFlight(drawer, gesture.element);
}

let isMeasuring = false;

/** One revision of the shape in flight, as Excalidraw's onChange and onPointerUpdate would report it. */
function shareInFlight(drawer: Drawer, element: BoardElement): void {
  if (isMeasuring) {
    const pending = drawer.awaitingPeer.get(element.id) ?? [];
    pending.push({ version: element.version, at: performance.now() });
    drawer.awaitingPeer.set(element.id, pending);
    moves += 1;
  }
  drawer.client.sync.onPointer({ ...drawer.pointer, tool: 'pointer' }, 'down');
  drawer.client.sync.onSceneChange(sceneOf(drawer), gestureState(drawer.gesture!.kind, element));
}

/** Pointer up: Excalidraw reports a settled scene, and BoardSync stores the shape. */
function endGesture(drawer: Drawer): void {
  const gesture = drawer.gesture!;
  const { element } = gesture;
  drawer.client.sync.onPointer({ ...drawer.pointer, tool: 'pointer' }, 'up');
  const scene = sceneOf(drawer);
  drawer.gesture = null;
  const at = performance.now();
  drawer.storing = element.id;
  drawer.client.sync.onSceneChange(scene, gestureState(gesture.kind, null));
  drawer.storing = null;
  if (boardElements(drawer.client.doc).get(element.id)?.version !== element.version) return; // Refused here: counted as an error by the client.
  if (gesture.kind !== 'move') drawer.shapes.push(element.id);
  if (!isMeasuring) return;
  settled += 1;
  drawer.awaitingSettled.set(element.id, { version: element.version, at });
  drawer.awaitingAck.set(element.id, { version: element.version, at });
}

async function drawUntil(drawers: Drawer[], startAtEpochMs: number): Promise<void> {
  const interval = 1000 / input.movesPerSecond;
  const gestureTicks = Math.max(2, Math.round(input.gestureMs / interval));
  const cycleTicks = gestureTicks + Math.max(1, Math.round(input.pauseMs / interval));
  const measureFrom = startAtEpochMs + input.warmupMs;
  const stopAt = measureFrom + input.measureMs;
  const measuring = setTimeout(() => (isMeasuring = true), Math.max(0, measureFrom - Date.now()));
  isDrawing = true;
  await Promise.all(
    drawers.map(
      (drawer) =>
        new Promise<void>((resolve) => {
          // A random phase in the beat and in the cycle per person, then a steady beat that does not drift.
          const firstAt = startAtEpochMs + Math.random() * interval;
          const cycleOffset = Math.floor(Math.random() * cycleTicks);
          let n = 0;
          const tick = () => {
            if (Date.now() >= stopAt) {
              if (drawer.gesture) endGesture(drawer);
              return resolve();
            }
            const inCycle = (n + cycleOffset) % cycleTicks;
            ticksInAll += 1;
            if (inCycle === 0) beginGesture(drawer);
            else if (inCycle === gestureTicks && drawer.gesture) endGesture(drawer);
            else if (drawer.gesture) continueGesture(drawer);
            else {
              wander(drawer);
              drawer.client.sync.onPointer({ ...drawer.pointer, tool: 'pointer' }, 'up');
            }
            if (drawer.gesture) downTicksInAll += 1;
            if (inCycle === 0 && isMeasuring) gestures += 1;
            n += 1;
            setTimeout(tick, Math.max(0, firstAt + n * interval - Date.now()));
          };
          setTimeout(tick, Math.max(0, firstAt - Date.now()));
        }),
    ),
  );
  clearTimeout(measuring);
  isMeasuring = false;
  isDrawing = false;
}

let drawers: Drawer[] = [];
serveLoadWorker<Omit<DrawingWorkerResult, keyof LoopDelay>>({
  connect: async () => {
    drawers = await connectAll();
  },
  run: async (startAtEpochMs) => {
    await drawUntil(drawers, startAtEpochMs);
    const isDrained = () => drawers.every((drawer) => drawer.awaitingPeer.size === 0 && drawer.awaitingSettled.size === 0 && drawer.awaitingAck.size === 0);
    await drainUntil(isDrained, input.drainMs);
    const interval = 1000 / input.movesPerSecond;
    const total = (count: (drawer: Drawer) => number) => drawers.reduce((sum, drawer) => sum + count(drawer), 0);
    return {
      strokeToPeerMs,
      moveToPeerMs,
      settledToPeerMs,
      ackMs,
      moves,
      gestures,
      settled,
      gestureSecondsInAll: (downTicksInAll * interval) / 1000,
      clientSecondsInAll: (ticksInAll * interval) / 1000,
      awarenessMessagesInAll,
      undeliveredMoves: total((drawer) => [...drawer.awaitingPeer.values()].reduce((sum, pending) => sum + pending.length, 0)),
      undeliveredSettled: total((drawer) => drawer.awaitingSettled.size),
      unacknowledged: total((drawer) => drawer.awaitingAck.size),
      ...countErrors(drawers.map((drawer) => drawer.client.errors)),
    };
  },
  close: () => {
    for (const drawer of drawers) drawer.client.close();
  },
});
