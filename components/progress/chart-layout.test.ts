import { describe, expect, it } from 'vitest';
import { chartGeometry, niceTicks, placeLabels } from './chart-layout';

describe('chartGeometry', () => {
  it('centres a single session and spreads several evenly inside the plot', () => {
    const one = chartGeometry({ categoryCount: 1, yMin: 0, yMax: 1, longestYTickLabel: 4 });
    expect(one.xOf(0)).toBeCloseTo((one.plot.left + one.plot.right) / 2);
    const three = chartGeometry({ categoryCount: 3, yMin: 0, yMax: 1, longestYTickLabel: 4 });
    const xs = [0, 1, 2].map(three.xOf);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!);
    expect(xs[0]).toBeGreaterThan(three.plot.left);
    expect(xs[2]).toBeLessThan(three.plot.right);
  });

  it('grows with the number of sessions instead of squeezing their labels together', () => {
    const few = chartGeometry({ categoryCount: 2, yMin: 0, yMax: 1, longestYTickLabel: 4 });
    const many = chartGeometry({ categoryCount: 30, yMin: 0, yMax: 1, longestYTickLabel: 4 });
    expect(many.width).toBeGreaterThan(few.width);
    expect(many.xOf(1) - many.xOf(0)).toBeGreaterThanOrEqual(80);
  });

  it('keeps the lowest and highest values off the axes, higher values higher up', () => {
    const geometry = chartGeometry({ categoryCount: 2, yMin: 4, yMax: 6, longestYTickLabel: 2 });
    expect(geometry.yOf(4)).toBeLessThan(geometry.plot.bottom);
    expect(geometry.yOf(6)).toBeGreaterThan(geometry.plot.top);
    expect(geometry.yOf(6)).toBeLessThan(geometry.yOf(5));
  });

  it('makes room on the left for long tick labels', () => {
    const short = chartGeometry({ categoryCount: 2, yMin: 1, yMax: 6, longestYTickLabel: 2 });
    const long = chartGeometry({ categoryCount: 2, yMin: 1, yMax: 6, longestYTickLabel: 10 });
    expect(long.plot.left).toBeGreaterThan(short.plot.left);
  });
});

describe('placeLabels', () => {
  it('puts a lone label above its point', () => {
    expect(placeLabels([100])).toEqual(['above']);
  });

  it('puts the higher point’s label above and the lower one’s below, even when they coincide', () => {
    expect(placeLabels([120, 60])).toEqual(['below', 'above']);
    expect(placeLabels([80, 80])).toEqual(['above', 'below']);
  });

  it('puts labels of points in between to the right', () => {
    expect(placeLabels([50, 90, 130])).toEqual(['above', 'right', 'below']);
  });
});

describe('niceTicks', () => {
  it('steps by round numbers and reaches the maximum', () => {
    expect(niceTicks(0, 5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(0, 8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 12)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(0, 20)).toEqual([0, 5, 10, 15, 20]);
  });
});
