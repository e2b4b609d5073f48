'use server';

import { redirect } from 'next/navigation';
import type { RateFeedbackResult } from '@/components/peer/feedback-rating-panel';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { isAppError, toPublicError } from '@/lib/errors';
import { rateFeedback } from '@/lib/peer/rate-feedback';

/** One click on "Helpful" or "Specific": parsed and authorised by rateFeedback (only the round's candidate). */
export async function rateFeedbackAction(input: unknown): Promise<RateFeedbackResult> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  try {
    return { ok: true, rating: await rateFeedback(getDb(), user.id, input) };
  } catch (error) {
    if (!isAppError(error)) console.error('rating feedback failed', error);
    return { ok: false, message: toPublicError(error).message };
  }
}
