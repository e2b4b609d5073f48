import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create an account · mockloop' };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect('/');
  return (
    <main className="auth-page">
      <SignUpForm action={signUpAction} />
    </main>
  );
}
