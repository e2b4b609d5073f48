'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { CreateInviteState, RevokeInviteState } from '@/components/sessions/invite-panel';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { isAppError, toPublicError } from '@/lib/errors';
import { createInvite } from '@/lib/sessions/create-invite';
import { revokeInvite } from '@/lib/sessions/revoke-invite';

export async function createInviteAction(sessionId: string, previous: CreateInviteState, form: FormData): Promise<CreateInviteState> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=/sessions/${encodeURIComponent(sessionId)}`);
  assertFormActionCall(previous, form);
  const values = { inviteeEmail: String(form.get('inviteeEmail') ?? ''), expiresInHours: String(form.get('expiresInHours') ?? '') };
  try {
    const invite = await createInvite(getDb(), sessionId, user.id, values);
    revalidatePath(`/sessions/${sessionId}`);
    return {
      status: 'created',
      attempt: previous.attempt + 1,
      inviteId: invite.id,
      token: invite.token,
      inviteeEmail: invite.inviteeEmail,
      expiresAt: invite.expiresAt.toISOString(),
    };
  } catch (error) {
    if (!isAppError(error)) console.error('creating an invite failed', error);
    return {
      status: 'error',
      attempt: previous.attempt + 1,
      message: toPublicError(error).message,
      fieldErrors: isAppError(error) ? (error.details.fieldErrors ?? {}) : {},
      values,
    };
  }
}

export async function revokeInviteAction(sessionId: string, inviteId: string, _previous: RevokeInviteState, _form: FormData): Promise<RevokeInviteState> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=/sessions/${encodeURIComponent(sessionId)}`);
  try {
    await revokeInvite(getDb(), sessionId, inviteId, user.id);
  } catch (error) {
    if (!isAppError(error)) console.error('revoking an invite failed', error);
    return { status: 'error', message: toPublicError(error).message };
  }
  revalidatePath(`/sessions/${sessionId}`);
  return { status: 'idle' };
}
