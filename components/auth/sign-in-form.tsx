'use client';

import { IntentLink } from '@/components/ui/intent-link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { TextField } from '@/components/ui/text-field';
import { signInWithCredentials, startOAuthSignIn } from './auth-requests';
import { FormError } from '@/components/ui/form-error';

interface SignInFormProps {
  oauthProviders: { id: string; name: string }[];
  initialEmail?: string;
  callbackUrl: string;
  notice?: string;
}

export function SignInForm({ oauthProviders, initialEmail, callbackUrl, notice }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signInWithCredentials(String(form.get('email') ?? ''), String(form.get('password') ?? ''), callbackUrl);
    if (result.ok) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setIsPending(false);
    setError(result.error);
  }

  return (
    <div className="auth-card">
      <h1>Sign in to mockloop</h1>
      {notice ? <p className="notice">{notice}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={initialEmail} required />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <FormError message={error} />
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oauthProviders.length > 0 ? (
        <div className="oauth">
          <p className="divider">or</p>
          {oauthProviders.map((provider) => (
            <button key={provider.id} type="button" className="button" onClick={() => void startOAuthSignIn(provider.id, callbackUrl)}>
              Continue with {provider.name}
            </button>
          ))}
        </div>
      ) : null}
      <p className="switch">
        New here?{' '}
        <IntentLink href={callbackUrl === '/' ? '/sign-up' : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</IntentLink>
      </p>
    </div>
  );
}
