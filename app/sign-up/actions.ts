'use server';

import { headers } from 'next/headers';
import { getSignInLimiter } from '@/lib/auth/auth-options';
import { clientIpFrom } from '@/lib/auth/client-ip';
import type { SignUpState } from '@/lib/auth/credentials.schema';
import { registerUser } from '@/lib/auth/register-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { failureOf } from '../authenticated-action';

// The one action for someone not signed in yet, so it does not run through authenticatedAction; it maps its
// failures with the same failureOf.
export async function signUpAction(previous: SignUpState, form: FormData): Promise<SignUpState> {
  assertFormActionCall(previous, form);
  // Handed back on failure so the form keeps what the user typed (never the password).
  const values = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') };
  try {
    await getSignInLimiter().beforeSignUp(clientIpFrom(await headers()));
    const user = await registerUser(getDb(), {
      name: form.get('name'),
      email: form.get('email'),
      password: form.get('password'),
    });
    return { status: 'registered', email: user.email };
  } catch (error) {
    const { message, fieldErrors } = failureOf('sign-up', error);
    return { status: 'error', message, fieldErrors, values };
  }
}
