import { describe, expect, it } from 'vitest';
import type { ProgressSummary } from '@/lib/progress/progress-summary';
import type { LineChartProps } from './line-chart';
import { buildProgressCharts } from './progress-charts';

const SESSIONS = [
  { sessionId: 's1', title: 'Morning drill', heldAt: '2025-03-03T08:00:00.000Z' },
  { sessionId: 's2', title: 'Evening drill', heldAt: '2025-03-03T19:00:00.000Z' },
  { sessionId: 's3', title: 'Full loop', heldAt: '2025-03-10T09:00:00.000Z' },
];

const SUMMARY: ProgressSummary = {
  sessions: SESSIONS,
  ratings: [
    {
      kind: 'SQL',
      points: [
        { sessionId: 's1', meanRating: 4.5, ratedSignals: 2 },
        { sessionId: 's3', meanRating: 6, ratedSignals: 1 },
      ],
    },
  ],
  firstTwoMinutes: [
    { sessionId: 's1', roundsJudged: 1, roundsMet: 0, rate: 0, cumulativeRate: 0 },
    { sessionId: 's2', roundsJudged: 1, roundsMet: 1, rate: 1, cumulativeRate: 0.5 },
    { sessionId: 's3', roundsJudged: 2, roundsMet: 1.5, rate: 0.75, cumulativeRate: 0.625 },
  ],
  sqlPace: {
    points: [{ sessionId: 's2', problemsSolved: 3, elapsedMs: 18 * 60_000 }],
    skipped: { withoutElapsedTime: 1, withoutProblemsSolved: 2 },
  },
  recommendations: [
    {
      kind: 'SQL',
      points: [
        { sessionId: 's1', meanScore: 4.5, recommendations: ['LEAN_YES', 'YES'] },
        { sessionId: 's3', meanScore: 6, recommendations: ['STRONG_YES'] },
      ],
    },
    { kind: 'BEHAVIORAL', points: [{ sessionId: 's3', meanScore: 5, recommendations: ['YES', 'YES'] }] },
  ],
};

const labels = (chart: LineChartProps | null) => chart!.series.map((series) => series.points.map((point) => [chart!.categories[point.category]!.tickLabel, point.label]));

describe('buildProgressCharts', () => {
  it('puts on each chart only the sessions it has data for, one labelled point each', () => {
    const charts = buildProgressCharts(SUMMARY);
    const sql = charts.byRoundKind.find((entry) => entry.kind === 'SQL')!;
    expect(labels(sql.ratings)).toEqual([
      [
        ['3 Mar', '4.5'],
        ['10 Mar', '6.0'],
      ],
    ]);
    expect(labels(charts.sqlPace)).toEqual([[['3 Mar (2)', '3 in 18:00']]]);
    expect(labels(charts.firstTwoMinutes)).toEqual([
      [
        ['3 Mar', '0%'],
        ['3 Mar (2)', '100%'],
        ['10 Mar', '75%'],
      ],
      [
        ['3 Mar', '0%'],
        ['3 Mar (2)', '50%'],
        ['10 Mar', '63%'],
      ],
    ]);
  });

  it('keeps round kinds in loop order, with a null chart where a kind has one kind of data only', () => {
    const { byRoundKind } = buildProgressCharts(SUMMARY);
    expect(byRoundKind.map((entry) => [entry.label, entry.ratings !== null, entry.recommendations !== null])).toEqual([
      ['SQL', true, true],
      ['Leadership & behavioral', false, true],
    ]);
  });

  it('names recommendations by their words, and an average between steps by its number', () => {
    const { byRoundKind } = buildProgressCharts(SUMMARY);
    const sql = byRoundKind[0]!.recommendations!;
    expect(sql.series[0]!.points.map((point) => [point.label, point.detail])).toEqual([
      ['4.5', '4.5 on average: Lean yes, Yes'],
      ['Strong yes', 'Strong yes'],
    ]);
    expect(byRoundKind[1]!.recommendations!.series[0]!.points[0]).toMatchObject({ label: 'Yes', detail: 'Yes (all 2)' });
    expect(sql.yAxis.ticks.map((tick) => tick.label)).toEqual(['Strong no', 'No', 'Lean no', 'Lean yes', 'Yes', 'Strong yes']);
  });

  it('describes each chart in words and fills its data table with the details', () => {
    const charts = buildProgressCharts(SUMMARY);
    const ratings = charts.byRoundKind[0]!.ratings!;
    expect(ratings.title).toBe('SQL: signal ratings');
    expect(ratings.summary).toBe('From 4.5 on 3 Mar to 6.0 on 10 Mar, over 2 sessions.');
    expect(ratings.categories.map((category) => [category.rowLabel, category.rowHref])).toEqual([
      ['3 Mar 2025 · Morning drill', '/sessions/s1/feedback'],
      ['10 Mar 2025 · Full loop', '/sessions/s3/feedback'],
    ]);
    expect(ratings.series[0]!.points.map((point) => point.detail)).toEqual(['4.5 (2 rated signals)', '6.0 (1 rated signal)']);
    expect(charts.firstTwoMinutes!.summary).toBe('From 0% on 3 Mar to 75% on 10 Mar, over 3 sessions. Overall: 63% of rounds so far.');
    expect(charts.firstTwoMinutes!.series[0]!.points[2]!.detail).toBe('75% (1.5 of 2 rounds)');
    expect(charts.sqlPace!.summary).toBe('3 in 18:00 in 1 session, on 3 Mar (2).');
    expect(charts.sqlPace!.series[0]!.points[0]!.detail).toBe('3 solved in 18:00 on the round clock');
  });

  it('says which SQL rounds the pace leaves out, and why', () => {
    const charts = buildProgressCharts(SUMMARY);
    expect(charts.sqlRoundsLeftOut).toBe('Left out: 2 SQL rounds without a problems-solved count, and 1 SQL round that never ran on the clock.');
    expect(charts.sqlPace!.note).toContain(charts.sqlRoundsLeftOut);
    const none = buildProgressCharts({ ...SUMMARY, sqlPace: { points: [], skipped: { withoutElapsedTime: 0, withoutProblemsSolved: 0 } } });
    expect([none.sqlPace, none.sqlRoundsLeftOut]).toEqual([null, null]);
  });

  it('adds the year under the axis when sessions span several', () => {
    const spanning = buildProgressCharts({
      ...SUMMARY,
      sessions: [SESSIONS[0]!, SESSIONS[1]!, { ...SESSIONS[2]!, heldAt: '2026-01-05T09:00:00.000Z' }],
    });
    expect(spanning.firstTwoMinutes!.categories.map((category) => category.tickLabel)).toEqual(['3 Mar 2025', '3 Mar 2025 (2)', '5 Jan 2026']);
  });
});
