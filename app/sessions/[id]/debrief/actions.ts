'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { publishDomainEvents } from '@/lib/events/domain-event-bus';
import type { Ack } from '@/lib/realtime/ack';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import { publishFeedback, unpublishFeedback, type FeedbackReleaseView } from '@/lib/scorecards/feedback-release';
import { saveLoopDebrief, type LoopCallFormState } from '@/lib/scorecards/save-loop-debrief';
import { scorecardCommandSchema } from '@/lib/scorecards/scorecard-commands.schema';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import { ackOf, authenticatedAction, parseOr, type SignedOut } from '../../../authenticated-action';

// The debrief page's writes. Server actions are public endpoints: each one authenticates, parses its
// arguments and leaves every access decision to lib, exactly like the socket handlers.

const SIGNED_OUT: SignedOut = { refuse: 'Your sign-in has expired. Sign in again to save.' };
const sessionIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const parseSessionId = (sessionId: unknown) => parseOr(sessionIdSchema, sessionId, new AppError('NOT_FOUND', 'That session does not exist or you are not part of it.'));

export async function saveScorecardAction(sessionId: string, command: unknown): Promise<Ack<ScorecardView>> {
  const saved = await authenticatedAction({ label: 'saving a scorecard', signedOut: SIGNED_OUT }, (user) => {
    const id = parseSessionId(sessionId);
    const parsed = scorecardCommandSchema.safeParse(command);
    if (!parsed.success) throw new AppError('INVALID_INPUT', `Not saved: ${parsed.error.issues[0]?.message ?? 'invalid input'}.`);
    return applyScorecardCommand(getDb(), id, user.id, parsed.data);
  });
  return ackOf(saved);
}

export async function publishFeedbackAction(sessionId: string): Promise<Ack<FeedbackReleaseView>> {
  const published = await authenticatedAction({ label: 'publishing feedback', signedOut: SIGNED_OUT }, async (user) => {
    const { events, ...release } = await publishFeedback(getDb(), parseSessionId(sessionId), user.id);
    publishDomainEvents(events);
    return release;
  });
  if (published.ok) revalidatePath(`/sessions/${sessionId}`, 'layout');
  return ackOf(published);
}

export async function unpublishFeedbackAction(sessionId: string): Promise<Ack<Record<string, never>>> {
  const unpublished = await authenticatedAction({ label: 'unpublishing feedback', signedOut: SIGNED_OUT }, async (user) => {
    publishDomainEvents((await unpublishFeedback(getDb(), parseSessionId(sessionId), user.id)).events);
    return {};
  });
  if (unpublished.ok) revalidatePath(`/sessions/${sessionId}`, 'layout');
  return ackOf(unpublished);
}

const readLoopCallForm = (form: FormData) => ({ staffBarCall: String(form.get('staffBarCall') ?? ''), rationale: String(form.get('rationale') ?? '') });

export async function saveLoopCallAction(sessionId: string, previous: LoopCallFormState, form: FormData): Promise<LoopCallFormState> {
  const saved = await authenticatedAction(
    { label: 'saving the loop call', signedOut: SIGNED_OUT, form: { previous, form, read: readLoopCallForm } },
    (user, values) => saveLoopDebrief(getDb(), parseSessionId(sessionId), user.id, { staffBarCall: values.staffBarCall || null, rationale: values.rationale }),
  );
  if (!saved.ok) return { status: 'error', attempt: previous.attempt + 1, values: saved.values, message: saved.message };
  revalidatePath(`/sessions/${sessionId}/debrief`);
  return { status: 'saved', attempt: previous.attempt + 1, values: saved.values, savedAt: saved.data.updatedAt };
}
