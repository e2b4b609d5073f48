import { describeErProblem, type ErReference } from '@/lib/er-diagram/er-model';
import { ER_LAYOUT, type ErLayout, type ErLayoutBox, type ErPoint } from '@/lib/er-diagram/layout-er-diagram';

// A laid-out ER diagram as SVG, with its legend, the statements that did not parse and the same facts as text.
// No hooks and no browser APIs: the report renders it on the server, the room's live panel in the browser. Colours
// are attributes, not CSS, so the drawing prints and reads the same wherever it is embedded.

const COLORS = {
  text: '#16181d',
  muted: '#5b6270',
  border: '#b8c0cc',
  header: '#eef2f8',
  incomplete: '#b54708',
  declared: '#2f5bea',
  inferred: '#7a5af8',
  primaryKey: '#b54708',
} as const;

const FONT = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

interface ErDiagramSvgProps {
  layout: ErLayout;
  /** Accessible name of the drawing, e.g. "ER diagram of round 2". */
  title: string;
  /** Unique on the page: the drawing's ids (title, arrowheads) are built from it. */
  idPrefix: string;
}

export function ErDiagramSvg({ layout, title, idPrefix }: ErDiagramSvgProps) {
  const { model } = layout;
  const declaredCount = model.references.filter((reference) => reference.kind === 'DECLARED').length;
  const inferredCount = model.references.length - declaredCount;
  const summary = `${plural(model.tables.length, 'table')}, ${plural(declaredCount, 'declared reference')}, ${plural(inferredCount, 'inferred reference')}.`;

  return (
    <figure className="er-diagram" data-testid="er-diagram" data-table-count={model.tables.length} data-edge-count={model.references.length}>
      {model.tables.length === 0 ? (
        <p className="muted er-diagram-empty">No table yet: write a CREATE TABLE statement and it is drawn here.</p>
      ) : (
        // A wide diagram scrolls inside this box: focusable, so a keyboard can scroll it too.
        <div className="er-diagram-scroll" tabIndex={0} role="region" aria-labelledby={`${idPrefix}-title`}>
          <svg
            role="img"
            aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
            width={layout.width}
            height={layout.height}
            // Shrinks to fit a narrow panel down to 70% of its size (still legible), and scrolls beyond that.
            style={{ width: '100%', height: 'auto', maxWidth: layout.width, minWidth: Math.round(layout.width * 0.7) }}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            fontFamily={FONT}
            fontSize={12}
          >
            <title id={`${idPrefix}-title`}>{title}</title>
            <desc id={`${idPrefix}-desc`}>{summary} The list below the drawing gives every table, column and reference as text.</desc>
            <defs>
              <marker id={`${idPrefix}-declared`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill={COLORS.declared} />
              </marker>
              <marker id={`${idPrefix}-inferred`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10" fill="none" stroke={COLORS.inferred} strokeWidth="1.5" />
              </marker>
            </defs>
            {layout.edges.map((edge, index) => (
              <path
                key={index}
                className={`er-edge er-edge-${edge.reference.kind.toLowerCase()}`}
                data-from={edge.reference.fromTable}
                data-to={edge.reference.toTable}
                d={pathThrough(edge.points)}
                fill="none"
                stroke={edge.reference.kind === 'DECLARED' ? COLORS.declared : COLORS.inferred}
                strokeWidth={1.5}
                strokeDasharray={edge.reference.kind === 'DECLARED' ? undefined : '6 4'}
                markerEnd={`url(#${idPrefix}-${edge.reference.kind.toLowerCase()})`}
              >
                <title>{describeReference(edge.reference)}</title>
              </path>
            ))}
            {layout.boxes.map((box) => (
              <TableBox key={box.table.name} box={box} />
            ))}
          </svg>
        </div>
      )}
      <figcaption className="er-diagram-legend">
        <span>
          <svg width="34" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="33" y2="5" stroke={COLORS.declared} strokeWidth="1.5" />
          </svg>{' '}
          declared key (REFERENCES, FOREIGN KEY)
        </span>
        <span>
          <svg width="34" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="33" y2="5" stroke={COLORS.inferred} strokeWidth="1.5" strokeDasharray="6 4" />
          </svg>{' '}
          inferred from a <code>*_key</code> / <code>*_id</code> column name
        </span>
        <span>
          <strong style={{ color: 'var(--warn-mid)' }}>PK</strong> primary key · <strong style={{ color: 'var(--accent)' }}>FK</strong> references another table
        </span>
      </figcaption>
      {model.problems.length > 0 ? (
        <ul className="er-diagram-problems" aria-label="Statements not drawn in full">
          {model.problems.map((problem, index) => (
            <li key={index}>{describeErProblem(problem)}</li>
          ))}
        </ul>
      ) : null}
      {model.tables.length > 0 ? (
        <details className="er-diagram-text">
          <summary>Tables and references as text</summary>
          <ul>
            {model.tables.map((table) => (
              <li key={table.name}>
                <strong>{table.name}</strong>
                {table.isIncomplete ? ' (incomplete)' : ''}:{' '}
                {table.columns
                  .map((column) => `${column.name} ${column.type}${column.isPrimaryKey ? ' primary key' : ''}${column.isPartition ? ' (partition)' : ''}`.trim())
                  .join(', ') || 'no columns yet'}
              </li>
            ))}
            {model.references.map((reference, index) => (
              <li key={`reference-${index}`}>{describeReference(reference)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </figure>
  );
}

function TableBox({ box }: { box: ErLayoutBox }) {
  const { table } = box;
  const stroke = table.isIncomplete ? COLORS.incomplete : COLORS.border;
  const left = box.x + ER_LAYOUT.paddingX;
  return (
    <g className="er-table" data-table={table.name} data-incomplete={table.isIncomplete ? 'true' : undefined}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} fill="#ffffff" stroke={stroke} strokeDasharray={table.isIncomplete ? '5 3' : undefined} />
      <path
        d={`M${box.x + 0.5},${box.y + ER_LAYOUT.headerHeight} V${box.y + 6} q0,-5.5 5.5,-5.5 H${box.x + box.width - 6} q5.5,0 5.5,5.5 V${box.y + ER_LAYOUT.headerHeight} z`}
        fill={COLORS.header}
      />
      <line x1={box.x} x2={box.x + box.width} y1={box.y + ER_LAYOUT.headerHeight} y2={box.y + ER_LAYOUT.headerHeight} stroke={stroke} />
      <text x={left} y={box.y + ER_LAYOUT.headerHeight / 2} dominantBaseline="central" fontWeight={700} fontSize={13} fill={COLORS.text}>
        {table.name}
        {table.isIncomplete ? <tspan fill={COLORS.incomplete}> …</tspan> : null}
      </text>
      {box.partitionY !== null ? (
        <>
          <line x1={box.x} x2={box.x + box.width} y1={box.partitionY} y2={box.partitionY} stroke={COLORS.border} strokeDasharray="2 3" />
          <text x={box.x + box.width - ER_LAYOUT.paddingX} y={box.partitionY} dominantBaseline="central" textAnchor="end" fontSize={10} fill={COLORS.muted}>
            <tspan style={{ paintOrder: 'stroke' }} stroke="#ffffff" strokeWidth={4}>
              partitioned by
            </tspan>
          </text>
        </>
      ) : null}
      {box.rows.map((row) => (
        <g key={`${row.column.isPartition ? 'p' : 'c'}-${row.column.name}`} className="er-column">
          {row.marker ? (
            <text x={left} y={row.y} dominantBaseline="central" fontSize={10} fontWeight={700} fill={row.marker === 'PK' ? COLORS.primaryKey : COLORS.declared}>
              {row.marker}
            </text>
          ) : null}
          <text x={left + ER_LAYOUT.markerWidth} y={row.y} dominantBaseline="central" fill={COLORS.text} fontWeight={row.column.isPrimaryKey ? 700 : undefined}>
            {row.column.name}
          </text>
          <text x={box.x + box.width - ER_LAYOUT.paddingX} y={row.y} dominantBaseline="central" textAnchor="end" fill={COLORS.muted}>
            {row.column.type.toLowerCase()}
          </text>
        </g>
      ))}
    </g>
  );
}

function pathThrough(points: ErPoint[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)},${round(point.y)}`).join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function describeReference(reference: ErReference): string {
  const target = reference.toColumns.length > 0 ? `${reference.toTable}.${reference.toColumns.join(', ')}` : reference.toTable;
  return `${reference.fromTable}.${reference.fromColumns.join(', ')} → ${target} (${reference.kind === 'DECLARED' ? 'declared' : 'inferred from the name'})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
