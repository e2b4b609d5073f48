import { describe, expect, it } from 'vitest';
import type { RoundKind } from '@/lib/rounds/round-kind';
import type { ProgressRoundRow, ProgressScorecardRow, ProgressSessionRow, ProgressSignalRow } from './progress-summary';
import { recommendationScore, summarizeProgress } from './summarize-progress';

const SQL_TIMED = 'sql.names-partition-filter'; // within 120 s
const SQL_GRAIN = 'sql.states-grain-first';
const SQL_CTES = 'sql.decomposes-with-ctes';
const MODELING_TIMED = 'modeling.states-grain';
const MINUTE = 60_000;

let ids = 0;
const nextId = (prefix: string) => `${prefix}-${++ids}`;

function signal(signalKey: string, fields: Partial<ProgressSignalRow> = {}): ProgressSignalRow {
  return { signalKey, rating: null, markedAtElapsedMs: null, verdictOverride: null, ...fields };
}

function scorecard(fields: Partial<ProgressScorecardRow> = {}): ProgressScorecardRow {
  return { interviewerId: nextId('interviewer'), recommendation: null, problemsSolved: null, signals: [], ...fields };
}

function round(kind: RoundKind, scorecards: ProgressScorecardRow[], fields: Partial<ProgressRoundRow> = {}): ProgressRoundRow {
  return { roundId: nextId('round'), position: 0, kind, elapsedMs: 30 * MINUTE, scorecards, ...fields };
}

function session(day: number, rounds: ProgressRoundRow[]): ProgressSessionRow {
  const sessionId = nextId('session');
  return { sessionId, title: `Loop ${sessionId}`, heldAt: new Date(Date.UTC(2025, 2, day, 9)), rounds };
}

describe('summarizeProgress: sessions', () => {
  it('is empty without published feedback', () => {
    expect(summarizeProgress([])).toEqual({
      sessions: [],
      ratings: [],
      firstTwoMinutes: [],
      sqlPace: { points: [], skipped: { withoutElapsedTime: 0, withoutProblemsSolved: 0 } },
      recommendations: [],
    });
  });

  it('orders sessions by when they took place and drops those with no published scorecard', () => {
    const later = session(12, [round('SQL', [scorecard()])]);
    const earlier = session(3, [round('SQL', [scorecard()])]);
    const unpublished = session(7, [round('SQL', [])]);
    const summary = summarizeProgress([later, unpublished, earlier]);
    expect(summary.sessions.map((entry) => entry.sessionId)).toEqual([earlier.sessionId, later.sessionId]);
    expect(summary.sessions[0]).toEqual({ sessionId: earlier.sessionId, title: earlier.title, heldAt: '2025-03-03T09:00:00.000Z' });
  });
});

describe('summarizeProgress: signal ratings per round kind', () => {
  it('averages the rated signals of a scorecard (E4 = 4 … E6 = 6), ignoring unrated ones and keys outside the kind', () => {
    const only = session(1, [
      round('SQL', [
        scorecard({
          signals: [
            signal(SQL_TIMED, { rating: 'E6' }),
            signal(SQL_GRAIN, { rating: 'E5' }),
            signal(SQL_CTES, { markedAtElapsedMs: 1000 }),
            signal(MODELING_TIMED, { rating: 'E4' }),
          ],
        }),
      ]),
    ]);
    expect(summarizeProgress([only]).ratings).toEqual([{ kind: 'SQL', points: [{ sessionId: only.sessionId, meanRating: 5.5, ratedSignals: 2 }] }]);
  });

  it('weighs each interviewer of a round the same, and leaves out an interviewer who rated nothing', () => {
    const lead = scorecard({ signals: [signal(SQL_TIMED, { rating: 'E6' }), signal(SQL_GRAIN, { rating: 'E6' }), signal(SQL_CTES, { rating: 'E6' })] });
    const shadow = scorecard({ signals: [signal(SQL_TIMED, { rating: 'E4' })] });
    const silent = scorecard({ signals: [signal(SQL_TIMED, { markedAtElapsedMs: 1000 })] });
    const only = session(1, [round('SQL', [lead, shadow, silent])]);
    // (6 + 4) / 2, not the pooled (6 + 6 + 6 + 4) / 4 = 5.5, and not pulled down by the silent scorecard.
    expect(summarizeProgress([only]).ratings[0]!.points[0]).toMatchObject({ meanRating: 5, ratedSignals: 4 });
  });

  it('keeps one series per round kind, in loop order, with a point only for sessions that rated that kind', () => {
    const modelingOnly = session(1, [round('DATA_MODELING', [scorecard({ signals: [signal(MODELING_TIMED, { rating: 'E5' })] })])]);
    const both = session(2, [
      round('DATA_MODELING', [scorecard({ signals: [signal(MODELING_TIMED, { rating: 'E6' })] })], { position: 0 }),
      round('SQL', [scorecard({ signals: [signal(SQL_TIMED, { rating: 'E4' })] })], { position: 1 }),
      round('BEHAVIORAL', [scorecard()], { position: 2 }),
    ]);
    const { ratings } = summarizeProgress([modelingOnly, both]);
    expect(ratings.map((series) => [series.kind, series.points.map((point) => [point.sessionId, point.meanRating])])).toEqual([
      ['SQL', [[both.sessionId, 4]]],
      [
        'DATA_MODELING',
        [
          [modelingOnly.sessionId, 5],
          [both.sessionId, 6],
        ],
      ],
    ]);
  });

  it('averages several rounds of one kind in a session round by round', () => {
    const twoSqlRounds = session(1, [
      round('SQL', [scorecard({ signals: [signal(SQL_TIMED, { rating: 'E6' }), signal(SQL_GRAIN, { rating: 'E6' })] })], { position: 0 }),
      round('SQL', [scorecard({ signals: [signal(SQL_TIMED, { rating: 'E5' })] })], { position: 1 }),
    ]);
    expect(summarizeProgress([twoSqlRounds]).ratings[0]!.points[0]).toMatchObject({ meanRating: 5.5, ratedSignals: 3 });
  });
});

describe('summarizeProgress: first-two-minutes hit rate', () => {
  const marked = (elapsedMs: number, verdictOverride: ProgressSignalRow['verdictOverride'] = null) => [
    signal(SQL_TIMED, { markedAtElapsedMs: elapsedMs, verdictOverride }),
  ];

  it('counts a round as met when its timed signal was marked in time, and respects overrides both ways', () => {
    const first = session(1, [
      round('SQL', [scorecard({ signals: marked(90_000) })], { position: 0 }), // in time
      round('SQL', [scorecard({ signals: marked(150_000) })], { position: 1 }), // late
      round('SQL', [scorecard({ signals: marked(150_000, 'MET') })], { position: 2 }), // late, overridden to met
      round('SQL', [scorecard({ signals: marked(30_000, 'NOT_MET') })], { position: 3 }), // in time, overridden to not met
      round('SQL', [scorecard({ signals: [signal(SQL_GRAIN, { rating: 'E6' })] })], { position: 4 }), // never marked
    ]);
    expect(summarizeProgress([first]).firstTwoMinutes).toEqual([
      { sessionId: first.sessionId, roundsJudged: 5, roundsMet: 2, rate: 0.4, cumulativeRate: 0.4 },
    ]);
  });

  it('judges each round by its own kind’s timed signal', () => {
    const loop = session(1, [
      round('SQL', [scorecard({ signals: [signal(MODELING_TIMED, { markedAtElapsedMs: 1000 })] })], { position: 0 }),
      round('DATA_MODELING', [scorecard({ signals: [signal(MODELING_TIMED, { markedAtElapsedMs: 1000 })] })], { position: 1 }),
    ]);
    expect(summarizeProgress([loop]).firstTwoMinutes[0]).toMatchObject({ roundsJudged: 2, roundsMet: 1 });
  });

  it('gives a round the share of its interviewers who saw the signal in time', () => {
    const split = session(1, [round('SQL', [scorecard({ signals: marked(60_000) }), scorecard({ signals: marked(200_000) })])]);
    expect(summarizeProgress([split]).firstTwoMinutes[0]).toMatchObject({ roundsJudged: 1, roundsMet: 0.5, rate: 0.5 });
  });

  it('accumulates over every round so far, not over session rates', () => {
    const first = session(1, [round('SQL', [scorecard({ signals: marked(200_000) })])]);
    const second = session(2, [
      round('SQL', [scorecard({ signals: marked(10_000) })], { position: 0 }),
      round('DATA_MODELING', [scorecard({ signals: [signal(MODELING_TIMED, { markedAtElapsedMs: 10_000 })] })], { position: 1 }),
      round('SQL', [scorecard({ signals: marked(10_000) })], { position: 2 }),
    ]);
    const points = summarizeProgress([second, first]).firstTwoMinutes;
    expect(points.map((point) => [point.sessionId, point.rate, point.cumulativeRate])).toEqual([
      [first.sessionId, 0, 0],
      [second.sessionId, 1, 0.75],
    ]);
  });
});

describe('summarizeProgress: SQL problems solved and in what time', () => {
  it('reports what was solved in what time, never scaled to 30 minutes', () => {
    const drill = session(1, [round('SQL', [scorecard({ problemsSolved: 3 })], { elapsedMs: 45 * MINUTE })]);
    expect(summarizeProgress([drill]).sqlPace.points).toEqual([{ sessionId: drill.sessionId, problemsSolved: 3, elapsedMs: 45 * MINUTE }]);
  });

  it('averages the counts of several interviewers and pools several SQL rounds of a session', () => {
    const loop = session(1, [
      round('SQL', [scorecard({ problemsSolved: 2 }), scorecard({ problemsSolved: 3 }), scorecard()], { position: 0, elapsedMs: 20 * MINUTE }),
      round('SQL', [scorecard({ problemsSolved: 1 })], { position: 1, elapsedMs: 10 * MINUTE }),
    ]);
    // (2.5 + 1) solved in the rounds' 30 minutes together.
    expect(summarizeProgress([loop]).sqlPace.points[0]).toEqual({ sessionId: loop.sessionId, problemsSolved: 3.5, elapsedMs: 30 * MINUTE });
  });

  it('leaves out, and counts, SQL rounds without a problems-solved count or without round time', () => {
    const noCount = session(1, [round('SQL', [scorecard()])]);
    const neverStarted = session(2, [round('SQL', [scorecard({ problemsSolved: 0 })], { elapsedMs: 0 })]);
    const mixed = session(3, [
      round('SQL', [scorecard({ problemsSolved: 4 })], { position: 0, elapsedMs: 30 * MINUTE }),
      round('SQL', [scorecard()], { position: 1 }),
      round('DATA_MODELING', [scorecard()], { position: 2 }),
    ]);
    const { sqlPace } = summarizeProgress([noCount, neverStarted, mixed]);
    expect(sqlPace.skipped).toEqual({ withoutElapsedTime: 1, withoutProblemsSolved: 2 });
    expect(sqlPace.points).toEqual([{ sessionId: mixed.sessionId, problemsSolved: 4, elapsedMs: 30 * MINUTE }]);
  });

  it('keeps a 56-second round as what it was', () => {
    const short = session(1, [round('SQL', [scorecard({ problemsSolved: 2 })], { elapsedMs: 56_000 })]);
    expect(summarizeProgress([short]).sqlPace.points).toEqual([{ sessionId: short.sessionId, problemsSolved: 2, elapsedMs: 56_000 }]);
  });

  it('plots zero solved as a point at zero', () => {
    const none = session(1, [round('SQL', [scorecard({ problemsSolved: 0 })])]);
    expect(summarizeProgress([none]).sqlPace.points[0]).toMatchObject({ problemsSolved: 0 });
  });
});

describe('summarizeProgress: recommendations', () => {
  it('maps strong no … strong yes to 1 … 6', () => {
    expect(['STRONG_NO', 'NO', 'LEAN_NO', 'LEAN_YES', 'YES', 'STRONG_YES'].map((name) => recommendationScore(name as never))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps one series per round kind, averaging interviewers, and skips scorecards without a recommendation', () => {
    const first = session(1, [
      round('SQL', [scorecard({ recommendation: 'YES' }), scorecard({ recommendation: 'LEAN_YES' }), scorecard()], { position: 0 }),
      round('BEHAVIORAL', [scorecard()], { position: 1 }),
    ]);
    const second = session(2, [
      round('SQL', [scorecard({ recommendation: 'STRONG_YES' })], { position: 0 }),
      round('BEHAVIORAL', [scorecard({ recommendation: 'NO' })], { position: 1 }),
    ]);
    expect(summarizeProgress([first, second]).recommendations).toEqual([
      {
        kind: 'SQL',
        points: [
          { sessionId: first.sessionId, meanScore: 4.5, recommendations: ['YES', 'LEAN_YES'] },
          { sessionId: second.sessionId, meanScore: 6, recommendations: ['STRONG_YES'] },
        ],
      },
      { kind: 'BEHAVIORAL', points: [{ sessionId: second.sessionId, meanScore: 2, recommendations: ['NO'] }] },
    ]);
  });
});
