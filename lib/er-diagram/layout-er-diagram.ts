import { Graph, layout } from '@dagrejs/dagre';
import type { ErColumn, ErModel, ErReference, ErTable } from './er-model';

// Model → positioned boxes and edge polylines, with dagre (a layered graph layout). Each table is a box sized
// from its text; a reference runs from the referencing table to the referenced one, so in a star schema the facts
// sit on the left and the dimensions they point at on the right. dagre routes each edge between the boxes; its
// two ends are then moved onto the rows of the columns it joins, so the line says which column is the key.

export const ER_LAYOUT = {
  headerHeight: 28,
  rowHeight: 18,
  /** Space above the partition columns, where the box says "partitioned by". */
  partitionGap: 18,
  paddingX: 10,
  paddingBottom: 6,
  /** The PK / FK marks left of the column names. */
  markerWidth: 24,
  gapBeforeType: 16,
  /** Approximate advance of one character of the 12 px monospace text the boxes use. */
  charWidth: 7.3,
  headerCharWidth: 8,
  margin: 16,
} as const;

export type ErColumnMarker = 'PK' | 'FK' | null;

export interface ErLayoutRow {
  column: ErColumn;
  /** Baseline-centre of the row, in diagram coordinates. */
  y: number;
  marker: ErColumnMarker;
}

export interface ErLayoutBox {
  table: ErTable;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  rows: ErLayoutRow[];
  /** Where the "partitioned by" divider goes, when the table has partition columns. */
  partitionY: number | null;
}

export interface ErPoint {
  x: number;
  y: number;
}

export interface ErLayoutEdge {
  reference: ErReference;
  points: ErPoint[];
}

export interface ErLayout {
  model: ErModel;
  width: number;
  height: number;
  boxes: ErLayoutBox[];
  edges: ErLayoutEdge[];
}

export function layoutErDiagram(model: ErModel): ErLayout {
  if (model.tables.length === 0) return { model, width: 0, height: 0, boxes: [], edges: [] };
  const foreignKeys = new Set(
    model.references.flatMap((reference) => reference.fromColumns.map((column) => columnKey(reference.fromTable, column))),
  );

  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 72, edgesep: 14, marginx: ER_LAYOUT.margin, marginy: ER_LAYOUT.margin });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const table of model.tables) {
    const { width, height } = boxSize(table);
    graph.setNode(nodeId(table.name), { width, height });
  }
  model.references.forEach((reference, index) => {
    graph.setEdge(nodeId(reference.fromTable), nodeId(reference.toTable), { minlen: 1 }, `r${index}`);
  });
  layout(graph);

  const boxes = model.tables.map((table): ErLayoutBox => {
    const node = graph.node(nodeId(table.name));
    const x = node.x - node.width / 2;
    const y = node.y - node.height / 2;
    const regular = table.columns.filter((column) => !column.isPartition);
    const partition = table.columns.filter((column) => column.isPartition);
    const rowY = (index: number, isPartition: boolean) =>
      y + ER_LAYOUT.headerHeight + (index + 0.5) * ER_LAYOUT.rowHeight + (isPartition ? regular.length * ER_LAYOUT.rowHeight + ER_LAYOUT.partitionGap : 0);
    const marker = (column: ErColumn): ErColumnMarker =>
      column.isPrimaryKey ? 'PK' : foreignKeys.has(columnKey(table.name, column.name)) ? 'FK' : null;
    return {
      table,
      x,
      y,
      width: node.width,
      height: node.height,
      rows: [
        ...regular.map((column, index) => ({ column, y: rowY(index, false), marker: marker(column) })),
        ...partition.map((column, index) => ({ column, y: rowY(index, true), marker: marker(column) })),
      ],
      partitionY: partition.length > 0 ? y + ER_LAYOUT.headerHeight + regular.length * ER_LAYOUT.rowHeight + ER_LAYOUT.partitionGap / 2 : null,
    };
  });
  const boxByName = new Map(boxes.map((box) => [box.table.name.toLowerCase(), box]));

  const edges = model.references.map((reference, index): ErLayoutEdge => {
    const routed = graph.edge({ v: nodeId(reference.fromTable), w: nodeId(reference.toTable), name: `r${index}` }).points ?? [];
    const from = boxByName.get(reference.fromTable.toLowerCase())!;
    const to = boxByName.get(reference.toTable.toLowerCase())!;
    return { reference, points: anchorEnds(routed, from, reference.fromColumns[0], to, reference.toColumns[0]) };
  });

  // dagre's own extent leaves out the loop a self-reference draws beside its box.
  const right = Math.max(...boxes.map((box) => box.x + box.width), ...edges.flatMap((edge) => edge.points.map((point) => point.x)));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height), ...edges.flatMap((edge) => edge.points.map((point) => point.y)));
  return { model, width: Math.ceil(right + ER_LAYOUT.margin), height: Math.ceil(bottom + ER_LAYOUT.margin), boxes, edges };
}

function boxSize(table: ErTable): { width: number; height: number } {
  const widest = Math.max(
    0,
    ...table.columns.map((column) => (column.name.length + column.type.length) * ER_LAYOUT.charWidth + ER_LAYOUT.gapBeforeType),
  );
  const header = (table.name.length + (table.isIncomplete ? 2 : 0)) * ER_LAYOUT.headerCharWidth;
  const width = Math.ceil(Math.max(140, header + 2 * ER_LAYOUT.paddingX, widest + ER_LAYOUT.markerWidth + 2 * ER_LAYOUT.paddingX));
  const hasPartition = table.columns.some((column) => column.isPartition);
  const height = ER_LAYOUT.headerHeight + Math.max(1, table.columns.length) * ER_LAYOUT.rowHeight + (hasPartition ? ER_LAYOUT.partitionGap : 0) + ER_LAYOUT.paddingBottom;
  return { width, height };
}

/**
 * The routed line with its ends moved to the side of each box that faces the other, at the row of the joined
 * column (the header when the column is not known). A self-reference leaves and re-enters on the right.
 */
function anchorEnds(routed: ErPoint[], from: ErLayoutBox, fromColumn: string | undefined, to: ErLayoutBox, toColumn: string | undefined): ErPoint[] {
  const start = anchor(from, fromColumn, from === to ? 'right' : to.x + to.width / 2 >= from.x + from.width / 2 ? 'right' : 'left');
  const end = anchor(to, toColumn, from === to ? 'right' : from.x + from.width / 2 > to.x + to.width / 2 ? 'right' : 'left');
  if (from === to) {
    const outX = from.x + from.width + 24;
    return [start, { x: outX, y: start.y }, { x: outX, y: end.y }, end];
  }
  // Between neighbouring ranks dagre's one bend only adds a kink once the ends sit on the rows; a longer edge keeps
  // the bends that take it around the boxes in between.
  const middle = routed.length > 3 ? routed.slice(1, -1) : [];
  const lead = start.x + (start.x >= from.x + from.width ? 14 : -14);
  const tail = end.x + (end.x >= to.x + to.width ? 14 : -14);
  return [start, { x: lead, y: start.y }, ...middle, { x: tail, y: end.y }, end];
}

function anchor(box: ErLayoutBox, column: string | undefined, side: 'left' | 'right'): ErPoint {
  const row = column === undefined ? undefined : box.rows.find((candidate) => candidate.column.name.toLowerCase() === column.toLowerCase());
  return { x: side === 'right' ? box.x + box.width : box.x, y: row ? row.y : box.y + ER_LAYOUT.headerHeight / 2 };
}

function nodeId(tableName: string): string {
  return tableName.toLowerCase();
}

function columnKey(table: string, column: string): string {
  return `${table.toLowerCase()}.${column.toLowerCase()}`;
}
