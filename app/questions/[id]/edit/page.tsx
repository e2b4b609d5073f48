import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { notFound, redirect } from 'next/navigation';
import { QuestionForm } from '@/components/questions/question-form';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { getQuestion, type QuestionDetail } from '@/lib/questions/get-question';
import { questionFormValuesOf, signalOptionsByRound } from '@/lib/questions/question-form.schema';
import { updateQuestionAction } from './actions';
import { requireUser } from '../../../authenticated-action';

export const metadata: Metadata = { title: 'Edit question · mockloop' };

interface EditQuestionPageProps {
  params: Promise<{ id: string }>;
}

export default async function EditQuestionPage({ params }: EditQuestionPageProps) {
  const { id } = await params;
  const user = await requireUser(`/questions/${id}/edit`);
  let question: QuestionDetail;
  try {
    question = await getQuestion(getDb(), user.id, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  // Only the author edits; anyone else (built-ins included) is sent to the read-only page, guide and all withheld.
  if (!question.isMine) redirect(`/questions/${id}`);
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <IntentLink href={`/questions/${id}`}>← {question.title}</IntentLink>
      </p>
      <h1>Edit question</h1>
      <QuestionForm
        action={updateQuestionAction.bind(null, id)}
        initialValues={questionFormValuesOf(question, question.guide)}
        signalOptions={signalOptionsByRound()}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        cancelHref={`/questions/${id}`}
      />
    </main>
  );
}
