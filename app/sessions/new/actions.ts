'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import { createSession } from '@/lib/sessions/create-session';
import type { CreateSessionState, CreateSessionValues } from '@/lib/sessions/create-session.schema';
import { authenticatedAction, formErrorState } from '../../authenticated-action';

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

/** The UTC instant the page derived from scheduledLocal: sent beside it, never refilled. */
function scheduledAtOf(form: FormData): string | undefined {
  const value = form.get('scheduledAt');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function createSessionAction(previous: CreateSessionState, form: FormData): Promise<CreateSessionState> {
  const created = await authenticatedAction(
    { label: 'creating a session', signedOut: { returnTo: '/sessions/new' }, form: { previous, form, read: readForm } },
    (user, values) =>
      createSession(getDb(), user.id, {
        title: values.title,
        template: values.template,
        roundKinds:
          values.template === 'SINGLE_ROUND' ? (values.singleRoundKind ? [values.singleRoundKind] : []) : values.template === 'CUSTOM' || values.template === 'PEER_SWAP' ? values.customRoundKinds : [],
        scheduledAt: scheduledAtOf(form),
      }),
  );
  if (!created.ok) return formErrorState(previous, created);
  // Outside the helper: redirect() works by throwing.
  redirect(`/sessions/${created.data.id}`);
}
