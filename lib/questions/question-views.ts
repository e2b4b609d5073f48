import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { renderMarkdown } from '@/lib/markdown/render-markdown';
import { SIGNAL_CATALOG } from '../rubric/signal-catalog';
import { levelSchema, signalKeySchema } from '../rubric/signal-types';
import type { RoundKind } from '../rounds/round-kind';
import type { Difficulty } from './question-vocabulary';

// The shapes the question services hand to pages: a candidate-safe part everyone may see, and the guide,
// which only services that applied guideViewableBy() may fill in.

/** Candidate-visible columns only. Every question read selects through this, never `include: { guide }`. */
export const CANDIDATE_QUESTION_SELECT = {
  id: true,
  builtInSlug: true,
  authorId: true,
  roundKind: true,
  title: true,
  difficulty: true,
  prompt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.QuestionSelect;

export interface QuestionListItem {
  id: string;
  title: string;
  roundKind: RoundKind;
  difficulty: Difficulty;
  isBuiltIn: boolean;
  isMine: boolean;
  updatedAt: Date;
}

export interface CandidateSafeQuestion extends QuestionListItem {
  /** Candidate-visible Markdown. */
  prompt: string;
  createdAt: Date;
}

// Probes written in the form may leave "what to look for" empty; built-ins always fill it.
export const storedProbeSchema = z.object({ level: levelSchema, prompt: z.string().min(1), lookFor: z.string() });

// Twists stored before strong answers existed (and SQL ones, where it is optional) read as an empty answer.
export const storedTwistSchema = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  prompt: z.string().min(1),
  strongAnswer: z.string().default(''),
  probesSignalKey: signalKeySchema,
});

export type StoredProbe = z.infer<typeof storedProbeSchema>;
export type StoredTwist = z.infer<typeof storedTwistSchema>;

export interface QuestionGuideView {
  /** Markdown, as written (the edit form's value). */
  solution: string;
  /** The solution rendered on the server (lib/markdown): the browser never downloads a Markdown parser. */
  solutionHtml: string;
  hints: string[];
  probes: StoredProbe[];
  signalKeys: string[];
  twists: StoredTwist[];
  /**
   * Labels of the signals this guide names, resolved on the server: the rubric catalog itself never enters a
   * browser bundle, where any candidate could read it.
   */
  signalLabels: Record<string, string>;
}

export const GUIDE_SELECT = {
  solution: true,
  hints: true,
  probes: true,
  signalKeys: true,
  twists: true,
} satisfies Prisma.QuestionGuideSelect;

const SIGNAL_LABELS = new Map(SIGNAL_CATALOG.map((signal) => [signal.key, signal.label]));

type CandidateQuestionRow = Prisma.QuestionGetPayload<{ select: typeof CANDIDATE_QUESTION_SELECT }>;
type GuideRow = Prisma.QuestionGuideGetPayload<{ select: typeof GUIDE_SELECT }>;

export function toCandidateSafeQuestion(row: CandidateQuestionRow, userId: string): CandidateSafeQuestion {
  return {
    id: row.id,
    title: row.title,
    roundKind: row.roundKind,
    difficulty: row.difficulty,
    prompt: row.prompt,
    isBuiltIn: row.authorId === null,
    isMine: row.authorId === userId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** JSON columns are parsed, not cast: a malformed row fails loudly here rather than in a page. */
export function toGuideView(row: GuideRow): QuestionGuideView {
  const twists = z.array(storedTwistSchema).parse(row.twists);
  const keys = [...row.signalKeys, ...twists.map((twist) => twist.probesSignalKey)];
  return {
    solution: row.solution,
    solutionHtml: renderMarkdown(row.solution),
    hints: row.hints,
    probes: z.array(storedProbeSchema).parse(row.probes),
    signalKeys: row.signalKeys,
    twists,
    // A retired signal key still shows, as its key, rather than breaking the page.
    signalLabels: Object.fromEntries(keys.map((key) => [key, SIGNAL_LABELS.get(key) ?? key])),
  };
}
