'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { getDb } from '@/lib/db';
import type { ButtonFormState } from '@/lib/http/form-state';
import { redeemInviteLimited } from '@/lib/sessions/redeem-invite-limited';
import { authenticatedAction } from '../../authenticated-action';

export async function joinInviteAction(token: string, _previous: ButtonFormState, _form: FormData): Promise<ButtonFormState> {
  const joined = await authenticatedAction({ label: 'redeeming an invite', signedOut: { returnTo: `/invite/${token}` } }, async (user) =>
    redeemInviteLimited(getDb(), String(token), user, clientIpFrom(await headers())),
  );
  if (!joined.ok) return { status: 'error', message: joined.message };
  // Outside the helper: redirect() works by throwing.
  redirect(`/sessions/${joined.data.sessionId}`);
}
