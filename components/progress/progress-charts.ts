import type { ProgressSession, ProgressSummary, SqlPacePoint } from '@/lib/progress/progress-summary';
import { ROUND_KIND_LABELS, ROUND_KINDS, type RoundKind } from '@/lib/rounds/round-kind';
import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type RecommendationName } from '@/lib/scorecards/scorecard-vocabulary';
import { formatElapsed } from '@/lib/timer/round-clock';
import { niceTicks } from './chart-layout';
import type { ChartAxis, ChartCategory, LineChartProps } from './line-chart';

// Which series go in which chart, and how their values read, from the summary lib/progress builds. Pure, so
// the page's words and numbers are tested without a browser. Dates are the session's day in UTC: a
// server-rendered SVG cannot know the reader's time zone.

export interface RoundKindCharts {
  kind: RoundKind;
  label: string;
  ratings: LineChartProps | null;
  recommendations: LineChartProps | null;
}

export interface ProgressCharts {
  firstTwoMinutes: LineChartProps | null;
  sqlPace: LineChartProps | null;
  /** Which published SQL rounds the pace leaves out and why, or null when it leaves none out. */
  sqlRoundsLeftOut: string | null;
  /** Round kinds in loop order, only those with a rating or a recommendation. */
  byRoundKind: RoundKindCharts[];
}

const X_AXIS_LABEL = 'Session (date, UTC)';
const RATING_AXIS: ChartAxis = {
  label: 'Mean rating',
  min: 4,
  max: 6,
  ticks: [4, 5, 6].map((value) => ({ value, label: `E${value}` })),
};
const PERCENT_AXIS: ChartAxis = {
  label: 'Rounds met',
  min: 0,
  max: 1,
  ticks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, label: percent(value) })),
};
const RECOMMENDATION_AXIS: ChartAxis = {
  label: 'Recommendation',
  min: 1,
  max: RECOMMENDATIONS.length,
  ticks: RECOMMENDATIONS.map((name, index) => ({ value: index + 1, label: RECOMMENDATION_LABELS[name] })),
};

interface PointOfSession {
  sessionId: string;
}

/** A chart's x axis: the sessions it has points for, in order, and where each point sits on it. */
type SessionAxis = (points: PointOfSession[]) => { categories: ChartCategory[]; categoryOf: (point: PointOfSession) => number };

export function buildProgressCharts(summary: ProgressSummary): ProgressCharts {
  const axisFor = sessionAxis(summary.sessions);
  const kinds = ROUND_KINDS.filter((kind) => [...summary.ratings, ...summary.recommendations].some((series) => series.kind === kind));
  return {
    firstTwoMinutes: firstTwoMinutesChart(summary, axisFor),
    sqlPace: sqlPaceChart(summary, axisFor),
    sqlRoundsLeftOut: sqlRoundsLeftOut(summary.sqlPace.skipped),
    byRoundKind: kinds.map((kind) => ({
      kind,
      label: ROUND_KIND_LABELS[kind],
      ratings: ratingsChart(kind, summary, axisFor),
      recommendations: recommendationsChart(kind, summary, axisFor),
    })),
  };
}

function firstTwoMinutesChart(summary: ProgressSummary, axisFor: SessionAxis): LineChartProps | null {
  const points = summary.firstTwoMinutes;
  if (points.length === 0) return null;
  const { categories, categoryOf } = axisFor(points);
  return {
    id: 'chart-first-two-minutes',
    title: 'First-two-minutes hit rate',
    summary: `${trend(points.map((point) => percent(point.rate)), categories)} Overall: ${percent(points.at(-1)!.cumulativeRate)} of rounds so far.`,
    xAxisLabel: X_AXIS_LABEL,
    yAxis: PERCENT_AXIS,
    categories,
    series: [
      {
        name: 'This session',
        points: points.map((point) => ({
          category: categoryOf(point),
          value: point.rate,
          label: percent(point.rate),
          detail: `${percent(point.rate)} (${decimal(point.roundsMet)} of ${count(point.roundsJudged, 'round')})`,
        })),
      },
      {
        name: 'All sessions so far',
        variant: 'secondary',
        points: points.map((point) => ({ category: categoryOf(point), value: point.cumulativeRate, label: percent(point.cumulativeRate) })),
      },
    ],
    note: 'Where several interviewers scored a round, it counts as the share of them who saw it in time.',
  };
}

function sqlPaceChart(summary: ProgressSummary, axisFor: SessionAxis): LineChartProps | null {
  const points = summary.sqlPace.points;
  if (points.length === 0) return null;
  const { categories, categoryOf } = axisFor(points);
  // At least the drill's five problems on the axis, so one slow session does not fill it.
  const ticks = niceTicks(0, Math.max(5, ...points.map((point) => point.problemsSolved)));
  const solvedIn = (point: SqlPacePoint) => `${decimal(point.problemsSolved)} in ${formatElapsed(point.elapsedMs)}`;
  return {
    id: 'chart-sql-pace',
    title: 'SQL problems solved, and in what time',
    summary: trend(points.map(solvedIn), categories),
    xAxisLabel: X_AXIS_LABEL,
    yAxis: { label: 'Problems solved', min: 0, max: ticks.at(-1)!, ticks: ticks.map((value) => ({ value, label: String(value) })) },
    categories,
    series: [
      {
        name: 'Problems solved',
        points: points.map((point) => ({
          category: categoryOf(point),
          value: point.problemsSolved,
          label: solvedIn(point),
          detail: `${decimal(point.problemsSolved)} solved in ${formatElapsed(point.elapsedMs)} on the round clock`,
        })),
      },
    ],
    note: [
      'Each point is what was solved and the time it took on the round clock (pauses excluded); the real round is five problems in 30 minutes. Short rounds are shown as they were, never scaled up to 30 minutes.',
      sqlRoundsLeftOut(summary.sqlPace.skipped),
    ]
      .filter(Boolean)
      .join(' '),
  };
}

function ratingsChart(kind: RoundKind, summary: ProgressSummary, axisFor: SessionAxis): LineChartProps | null {
  const points = summary.ratings.find((series) => series.kind === kind)?.points ?? [];
  if (points.length === 0) return null;
  const { categories, categoryOf } = axisFor(points);
  return {
    id: `chart-${slugOf(kind)}-ratings`,
    title: `${ROUND_KIND_LABELS[kind]}: signal ratings`,
    summary: trend(
      points.map((point) => point.meanRating.toFixed(1)),
      categories,
    ),
    xAxisLabel: X_AXIS_LABEL,
    yAxis: RATING_AXIS,
    categories,
    series: [
      {
        name: 'Mean signal rating',
        points: points.map((point) => ({
          category: categoryOf(point),
          value: point.meanRating,
          label: point.meanRating.toFixed(1),
          detail: `${point.meanRating.toFixed(1)} (${count(point.ratedSignals, 'rated signal')})`,
        })),
      },
    ],
  };
}

function recommendationsChart(kind: RoundKind, summary: ProgressSummary, axisFor: SessionAxis): LineChartProps | null {
  const points = summary.recommendations.find((series) => series.kind === kind)?.points ?? [];
  if (points.length === 0) return null;
  const { categories, categoryOf } = axisFor(points);
  return {
    id: `chart-${slugOf(kind)}-recommendations`,
    title: `${ROUND_KIND_LABELS[kind]}: recommendations`,
    summary: trend(
      points.map((point) => recommendationLabel(point.meanScore)),
      categories,
    ),
    xAxisLabel: X_AXIS_LABEL,
    yAxis: RECOMMENDATION_AXIS,
    categories,
    series: [
      {
        name: 'Recommendation',
        points: points.map((point) => ({
          category: categoryOf(point),
          value: point.meanScore,
          label: recommendationLabel(point.meanScore),
          detail: recommendationDetail(point.meanScore, point.recommendations),
        })),
      },
    ],
  };
}

function sessionAxis(sessions: ProgressSession[]): SessionAxis {
  const ticks = tickLabels(sessions);
  return (points) => {
    const ids = new Set(points.map((point) => point.sessionId));
    const shown = sessions.flatMap((session, index) => (ids.has(session.sessionId) ? [{ session, tickLabel: ticks[index]! }] : []));
    const indexOf = new Map(shown.map(({ session }, index) => [session.sessionId, index]));
    return {
      categories: shown.map(({ session, tickLabel }) => ({
        key: session.sessionId,
        tickLabel,
        rowLabel: `${longDate(session.heldAt)} · ${session.title}`,
        rowHref: `/sessions/${session.sessionId}/feedback`,
      })),
      categoryOf: (point) => indexOf.get(point.sessionId)!,
    };
  };
}

function sqlRoundsLeftOut({ withoutElapsedTime, withoutProblemsSolved }: ProgressSummary['sqlPace']['skipped']): string | null {
  const reasons = [
    withoutProblemsSolved > 0 ? `${count(withoutProblemsSolved, 'SQL round')} without a problems-solved count` : null,
    withoutElapsedTime > 0 ? `${count(withoutElapsedTime, 'SQL round')} that never ran on the clock` : null,
  ].filter((reason) => reason !== null);
  return reasons.length > 0 ? `Left out: ${reasons.join(', and ')}.` : null;
}

/** "From 40% on 3 Mar to 75% on 10 Mar, over 3 sessions." or "75% in 1 session, on 10 Mar." */
function trend(labels: string[], categories: ChartCategory[]): string {
  if (labels.length === 1) return `${labels[0]} in 1 session, on ${categories[0]!.tickLabel}.`;
  return `From ${labels[0]} on ${categories[0]!.tickLabel} to ${labels.at(-1)} on ${categories.at(-1)!.tickLabel}, over ${labels.length} sessions.`;
}

/** Short dates under the axis; a year only when sessions span several; a count when a day has several sessions. */
function tickLabels(sessions: ProgressSession[]): string[] {
  const years = new Set(sessions.map((session) => new Date(session.heldAt).getUTCFullYear()));
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(years.size > 1 ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  const seen = new Map<string, number>();
  return sessions.map((session) => {
    const day = format.format(new Date(session.heldAt));
    const nth = (seen.get(day) ?? 0) + 1;
    seen.set(day, nth);
    return nth === 1 ? day : `${day} (${nth})`;
  });
}

function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

function slugOf(kind: RoundKind): string {
  return kind.toLowerCase().replaceAll('_', '-');
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** At most `digits` decimals, no trailing zeros: 4, 3.5, 0.5. */
function decimal(value: number, digits = 1): string {
  return String(Number(value.toFixed(digits)));
}

/** The recommendation's word when the average lands on a step of the scale, else the average on the 1–6 scale. */
function recommendationLabel(score: number): string {
  const step = Math.round(score);
  return Math.abs(score - step) < 1e-9 ? RECOMMENDATION_LABELS[RECOMMENDATIONS[step - 1]!] : decimal(score, 1);
}

/** "Yes" when every recommendation was the same, else "4.5 on average: Lean yes, Yes". */
function recommendationDetail(score: number, recommendations: RecommendationName[]): string {
  const words = recommendations.map((name) => RECOMMENDATION_LABELS[name]);
  if (new Set(words).size === 1) return words.length === 1 ? words[0]! : `${words[0]} (all ${words.length})`;
  return `${recommendationLabel(score)} on average: ${words.join(', ')}`;
}
