import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { QuestionForm } from '@/components/questions/question-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { EMPTY_QUESTION_FORM, signalOptionsByRound } from '@/lib/questions/question-form.schema';
import { createQuestionAction } from './actions';

export const metadata: Metadata = { title: 'New question · mockloop' };

export default async function NewQuestionPage() {
  if (!(await getCurrentUser())) redirect('/sign-in?callbackUrl=/questions/new');
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <Link href="/questions">← Question bank</Link>
      </p>
      <h1>New question</h1>
      <QuestionForm
        action={createQuestionAction}
        initialValues={EMPTY_QUESTION_FORM}
        signalOptions={signalOptionsByRound()}
        submitLabel="Create question"
        pendingLabel="Creating…"
        cancelHref="/questions"
      />
    </main>
  );
}
