'use server';

import { redirect } from 'next/navigation';
import type { CreateSessionState, CreateSessionValues } from '@/components/sessions/create-session-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { isAppError, toPublicError } from '@/lib/errors';
import { createSession } from '@/lib/sessions/create-session';

function readForm(form: FormData): CreateSessionValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    title: text('title'),
    template: text('template'),
    singleRoundKind: text('singleRoundKind'),
    customRoundKinds: form.getAll('customRoundKinds').filter((value): value is string => typeof value === 'string'),
    scheduledLocal: text('scheduledLocal'),
  };
}

export async function createSessionAction(previous: CreateSessionState, form: FormData): Promise<CreateSessionState> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/sessions/new');
  assertFormActionCall(previous, form);
  const values = readForm(form);
  const scheduledAt = form.get('scheduledAt');
  let id: string;
  try {
    ({ id } = await createSession(getDb(), user.id, {
      title: values.title,
      template: values.template,
      roundKinds:
        values.template === 'SINGLE_ROUND' ? (values.singleRoundKind ? [values.singleRoundKind] : []) : values.template === 'CUSTOM' || values.template === 'PEER_SWAP' ? values.customRoundKinds : [],
      scheduledAt: typeof scheduledAt === 'string' && scheduledAt !== '' ? scheduledAt : undefined,
    }));
  } catch (error) {
    if (!isAppError(error)) console.error('creating a session failed', error);
    return {
      status: 'error',
      attempt: previous.attempt + 1,
      message: toPublicError(error).message,
      fieldErrors: isAppError(error) ? (error.details.fieldErrors ?? {}) : {},
      values,
    };
  }
  // Outside the try: redirect() works by throwing.
  redirect(`/sessions/${id}`);
}
