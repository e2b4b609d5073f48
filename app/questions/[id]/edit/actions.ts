'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import type { QuestionFormState } from '@/lib/questions/question-form.schema';
import { updateQuestion } from '@/lib/questions/update-question';
import { authenticatedAction, formErrorState } from '../../../authenticated-action';
import { readQuestionForm } from '../../read-question-form';

// questionId is bound by the page, but a bound argument is still client input: updateQuestion checks authorship.
export async function updateQuestionAction(questionId: string, previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const saved = await authenticatedAction(
    { label: 'saving a question', signedOut: { returnTo: `/questions/${questionId}/edit` }, form: { previous, form, read: readQuestionForm } },
    (user, values) => updateQuestion(getDb(), user.id, String(questionId), values),
  );
  if (!saved.ok) return formErrorState(previous, saved);
  redirect(`/questions/${encodeURIComponent(questionId)}`);
}
