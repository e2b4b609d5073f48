'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { publishDomainEvents } from '@/lib/events/domain-event-bus';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { refusalOf, type Ack } from '@/lib/realtime/ack';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import { publishFeedback, unpublishFeedback, type FeedbackReleaseView } from '@/lib/scorecards/feedback-release';
import { saveLoopDebrief } from '@/lib/scorecards/save-loop-debrief';
import { scorecardCommandSchema } from '@/lib/scorecards/scorecard-commands.schema';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import type { LoopCallFormState } from '@/components/rubric/loop-call-form';

// The debrief page's writes. Server actions are public endpoints: each one authenticates, parses its
// arguments and leaves every access decision to lib, exactly like the socket handlers.

const sessionIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

async function run<T>(label: string, sessionId: unknown, work: (sessionId: string, userId: string) => Promise<T>): Promise<Ack<T>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Your sign-in has expired. Sign in again to save.');
    const id = sessionIdSchema.safeParse(sessionId);
    if (!id.success) throw new AppError('NOT_FOUND', 'That session does not exist or you are not part of it.');
    return { ok: true, data: await work(id.data, user.id) };
  } catch (error) {
    if (!isAppError(error)) console.error(`${label} failed`, error);
    return refusalOf(error);
  }
}

export async function saveScorecardAction(sessionId: string, command: unknown): Promise<Ack<ScorecardView>> {
  return run('saving a scorecard', sessionId, (id, userId) => {
    const parsed = scorecardCommandSchema.safeParse(command);
    if (!parsed.success) throw new AppError('INVALID_INPUT', `Not saved: ${parsed.error.issues[0]?.message ?? 'invalid input'}.`);
    return applyScorecardCommand(getDb(), id, userId, parsed.data);
  });
}

export async function publishFeedbackAction(sessionId: string): Promise<Ack<FeedbackReleaseView>> {
  const ack = await run('publishing feedback', sessionId, async (id, userId) => {
    const { events, ...release } = await publishFeedback(getDb(), id, userId);
    publishDomainEvents(events);
    return release;
  });
  if (ack.ok) revalidatePath(`/sessions/${sessionId}`, 'layout');
  return ack;
}

export async function unpublishFeedbackAction(sessionId: string): Promise<Ack<Record<string, never>>> {
  const ack = await run('unpublishing feedback', sessionId, async (id, userId) => {
    publishDomainEvents((await unpublishFeedback(getDb(), id, userId)).events);
    return {};
  });
  if (ack.ok) revalidatePath(`/sessions/${sessionId}`, 'layout');
  return ack;
}

export async function saveLoopCallAction(sessionId: string, previous: LoopCallFormState, form: FormData): Promise<LoopCallFormState> {
  assertFormActionCall(previous, form);
  const values = { staffBarCall: String(form.get('staffBarCall') ?? ''), rationale: String(form.get('rationale') ?? '') };
  const ack = await run('saving the loop call', sessionId, (id, userId) =>
    saveLoopDebrief(getDb(), id, userId, { staffBarCall: values.staffBarCall || null, rationale: values.rationale }),
  );
  if (ack.ok) {
    revalidatePath(`/sessions/${sessionId}/debrief`);
    return { status: 'saved', attempt: previous.attempt + 1, values, savedAt: ack.data.updatedAt };
  }
  return { status: 'error', attempt: previous.attempt + 1, values, message: ack.message };
}

