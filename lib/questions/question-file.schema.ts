import { z } from 'zod';
import { levelSchema, signalKeySchema } from '../rubric/signal-types';
import { roundKindSchema } from '../rounds/round-kind.schema';
import { sqlCheckSchema } from '../sql-check/sql-fixture';
import { difficultySchema, probeSchema, questionThemeSchema, twistSchema } from './question-types';

// The front matter of content/questions/<kind>/<slug>.md (the format coaches edit; see content/README.md). Strict:
// a misspelt key (`lookfor:`, `twist:`) is an error rather than a field silently dropped.

const textSchema = z.string().trim().min(1);

export const questionFrontMatterSchema = z
  .object({
    slug: z.string().min(1),
    roundKind: roundKindSchema,
    title: textSchema,
    difficulty: difficultySchema,
    theme: questionThemeSchema.optional(),
    signalKeys: z.array(signalKeySchema).min(1),
    hints: z.array(textSchema).default([]),
    probes: z.array(probeSchema.extend({ level: levelSchema, prompt: textSchema, lookFor: textSchema }).strict()).min(1),
    twists: z.array(twistSchema.extend({ strongAnswer: textSchema }).strict()).optional(),
    check: sqlCheckSchema.optional(),
  })
  .strict();

export type QuestionFrontMatter = z.infer<typeof questionFrontMatterSchema>;
