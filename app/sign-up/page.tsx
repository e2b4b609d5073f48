import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create an account · mockloop' };

interface SignUpPageProps {
  searchParams: Promise<{ callbackUrl?: string }>;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="auth-page">
      <SignUpForm action={signUpAction} callbackUrl={callbackUrl} />
    </main>
  );
}
