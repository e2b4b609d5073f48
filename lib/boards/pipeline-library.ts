import type { BoardElement } from './board-scene';

// The board's built-in shapes for data pipelines (issue 23, item 2): what a design round draws again and again,
// ready to drag in from the library panel. Written as element JSON, so no library file is fetched from anywhere.
// Ids and seeds are fixed: Excalidraw gives every inserted copy new ids, and a fixed seed draws the same sketch.

export interface PipelineLibraryItem {
  id: string;
  status: 'published' | 'unpublished';
  name: string;
  created: number;
  elements: BoardElement[];
}

type ShapeType = 'rectangle' | 'ellipse' | 'diamond';

interface ShapeSpec {
  key: string;
  type: ShapeType;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  fill: string;
  isDashed?: boolean;
}

const STROKE = '#1e1e1e';
const FONT_SIZE = 16;
const LINE_HEIGHT = 1.25;
/** Excalifont, the hand-drawn face Excalidraw 0.18 draws with by default. */
const FONT_FAMILY = 5;

function seedOf(key: string): number {
  let hash = 7;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) % 2_000_000_011;
  return hash;
}

function baseElement(id: string, type: string, box: { x: number; y: number; width: number; height: number }, groupId: string): BoardElement {
  return {
    id,
    type,
    ...box,
    angle: 0,
    strokeColor: STROKE,
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [groupId],
    frameId: null,
    index: null,
    roundness: null,
    seed: seedOf(id),
    version: 1,
    versionNonce: seedOf(`${id}#nonce`),
    isDeleted: false,
    boundElements: null,
    updated: 1,
    link: null,
    locked: false,
  };
}

/** A shape with its label bound inside it (moves and resizes with it, as a label typed into it would). */
function labelledShape(spec: ShapeSpec, groupId: string): BoardElement[] {
  const shapeId = `lib-${spec.key}`;
  const textId = `lib-${spec.key}-label`;
  const lines = spec.label.split('\n');
  const textHeight = lines.length * FONT_SIZE * LINE_HEIGHT;
  const textWidth = Math.max(...lines.map((line) => line.length)) * FONT_SIZE * 0.55;
  const shape: BoardElement = {
    ...baseElement(shapeId, spec.type, spec, groupId),
    backgroundColor: spec.fill,
    strokeStyle: spec.isDashed ? 'dashed' : 'solid',
    roundness: spec.type === 'rectangle' ? { type: 3 } : { type: 2 },
    boundElements: [{ type: 'text', id: textId }],
  };
  const text: BoardElement = {
    ...baseElement(
      textId,
      'text',
      { x: spec.x + (spec.width - textWidth) / 2, y: spec.y + (spec.height - textHeight) / 2, width: textWidth, height: textHeight },
      groupId,
    ),
    text: spec.label,
    originalText: spec.label,
    fontSize: FONT_SIZE,
    fontFamily: FONT_FAMILY,
    textAlign: 'center',
    verticalAlign: 'middle',
    containerId: shapeId,
    autoResize: true,
    lineHeight: LINE_HEIGHT,
  };
  return [shape, text];
}

function item(key: string, name: string, specs: Omit<ShapeSpec, 'key'>[]): PipelineLibraryItem {
  const groupId = `lib-group-${key}`;
  return {
    id: `pipeline-${key}`,
    status: 'unpublished',
    name,
    created: 0,
    elements: specs.flatMap((spec, index) => labelledShape({ ...spec, key: `${key}-${index}` }, groupId)),
  };
}

/** In the order a pipeline is drawn: from where events start to where people read them. */
export const PIPELINE_LIBRARY: readonly PipelineLibraryItem[] = [
  item('event-source', 'Event source', [{ type: 'ellipse', x: 0, y: 0, width: 180, height: 90, label: 'Event source\n(app, device, CDC)', fill: '#ffec99' }]),
  item('topic', 'Kafka / Scribe topic', [{ type: 'rectangle', x: 0, y: 0, width: 220, height: 70, label: 'Topic (Kafka / Scribe)\npartitions · retention', fill: '#d0bfff' }]),
  item('stream-job', 'Stream job', [{ type: 'rectangle', x: 0, y: 0, width: 200, height: 80, label: 'Stream job\n(windows, state)', fill: '#a5d8ff' }]),
  item('batch-job', 'Batch job', [{ type: 'rectangle', x: 0, y: 0, width: 200, height: 80, label: 'Batch job\n(daily, backfill)', fill: '#b2f2bb', isDashed: true }]),
  item('storage-tiers', 'Object store tiers', [
    { type: 'rectangle', x: 0, y: 0, width: 220, height: 56, label: 'Hot: SSD / cache', fill: '#ffc9c9' },
    { type: 'rectangle', x: 0, y: 66, width: 220, height: 56, label: 'Warm: object store', fill: '#ffd8a8' },
    { type: 'rectangle', x: 0, y: 132, width: 220, height: 56, label: 'Cold: archive tier', fill: '#e9ecef' },
  ]),
  item('warehouse-table', 'Warehouse table', [{ type: 'rectangle', x: 0, y: 0, width: 220, height: 100, label: 'fact_ / dim_ table\ngrain · keys\npartitioned by ds', fill: '#c3fae8' }]),
  item('dashboard', 'Dashboard', [{ type: 'diamond', x: 0, y: 0, width: 200, height: 110, label: 'Dashboard\n(metrics)', fill: '#eebefa' }]),
];
