import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { CreateSessionForm } from '@/components/sessions/create-session-form';
import { createSessionAction } from './actions';
import { requireUser } from '../../authenticated-action';

export const metadata: Metadata = { title: 'New session · mockloop' };

export default async function NewSessionPage() {
  await requireUser('/sessions/new');
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <IntentLink href="/sessions">← Sessions</IntentLink>
      </p>
      <h1>New session</h1>
      <p className="lede">You will be the interviewer. Questions are picked from the bank, favouring ones you have not asked yet.</p>
      <CreateSessionForm action={createSessionAction} />
    </main>
  );
}
