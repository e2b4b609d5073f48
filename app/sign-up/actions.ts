'use server';

import { headers } from 'next/headers';
import { getSignInLimiter } from '@/lib/auth/auth-options';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { registerUser } from '@/lib/auth/register-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import type { SignUpState } from '@/components/auth/sign-up-form';
import { isAppError, toPublicError } from '@/lib/errors';

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
    if (!isAppError(error)) console.error('sign-up failed', error);
    const { message } = toPublicError(error);
    return { status: 'error', message, fieldErrors: isAppError(error) ? (error.details.fieldErrors ?? {}) : {}, values };
  }
}
