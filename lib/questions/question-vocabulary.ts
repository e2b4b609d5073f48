import { Difficulty as DifficultyEnum } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';
import type { RoundKind } from '@/lib/rounds/round-kind';

// The words a question is described with, read by forms in the browser; the schemas that check them live in
// question-types.ts, so the browser never downloads zod.

export const DIFFICULTIES = enumValues(DifficultyEnum);

export type Difficulty = (typeof DIFFICULTIES)[number];

// Twists are scripted curveballs for open-ended problems; behavioral, product and Python rounds are
// steered with probes instead.
export const TWIST_ROUND_KINDS: readonly RoundKind[] = ['SQL', 'DATA_MODELING', 'SYSTEM_DESIGN'];

// Product-sense questions come in two kinds of skill: finding the root cause of a metric move, and building a
// metric framework for a product or decision. A round asks one of each.
export const QUESTION_THEMES = ['rca', 'framework'] as const;

export type QuestionTheme = (typeof QUESTION_THEMES)[number];

export const THEMED_ROUND_KINDS: readonly RoundKind[] = ['PRODUCT_SENSE'];
