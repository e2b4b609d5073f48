'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { TextField } from '@/components/ui/text-field';

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
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setIsPending(false);
    setError(result?.error ?? 'Could not sign in. Check your connection and try again.');
  }

  return (
    <div className="auth-card">
      <h1>Sign in to mockloop</h1>
      {notice ? <p className="notice">{notice}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={initialEmail} required />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oauthProviders.length > 0 ? (
        <div className="oauth">
          <p className="divider">or</p>
          {oauthProviders.map((provider) => (
            <button key={provider.id} type="button" className="button" onClick={() => void signIn(provider.id, { callbackUrl })}>
              Continue with {provider.name}
            </button>
          ))}
        </div>
      ) : null}
      <p className="switch">
        New here?{' '}
        <Link href={callbackUrl === '/' ? '/sign-up' : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </div>
  );
}
