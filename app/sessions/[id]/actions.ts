'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import type { ButtonFormState } from '@/lib/http/form-state';
import { createInvite, type CreateInviteState } from '@/lib/sessions/create-invite';
import { revokeInvite } from '@/lib/sessions/revoke-invite';
import { swapPlannedQuestion } from '@/lib/sessions/swap-planned-question';
import { publishDomainEvents } from '@/lib/events/domain-event-bus';
import { authenticatedAction, formErrorState } from '../../authenticated-action';

const readInviteForm = (form: FormData) => ({
  inviteeEmail: String(form.get('inviteeEmail') ?? ''),
  expiresInHours: String(form.get('expiresInHours') ?? ''),
  inviteAs: String(form.get('inviteAs') ?? 'CANDIDATE'),
});

export async function createInviteAction(sessionId: string, previous: CreateInviteState, form: FormData): Promise<CreateInviteState> {
  const created = await authenticatedAction(
    { label: 'creating an invite', signedOut: { returnTo: `/sessions/${sessionId}` }, form: { previous, form, read: readInviteForm } },
    (user, values) => createInvite(getDb(), sessionId, user.id, values),
  );
  if (!created.ok) return formErrorState(previous, created);
  revalidatePath(`/sessions/${sessionId}`);
  const invite = created.data;
  return { status: 'created', attempt: previous.attempt + 1, inviteId: invite.id, token: invite.token, inviteeEmail: invite.inviteeEmail, expiresAt: invite.expiresAt.toISOString(), kind: invite.kind };
}

export async function revokeInviteAction(sessionId: string, inviteId: string, _previous: ButtonFormState, _form: FormData): Promise<ButtonFormState> {
  const revoked = await authenticatedAction({ label: 'revoking an invite', signedOut: { returnTo: `/sessions/${sessionId}` } }, (user) =>
    revokeInvite(getDb(), sessionId, inviteId, user.id),
  );
  if (!revoked.ok) return { status: 'error', message: revoked.message };
  revalidatePath(`/sessions/${sessionId}`);
  return { status: 'idle' };
}

export async function swapPlannedQuestionAction(sessionId: string, roundQuestionId: string, previous: ButtonFormState, form: FormData): Promise<ButtonFormState> {
  const swapped = await authenticatedAction(
    { label: 'swapping a planned question', signedOut: { returnTo: `/sessions/${sessionId}` }, form: { previous, form, read: (values) => ({ questionId: String(values.get('questionId') ?? '') }) } },
    (user, values) => swapPlannedQuestion(getDb(), { sessionId: String(sessionId), roundQuestionId: String(roundQuestionId), userId: user.id }, values),
  );
  if (!swapped.ok) return { status: 'error', message: swapped.message };
  // Every interviewer's room (the swapper's included) fetches its view again on this event.
  publishDomainEvents(swapped.data.events);
  return { status: 'idle' };
}
