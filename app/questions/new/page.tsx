import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { QuestionForm } from '@/components/questions/question-form';
import { EMPTY_QUESTION_FORM, signalOptionsByRound } from '@/lib/questions/question-form.schema';
import { createQuestionAction } from './actions';
import { requireUser } from '../../authenticated-action';

export const metadata: Metadata = { title: 'New question · mockloop' };

export default async function NewQuestionPage() {
  await requireUser('/questions/new');
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <IntentLink href="/questions">← Question bank</IntentLink>
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
