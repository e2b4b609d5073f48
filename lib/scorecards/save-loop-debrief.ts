import type { Db } from '@/lib/db';
import { invalidInput } from '@/lib/sessions/field-errors';
import { loadInterviewedRounds } from './load-interviewed-rounds';
import { assertNotLocked } from './load-scored-round';
import { recordRubricAudit } from './record-rubric-audit';
import { loopDebriefInputSchema, type LoopDebriefInput } from './scorecard-commands.schema';

/** The loop-call form between submissions: what was sent, and when it was saved or why not. */
export type LoopCallFormState =
  | { status: 'idle'; attempt: number }
  | { status: 'saved'; attempt: number; values: LoopCallValues; savedAt: string }
  | { status: 'error'; attempt: number; values: LoopCallValues; message: string };

interface LoopCallValues {
  staffBarCall: string;
  rationale: string;
}

/** The caller's own Staff-bar call and rationale for the whole loop. */
export async function saveLoopDebrief(db: Db, sessionId: string, userId: string, input: unknown): Promise<LoopDebriefInput & { updatedAt: string }> {
  const parsed = loopDebriefInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return db.$transaction(async (tx) => {
    await loadInterviewedRounds(tx, sessionId, userId);
    await assertNotLocked(tx, sessionId, userId);
    const saved = await tx.loopDebrief.upsert({
      where: { sessionId_interviewerId: { sessionId, interviewerId: userId } },
      create: { sessionId, interviewerId: userId, ...parsed.data },
      update: parsed.data,
      select: { staffBarCall: true, rationale: true, updatedAt: true },
    });
    await recordRubricAudit(tx, { sessionId, actorId: userId, action: 'debrief.save', changes: parsed.data });
    return { staffBarCall: saved.staffBarCall, rationale: saved.rationale, updatedAt: saved.updatedAt.toISOString() };
  });
}
