import { z } from 'zod';
import { candidateSqlCheckResult } from './candidate-sql-check-result';
import { SqlCheckStatus } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

// What a stored SqlCheckRun.result holds, and what the report shows. Only results and marks: never the
// fixture's setup, the reference query or its list of mistakes (those stay interviewer-only in lib). The round's
// interviewer sees the stored result whole; anyone else its candidate view (candidate-sql-check-result.ts).

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const tableSchema = z.object({ columns: z.array(z.string()), rows: z.array(z.array(cellSchema)), isTruncated: z.boolean() });
const markSchema = z.enum(['MATCH', 'EXTRA', 'DUPLICATE', 'MISSING']);

export const SQL_CHECK_VERDICTS = enumValues(SqlCheckStatus);

export const sqlCheckResultSchema = z.object({
  verdict: z.enum(SQL_CHECK_VERDICTS),
  /** How the answer was cut from the document; null when no answer was found. */
  answerSource: z.enum(['MARKER', 'WHOLE_DOCUMENT', 'NTH_STATEMENT']).nullable(),
  /** ERROR: what went wrong. MISMATCH: a column-count problem, if any. */
  message: z.string().nullable(),
  errorKind: z.enum(['NO_ANSWER', 'TIMEOUT', 'OUT_OF_MEMORY', 'FORBIDDEN', 'SQL', 'NO_RESULT']).nullable(),
  answer: tableSchema.nullable(),
  expected: tableSchema.nullable(),
  answerMarks: z.array(markSchema),
  expectedMarks: z.array(markSchema),
  missingRows: z.number().int(),
  extraRows: z.number().int(),
  duplicatedRows: z.number().int(),
  elapsedMs: z.number().int().nullable(),
});

export type SqlCheckResult = z.infer<typeof sqlCheckResultSchema>;
export type SqlCheckVerdict = SqlCheckResult['verdict'];

/** One asked question of an ended SQL round, as the report shows its check. */
export interface SqlCheckView {
  roundQuestionId: string;
  /** 1-based, in the order the round asked the questions: the `-- Q<n>` marker that answers it. */
  questionNumber: number;
  /** False for questions without fixture tables (any question a user wrote). */
  isCheckable: boolean;
  /** Null until someone runs the check. */
  run: { answerSql: string; result: SqlCheckResult; ranAt: string } | null;
  /** Interviewers of the round only: what the fixture rows are built to catch. */
  exposes?: string[];
  /** False: `run.result` is the candidate's view (no answer rows outside the expected result, no runtime messages). */
  isInterviewerView: boolean;
}

/**
 * A stored run as the report shows it to a viewer: whole to the round's interviewer, the candidate view to anyone
 * else. A result that no longer parses (an older shape) shows as not run.
 */
export function toSqlCheckRunView(run: { answerSql: string; result: unknown; updatedAt: Date } | null, isInterviewer: boolean): SqlCheckView['run'] {
  if (!run) return null;
  const parsed = sqlCheckResultSchema.safeParse(run.result);
  if (!parsed.success) return null;
  return { answerSql: run.answerSql, result: isInterviewer ? parsed.data : candidateSqlCheckResult(parsed.data), ranAt: run.updatedAt.toISOString() };
}
