import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CreateSessionForm } from '@/components/sessions/create-session-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { createSessionAction } from './actions';

export const metadata: Metadata = { title: 'New session · mockloop' };

export default async function NewSessionPage() {
  if (!(await getCurrentUser())) redirect('/sign-in?callbackUrl=/sessions/new');
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <Link href="/sessions">← Sessions</Link>
      </p>
      <h1>New session</h1>
      <p className="lede">You will be the interviewer. Questions are picked from the bank, favouring ones you have not asked yet.</p>
      <CreateSessionForm action={createSessionAction} />
    </main>
  );
}
