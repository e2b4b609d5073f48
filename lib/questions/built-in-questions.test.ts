import { describe, expect, it } from 'vitest';

import { getSignal, SIGNAL_CATALOG } from '../rubric/signal-catalog';
import { getRoundFormat } from '../rounds/round-formats';
import { ROUND_KINDS } from '../rounds/round-kind';
import { BUILT_IN_QUESTIONS } from './built-in-questions';
import { questionSchema } from './question-types';

// The syllabus's worked examples: the bank must keep them.
const WORKED_EXAMPLE_SLUGS = [
  'sql-page-event-sessions',
  'sql-creator-action-counts',
  'sql-week-over-week-retention',
  'python-parse-server-logs',
  'python-flatten-nested-json',
  'python-checkout-sequence-validator',
  'modeling-ad-delivery',
  'design-real-time-ad-spend',
  'product-dau-drop-tuesday',
  'product-comments-drop-wow',
  'behavioral-complex-pipeline-retrospective',
  'behavioral-influence-without-authority',
  'behavioral-mentorship-outcome',
  'behavioral-pushback-with-data',
  'behavioral-post-mortem-three-changes',
  'behavioral-cross-team-alignment',
];

const MIN_QUESTIONS_PER_ROUND = { SQL: 10, PYTHON_ETL: 2, DATA_MODELING: 2, SYSTEM_DESIGN: 2, PRODUCT_SENSE: 2, BEHAVIORAL: 2 };

describe('built-in questions', () => {
  it.each(BUILT_IN_QUESTIONS.map((question) => [question.slug, question] as const))(
    '%s parses and is complete',
    (_slug, question) => {
      const result = questionSchema.safeParse(question);
      expect(result.success, result.error?.message).toBe(true);
      expect(question.candidateView.prompt.trim()).not.toBe('');
      expect(question.interviewerView.solution.trim()).not.toBe('');
      expect(question.interviewerView.probes.length).toBeGreaterThanOrEqual(1);
    },
  );

  it.each(BUILT_IN_QUESTIONS.map((question) => [question.slug, question] as const))(
    '%s references only existing signals of its own round',
    (_slug, question) => {
      const referenced = [
        ...question.interviewerView.signalKeys,
        ...(question.interviewerView.twists ?? []).map((twist) => twist.probesSignalKey),
      ];
      for (const key of referenced) {
        expect(getSignal(key).roundKind, `${question.slug} -> ${key}`).toBe(question.roundKind);
      }
      expect(new Set(question.interviewerView.signalKeys).size).toBe(question.interviewerView.signalKeys.length);
    },
  );

  it('gives every SQL, modeling and design question two or more twists (the live probes of those rounds)', () => {
    const short = BUILT_IN_QUESTIONS.filter(
      (question) => ['SQL', 'DATA_MODELING', 'SYSTEM_DESIGN'].includes(question.roundKind) && (question.interviewerView.twists ?? []).length < 2,
    ).map((question) => question.slug);
    expect(short).toEqual([]);
  });

  it('has unique slugs', () => {
    const slugs = BUILT_IN_QUESTIONS.map((question) => question.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it.each(ROUND_KINDS)('has enough %s questions to run two loops without a repeat', (kind) => {
    const count = BUILT_IN_QUESTIONS.filter((question) => question.roundKind === kind).length;
    expect(count).toBeGreaterThanOrEqual(2 * getRoundFormat(kind).maxQuestions);
    expect(count).toBeGreaterThanOrEqual(MIN_QUESTIONS_PER_ROUND[kind]);
  });

  it('keeps the syllabus worked examples', () => {
    const slugs = new Set(BUILT_IN_QUESTIONS.map((question) => question.slug));
    for (const slug of WORKED_EXAMPLE_SLUGS) expect(slugs, slug).toContain(slug);
  });

  it('exercises every signal in at least one question, so no rubric line is unreachable', () => {
    const used = new Set(
      BUILT_IN_QUESTIONS.flatMap((question) => [
        ...question.interviewerView.signalKeys,
        ...(question.interviewerView.twists ?? []).map((twist) => twist.probesSignalKey),
      ]),
    );
    const unused = SIGNAL_CATALOG.map((signal) => signal.key).filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });

  it('gives every round at least one question with an E6 probe', () => {
    for (const kind of ROUND_KINDS) {
      const hasE6 = BUILT_IN_QUESTIONS.some(
        (question) => question.roundKind === kind && question.interviewerView.probes.some((probe) => probe.level === 'E6'),
      );
      expect(hasE6, kind).toBe(true);
    }
  });

  it('keeps SQL prompts pruneable: every SQL prompt shows a ds-partitioned table', () => {
    for (const question of BUILT_IN_QUESTIONS.filter((q) => q.roundKind === 'SQL')) {
      expect(question.candidateView.prompt, question.slug).toMatch(/ds VARCHAR/);
    }
  });
});
