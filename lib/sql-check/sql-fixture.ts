import { z } from 'zod';

// The test data of a built-in SQL question's post-round check: content/questions/sql/<slug>.setup.sql and the
// `check:` block of its front matter. Interviewer-only, like the guides: the tables, the reference query and the
// list of mistakes never reach a candidate; they see the expected rows and, of their own result, only what
// candidate-sql-check-result.ts lets through, after the round.
//
// Each fixture is small enough to read but built so the classic mistakes of its question change the result: a gap
// of 30 min 50 s for minute truncation, a re-sent request for fan-out, a duplicated row from a retried job, a NULL
// for the COALESCE trap, a skewed key for salting, rows just outside the partition filter. `wrongAnswers` are those
// mistakes written out; a unit test checks each one really is caught, and that the reference matches.
//
// Reference queries return exactly the columns the prompt asks for, in its order (columns are compared by position).

const sqlTextSchema = z.string().trim().min(1);

export const sqlCheckSchema = z
  .object({
    /** Interviewer-only: what the rows are built to catch, shown beside the check. */
    exposes: z.array(z.string().min(1)).min(1),
    /** DuckDB SQL whose result is the expected answer. */
    referenceSql: sqlTextSchema,
    /** Interviewer-only: mistakes written out, each of which must not match. */
    wrongAnswers: z.array(z.object({ mistake: z.string().min(1), sql: sqlTextSchema }).strict()).min(1),
  })
  .strict();

export const sqlFixtureSchema = sqlCheckSchema.extend({
  slug: z.string().min(1),
  /** CREATE TABLE and INSERT statements: the question's tables with their rows. */
  setupSql: sqlTextSchema,
});

export type SqlFixture = z.infer<typeof sqlFixtureSchema>;
