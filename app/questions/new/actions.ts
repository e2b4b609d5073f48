'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import { createQuestion } from '@/lib/questions/create-question';
import type { QuestionFormState } from '@/lib/questions/question-form.schema';
import { authenticatedAction, formErrorState } from '../../authenticated-action';
import { readQuestionForm } from '../read-question-form';

export async function createQuestionAction(previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const created = await authenticatedAction(
    { label: 'saving a question', signedOut: { returnTo: '/questions/new' }, form: { previous, form, read: readQuestionForm } },
    (user, values) => createQuestion(getDb(), user.id, values),
  );
  if (!created.ok) return formErrorState(previous, created);
  // Outside the helper: redirect() works by throwing.
  redirect(`/questions/${created.data.id}`);
}
