'use server';

import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { refusalOf, type Ack } from '@/lib/realtime/ack';
import { runSqlCheck, runSqlCheckSchema } from '@/lib/sql-check/run-sql-check';
import type { SqlCheckView } from '@/lib/sql-check/sql-check-result';

// The report page's one write. A server action is a public endpoint: it authenticates, parses, and leaves every
// access decision (membership, round ended, question asked) to lib.

export async function runSqlCheckAction(sessionId: unknown, roundId: unknown, roundQuestionId: unknown): Promise<Ack<SqlCheckView>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Your sign-in has expired. Sign in again to run the check.');
    const input = runSqlCheckSchema.safeParse({ sessionId, roundId, roundQuestionId });
    if (!input.success) throw new AppError('NOT_FOUND', 'That question was not asked in this session.');
    const view = await runSqlCheck(getDb(), user.id, input.data);
    revalidatePath(`/sessions/${input.data.sessionId}/report`);
    return { ok: true, data: view };
  } catch (error) {
    if (!isAppError(error)) console.error('running a SQL check failed', error);
    return refusalOf(error);
  }
}
