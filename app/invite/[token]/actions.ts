'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { JoinInviteState } from '@/components/sessions/join-invite-form';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { isAppError, toPublicError } from '@/lib/errors';
import { redeemInviteLimited } from '@/lib/sessions/redeem-invite-limited';

export async function joinInviteAction(token: string, _previous: JoinInviteState, _form: FormData): Promise<JoinInviteState> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=/invite/${encodeURIComponent(token)}`);
  let sessionId: string;
  try {
    ({ sessionId } = await redeemInviteLimited(getDb(), String(token), user, clientIpFrom(await headers())));
  } catch (error) {
    if (!isAppError(error)) console.error('redeeming an invite failed', error);
    return { status: 'error', message: toPublicError(error).message };
  }
  // Outside the try: redirect() works by throwing.
  redirect(`/sessions/${sessionId}`);
}
