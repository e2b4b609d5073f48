'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ack } from '@/lib/realtime/ack';
import { runSqlCheck, runSqlCheckSchema } from '@/lib/sql-check/run-sql-check';
import type { SqlCheckView } from '@/lib/sql-check/sql-check-result';
import { ackOf, authenticatedAction, parseOr } from '../../../authenticated-action';

// The report page's one write. A server action is a public endpoint: it authenticates, parses, and leaves every
// access decision (membership, round ended, question asked) to lib.

export async function runSqlCheckAction(sessionId: unknown, roundId: unknown, roundQuestionId: unknown): Promise<Ack<SqlCheckView>> {
  const checked = await authenticatedAction(
    { label: 'running a SQL check', signedOut: { refuse: 'Your sign-in has expired. Sign in again to run the check.' } },
    async (user) => {
      const input = parseOr(runSqlCheckSchema, { sessionId, roundId, roundQuestionId }, new AppError('NOT_FOUND', 'That question was not asked in this session.'));
      const view = await runSqlCheck(getDb(), user.id, input);
      revalidatePath(`/sessions/${input.sessionId}/report`);
      return view;
    },
  );
  return ackOf(checked);
}
