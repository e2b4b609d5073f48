import { z } from 'zod';

import { levelSchema, signalKeySchema } from '../rubric/signal-types';
import { type RoundKind } from '../rounds/round-kind';
import { roundKindSchema } from '../rounds/round-kind.schema';
import { DIFFICULTIES, QUESTION_THEMES, THEMED_ROUND_KINDS, TWIST_ROUND_KINDS } from './question-vocabulary';

export const difficultySchema = z.enum(DIFFICULTIES);

export const questionThemeSchema = z.enum(QUESTION_THEMES);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Design and modeling are judged mostly on how the candidate adapts, so each needs at least two, and each of
// those must say what a strong answer covers: the interviewer fires them live and judges the answer on the spot.
const MIN_TWISTS: Partial<Record<RoundKind, number>> = { DATA_MODELING: 2, SYSTEM_DESIGN: 2 };
const STRONG_ANSWER_REQUIRED: readonly RoundKind[] = ['DATA_MODELING', 'SYSTEM_DESIGN'];

export const probeSchema = z.object({
  level: levelSchema,
  prompt: z.string().min(1),
  lookFor: z.string().min(1),
});

export type Probe = z.infer<typeof probeSchema>;

export const twistSchema = z.object({
  key: z.string().regex(SLUG_PATTERN),
  title: z.string().min(1),
  /** What the candidate sees when the interviewer fires the twist (with the title). */
  prompt: z.string().min(1),
  /** Interviewer-only: what a strong answer covers. */
  strongAnswer: z.string().min(1).optional(),
  /** Interviewer-only: the rubric signal the twist probes. */
  probesSignalKey: signalKeySchema,
});

export type Twist = z.infer<typeof twistSchema>;

/** What a candidate may see. The app must send candidates only this (see candidateQuestionSchema). */
const candidateViewSchema = z.object({
  /** Markdown: the problem statement, with table schemas where relevant. */
  prompt: z.string().min(1),
});

/** Interviewer-only: never sent to a candidate's browser or socket room. */
const interviewerViewSchema = z.object({
  /** Markdown reference solution with code blocks and the traps to watch for. */
  solution: z.string().min(1),
  /** Nudges, mildest first, for the interviewer to give when the candidate is stuck. */
  hints: z.array(z.string().min(1)),
  /** Follow-up ladder, E4 first: how far up it the candidate gets is part of the level signal. */
  probes: z.array(probeSchema).min(1),
  /** Signals this question tends to exercise; all from the question's own round. */
  signalKeys: z.array(signalKeySchema).min(1),
  twists: z.array(twistSchema).optional(),
});

const LEVEL_RANK = { E4: 0, E5: 1, E6: 2 } as const;

export const questionSchema = z
  .object({
    slug: z.string().regex(SLUG_PATTERN),
    roundKind: roundKindSchema,
    title: z.string().min(1),
    difficulty: difficultySchema,
    /** Product sense only: which of the round's two skills the question practises (the picker asks one of each). */
    theme: questionThemeSchema.optional(),
    candidateView: candidateViewSchema,
    interviewerView: interviewerViewSchema,
  })
  .superRefine((question, ctx) => {
    const twists = question.interviewerView.twists ?? [];
    if (twists.length > 0 && !TWIST_ROUND_KINDS.includes(question.roundKind)) {
      ctx.addIssue({ code: 'custom', path: ['interviewerView', 'twists'], message: `no twists for ${question.roundKind}` });
    }
    if (question.theme !== undefined && !THEMED_ROUND_KINDS.includes(question.roundKind)) {
      ctx.addIssue({ code: 'custom', path: ['theme'], message: `no theme for ${question.roundKind}` });
    }
    const minTwists = MIN_TWISTS[question.roundKind] ?? 0;
    if (twists.length < minTwists) {
      ctx.addIssue({
        code: 'custom',
        path: ['interviewerView', 'twists'],
        message: `${question.roundKind} questions need at least ${minTwists} twists`,
      });
    }
    const ranks = question.interviewerView.probes.map((probe) => LEVEL_RANK[probe.level]);
    if (ranks.some((rank, i) => i > 0 && rank < (ranks[i - 1] ?? rank))) {
      ctx.addIssue({ code: 'custom', path: ['interviewerView', 'probes'], message: 'probes must climb E4 → E5 → E6' });
    }
    if (STRONG_ANSWER_REQUIRED.includes(question.roundKind) && twists.some((twist) => !twist.strongAnswer)) {
      ctx.addIssue({ code: 'custom', path: ['interviewerView', 'twists'], message: `${question.roundKind} twists need a strong answer` });
    }
    if (new Set(twists.map((twist) => twist.key)).size !== twists.length) {
      ctx.addIssue({ code: 'custom', path: ['interviewerView', 'twists'], message: 'twist keys must be unique' });
    }
  });

export type Question = z.infer<typeof questionSchema>;

/**
 * The candidate-safe projection. zod objects drop unknown keys, so parsing a full Question with this
 * schema returns it without `interviewerView`; use it at every boundary that reaches a candidate.
 */
export const candidateQuestionSchema = z.object({
  slug: z.string(),
  roundKind: roundKindSchema,
  title: z.string(),
  difficulty: difficultySchema,
  candidateView: candidateViewSchema,
});

export type CandidateQuestion = z.infer<typeof candidateQuestionSchema>;
