// The geometry of a line chart, apart from its markup so it can be tested: where categories and values
// land, and where each point's value label goes so labels stay readable without hovering.

/** Font size (SVG units) of every text in a chart. */
export const CHART_FONT_SIZE = 13;
/** A generous average glyph width at that size, for sizing margins to their labels. */
const GLYPH_WIDTH = 7.5;
/** Horizontal room per category: enough for a label like "Strong yes" beside its neighbour's. */
const MIN_STEP = 88;
/** Half the page's width: charts sit two to a row, drawn at this size or smaller, never scaled up. */
const MIN_WIDTH = 440;
const PLOT_HEIGHT = 180;
/** Room above the highest and below the lowest value, so no point sits on an axis and labels fit. */
const INNER_PADDING = 22;

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xOf(categoryIndex: number): number;
  yOf(value: number): number;
}

export function chartGeometry(options: { categoryCount: number; yMin: number; yMax: number; longestYTickLabel: number }): ChartGeometry {
  const left = 34 + options.longestYTickLabel * GLYPH_WIDTH;
  const right = 20;
  const top = 12;
  const bottom = 50;
  const width = Math.max(MIN_WIDTH, left + right + options.categoryCount * MIN_STEP);
  const plot = { left, top, right: width - right, bottom: top + PLOT_HEIGHT };
  const step = (plot.right - plot.left) / Math.max(1, options.categoryCount);
  const span = options.yMax - options.yMin || 1;
  return {
    width,
    height: plot.bottom + bottom,
    plot,
    // Each category sits in the middle of its slot: one session is centred, several spread evenly.
    xOf: (index) => plot.left + step * (index + 0.5),
    yOf: (value) => plot.bottom - INNER_PADDING - ((value - options.yMin) / span) * (PLOT_HEIGHT - 2 * INNER_PADDING),
  };
}

export type LabelPlacement = 'above' | 'below' | 'right';

/**
 * Where the value labels of the points sharing one category go: the highest point's above it, the lowest's
 * below it, any between to the right; a single point's above. Points of a series never share a category, so
 * this is what keeps two series' labels apart. `ys` are SVG y coordinates (smaller is higher).
 */
export function placeLabels(ys: readonly number[]): LabelPlacement[] {
  if (ys.length === 1) return ['above'];
  const highest = ys.indexOf(Math.min(...ys));
  const lowest = ys.lastIndexOf(Math.max(...ys));
  return ys.map((_, index) => (index === highest ? 'above' : index === lowest ? 'below' : 'right'));
}

/** Ticks from `min` at a round step (1, 2 or 5 times a power of ten), the last one at or above `max`. */
export function niceTicks(min: number, max: number, maxTicks = 6): number[] {
  const rough = (max - min) / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const ticks = [min];
  while (ticks.at(-1)! < max - step / 1000) ticks.push(Number((ticks.at(-1)! + step).toFixed(6)));
  return ticks;
}
