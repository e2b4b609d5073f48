import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { findEnabledOAuthProviders } from '@/lib/auth/auth-options';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';

export const metadata: Metadata = { title: 'Sign in · mockloop' };

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string; email?: string; registered?: string; error?: string }>;
}

const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: 'That email already has a password account. Sign in with your password.',
  AccessDenied: 'Access was denied.',
};

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = params.registered
    ? 'Your account is ready. Sign in to continue.'
    : params.error
      ? (OAUTH_ERRORS[params.error] ?? 'Sign-in did not complete. Please try again.')
      : undefined;
  return (
    <main className="auth-page">
      <SignInForm oauthProviders={findEnabledOAuthProviders()} initialEmail={params.email} callbackUrl={callbackUrl} notice={notice} />
    </main>
  );
}
