'use server';

import { getDb } from '@/lib/db';
import { rateFeedback } from '@/lib/peer/rate-feedback';
import type { RateFeedbackResult } from '@/lib/peer/rate-feedback.schema';
import { authenticatedAction } from '../../../authenticated-action';

/** One click on "Helpful" or "Specific": parsed and authorised by rateFeedback (only the round's candidate). */
export async function rateFeedbackAction(input: unknown): Promise<RateFeedbackResult> {
  const rated = await authenticatedAction({ label: 'rating feedback', signedOut: { returnTo: '/' } }, (user) => rateFeedback(getDb(), user.id, input));
  return rated.ok ? { ok: true, rating: rated.data } : { ok: false, message: rated.message };
}
