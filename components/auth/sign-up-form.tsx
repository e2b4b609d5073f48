'use client';

import { IntentLink } from '@/components/ui/intent-link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { SignUpState } from '@/lib/auth/credentials.schema';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-limits';
import { signInWithCredentials } from './auth-requests';

interface SignUpFormProps {
  action: (previous: SignUpState, form: FormData) => Promise<SignUpState>;
  /** Where to go once signed in (a same-site path, checked by the page). */
  callbackUrl?: string;
}

export function SignUpForm({ action, callbackUrl = '/' }: SignUpFormProps) {
  const router = useRouter();
  const [state, formAction, isPending] = useActionState<SignUpState, FormData>(action, { status: 'idle' });
  // React resets a form after its action runs, so the password is captured on submit for the sign-in that follows.
  const submittedPassword = useRef('');
  const fieldErrors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : { name: '', email: '' };

  useEffect(() => {
    if (state.status !== 'registered') return;
    void signInWithCredentials(state.email, submittedPassword.current, callbackUrl).then((result) => {
      submittedPassword.current = '';
      router.replace(
        result.ok
          ? callbackUrl
          : `/sign-in?registered=1&email=${encodeURIComponent(state.email)}&callbackUrl=${encodeURIComponent(callbackUrl)}`,
      );
      router.refresh();
    });
  }, [state, router, callbackUrl]);

  return (
    <div className="auth-card">
      <h1>Create your account</h1>
      <form
        action={formAction}
        onSubmit={(event) => {
          submittedPassword.current = String(new FormData(event.currentTarget).get('password') ?? '');
        }}
        noValidate
      >
        <TextField label="Name" name="name" autoComplete="name" defaultValue={values.name} errors={fieldErrors.name} required />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={values.email}
          errors={fieldErrors.email}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          errors={fieldErrors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase works well.`}
          required
        />
        {state.status === 'error' && Object.keys(state.fieldErrors).length === 0 ? (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={isPending || state.status === 'registered'}>
          {isPending || state.status === 'registered' ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="switch">
        Already have an account?{' '}
        <IntentLink href={callbackUrl === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</IntentLink>
      </p>
    </div>
  );
}
