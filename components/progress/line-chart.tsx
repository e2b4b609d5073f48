import { IntentLink } from '@/components/ui/intent-link';
import type { ReactNode } from 'react';
import { CHART_FONT_SIZE, chartGeometry, placeLabels, type LabelPlacement } from './chart-layout';
import { TableScroll } from '@/components/ui/table-scroll';

// A server-rendered SVG line chart. Every point carries its value as text on the chart (no hovering), the
// axes are labelled, and the same numbers are in a real table below it for screen readers and copying.

export interface ChartCategory {
  key: string;
  /** Under the x axis: short. */
  tickLabel: string;
  /** The data table's row header, a link when there is somewhere to go. */
  rowLabel: string;
  rowHref?: string;
}

export interface ChartPoint {
  /** Index into the chart's categories. */
  category: number;
  value: number;
  /** Written beside the point. */
  label: string;
  /** The data table's cell; the label when absent. */
  detail?: string;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
  /** A second series is told apart by shape and dashes, never by colour alone. */
  variant?: 'primary' | 'secondary';
}

export interface ChartAxis {
  label: string;
  min: number;
  max: number;
  ticks: { value: number; label: string }[];
}

export interface LineChartProps {
  id: string;
  title: string;
  /** One or two sentences of what the chart shows; read out as the chart's description. */
  summary: string;
  xAxisLabel: string;
  yAxis: ChartAxis;
  categories: ChartCategory[];
  series: ChartSeries[];
  /** Below the chart: what was left out, how values are computed. */
  note?: ReactNode;
}

const MARKER_RADIUS = 4.5;

export function LineChart({ id, title, summary, xAxisLabel, yAxis, categories, series, note }: LineChartProps) {
  const geometry = chartGeometry({
    categoryCount: categories.length,
    yMin: yAxis.min,
    yMax: yAxis.max,
    longestYTickLabel: Math.max(...yAxis.ticks.map((tick) => tick.label.length)),
  });
  const { plot, xOf, yOf } = geometry;
  const placements = labelPlacements(series, yOf);
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;

  return (
    <figure className="progress-chart" aria-labelledby={titleId} data-testid="progress-chart">
      <figcaption>
        <h3 id={titleId}>{title}</h3>
        <p id={summaryId} className="muted">
          {summary}
        </p>
      </figcaption>
      {series.length > 1 ? (
        <ul className="chart-legend" aria-label={`${title}: series`}>
          {series.map((entry) => (
            <li key={entry.name}>
              <svg width="28" height="12" aria-hidden="true" className={`chart-series ${entry.variant ?? 'primary'}`}>
                <line x1="2" y1="6" x2="26" y2="6" />
                <Marker x={14} y={6} variant={entry.variant} />
              </svg>
              {entry.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-scroll">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${summaryId}`}
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          // Never scaled up, and scaled down only so far: below that the chart scrolls rather than shrink its text.
          style={{ maxWidth: `${geometry.width}px`, minWidth: `${Math.round(geometry.width * 0.75)}px` }}
          fontSize={CHART_FONT_SIZE}
        >
          <g className="chart-grid">
            {yAxis.ticks.map((tick) => (
              <g key={tick.value}>
                <line x1={plot.left} x2={plot.right} y1={yOf(tick.value)} y2={yOf(tick.value)} />
                <text x={plot.left - 8} y={yOf(tick.value)} dy="0.32em" textAnchor="end" className="chart-tick">
                  {tick.label}
                </text>
              </g>
            ))}
          </g>
          <g className="chart-axes">
            <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
            <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
          </g>
          {categories.map((category, index) => (
            <text key={category.key} x={xOf(index)} y={plot.bottom + 18} textAnchor="middle" className="chart-tick">
              {category.tickLabel}
            </text>
          ))}
          <text x={(plot.left + plot.right) / 2} y={geometry.height - 8} textAnchor="middle" className="chart-axis-label">
            {xAxisLabel}
          </text>
          <text
            transform={`translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            className="chart-axis-label"
          >
            {yAxis.label}
          </text>
          {series.map((entry, seriesIndex) => {
            const points = [...entry.points].sort((a, b) => a.category - b.category);
            return (
              <g key={entry.name} className={`chart-series ${entry.variant ?? 'primary'}`}>
                {points.length > 1 ? <polyline points={points.map((point) => `${xOf(point.category)},${yOf(point.value)}`).join(' ')} /> : null}
                {points.map((point) => (
                  <g key={point.category} data-testid="chart-point">
                    <Marker x={xOf(point.category)} y={yOf(point.value)} variant={entry.variant} />
                    <PointLabel x={xOf(point.category)} y={yOf(point.value)} placement={placements.get(`${seriesIndex}:${point.category}`) ?? 'above'}>
                      {point.label}
                    </PointLabel>
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      {note ? <div className="chart-note muted">{note}</div> : null}
      <details className="chart-data">
        <summary>Data table</summary>
        <TableScroll label={`${title}: data`}>
          <table className="debrief-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                {series.map((entry) => (
                  <th key={entry.name} scope="col">
                    {entry.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, index) => (
                <tr key={category.key}>
                  <th scope="row">{category.rowHref ? <IntentLink href={category.rowHref}>{category.rowLabel}</IntentLink> : category.rowLabel}</th>
                  {series.map((entry) => {
                    const point = entry.points.find((candidate) => candidate.category === index);
                    return <td key={entry.name}>{point ? (point.detail ?? point.label) : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

function labelPlacements(series: ChartSeries[], yOf: (value: number) => number): Map<string, LabelPlacement> {
  const byCategory = new Map<number, { key: string; y: number }[]>();
  series.forEach((entry, seriesIndex) => {
    for (const point of entry.points) {
      byCategory.set(point.category, [...(byCategory.get(point.category) ?? []), { key: `${seriesIndex}:${point.category}`, y: yOf(point.value) }]);
    }
  });
  const placements = new Map<string, LabelPlacement>();
  for (const points of byCategory.values()) {
    const placed = placeLabels(points.map((point) => point.y));
    points.forEach((point, index) => placements.set(point.key, placed[index]!));
  }
  return placements;
}

function Marker({ x, y, variant = 'primary' }: { x: number; y: number; variant?: ChartSeries['variant'] }) {
  if (variant === 'secondary') {
    const side = MARKER_RADIUS * 1.8;
    return <rect x={x - side / 2} y={y - side / 2} width={side} height={side} className="chart-marker" />;
  }
  return <circle cx={x} cy={y} r={MARKER_RADIUS} className="chart-marker" />;
}

function PointLabel({ x, y, placement, children }: { x: number; y: number; placement: LabelPlacement; children: string }) {
  const position =
    placement === 'above'
      ? { x, y: y - 10, textAnchor: 'middle' as const }
      : placement === 'below'
        ? { x, y: y + 20, textAnchor: 'middle' as const }
        : { x: x + 9, y: y + 4, textAnchor: 'start' as const };
  return (
    <text {...position} className="chart-value">
      {children}
    </text>
  );
}
