import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { notFound } from 'next/navigation';
import { DeleteQuestionButton } from '@/components/questions/delete-question-button';
import { Markdown } from '@/components/questions/markdown';
import { QuestionBadges } from '@/components/questions/question-badges';
import { QuestionGuide } from '@/components/questions/question-guide';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { getQuestion, type QuestionDetail } from '@/lib/questions/get-question';
import { deleteQuestionAction, duplicateQuestionAction } from './actions';
import { requireUser } from '../../authenticated-action';

export const metadata: Metadata = { title: 'Question · mockloop' };

interface QuestionPageProps {
  params: Promise<{ id: string }>;
}

export default async function QuestionPage({ params }: QuestionPageProps) {
  const { id } = await params;
  const user = await requireUser(`/questions/${id}`);
  let question: QuestionDetail;
  try {
    question = await getQuestion(getDb(), user.id, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <IntentLink href="/questions">← Question bank</IntentLink>
      </p>
      <div className="page-heading">
        <div>
          <h1>{question.title}</h1>
          <QuestionBadges question={question} />
        </div>
        <div className="actions">
          {question.isMine ? (
            <>
              <IntentLink href={`/questions/${id}/edit`} className="button">
                Edit
              </IntentLink>
              <form action={deleteQuestionAction.bind(null, id)}>
                <DeleteQuestionButton />
              </form>
            </>
          ) : null}
          <form action={duplicateQuestionAction.bind(null, id)}>
            <button type="submit" className="button">
              Duplicate
            </button>
          </form>
        </div>
      </div>

      <section aria-labelledby="prompt-heading" className="card">
        <h2 id="prompt-heading">Prompt</h2>
        <Markdown source={question.prompt} />
      </section>

      {question.guide ? (
        <QuestionGuide guide={question.guide} />
      ) : (
        <p className="guide-note" data-testid="guide-withheld">
          Solutions, hints and follow-up probes appear to the interviewers of a session that uses this question, so a
          peer who will be the candidate cannot read them beforehand. Duplicate it to write your own.
        </p>
      )}
    </main>
  );
}
