'use client';

import { useActionState } from 'react';
import { DIFFICULTY_LABELS } from '@/lib/questions/difficulty-labels';
import type { ButtonFormState } from '@/lib/http/form-state';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import type { RoundQuestionView, RoundView, SwapOptionView } from '@/lib/sessions/session-view';
import { GuideContents } from '@/components/questions/guide-contents';
import { RenderedMarkdown } from '@/components/questions/rendered-markdown';

/** The server action bound to the session: replaces one planned question (its RoundQuestion id) by the form's questionId. */
export type SwapQuestionAction = (roundQuestionId: string, previous: ButtonFormState, form: FormData) => Promise<ButtonFormState>;

interface LobbyPreparationProps {
  /** Only the rounds the viewer interviews: the server sends guides for no others. */
  rounds: RoundView[];
  swapAction: SwapQuestionAction | null;
}

/**
 * The interviewer's preparation before the session starts: each planned question of the rounds they interview,
 * its prompt and guide, and a way to plan another question of the same kind while the round has not started.
 */
export function LobbyPreparation({ rounds, swapAction }: LobbyPreparationProps) {
  if (rounds.length === 0) return null;
  return (
    <section className="card lobby-prep" aria-labelledby="lobby-prep-heading">
      <h2 id="lobby-prep-heading">Prepare your rounds</h2>
      <p className="field-hint">Only interviewers see this. The candidate sees each question when you reveal it.</p>
      {rounds.map((round) => (
        <section key={round.id} className="lobby-prep-round" aria-label={`Round ${round.position + 1}: ${ROUND_KIND_LABELS[round.kind]}`}>
          <h3>
            Round {round.position + 1}: {ROUND_KIND_LABELS[round.kind]}
          </h3>
          {round.questions.length === 0 ? <p className="muted">No questions planned for this round.</p> : null}
          {round.questions.map((question) => (
            <PlannedQuestion key={`${question.id}:${question.title}`} question={question} options={round.swapOptions ?? []} swapAction={round.swapOptions ? swapAction : null} />
          ))}
        </section>
      ))}
    </section>
  );
}

function PlannedQuestion({ question, options, swapAction }: { question: RoundQuestionView; options: SwapOptionView[]; swapAction: SwapQuestionAction | null }) {
  return (
    <details className="lobby-prep-question" data-testid="planned-question">
      <summary>
        <span className="lobby-prep-title">
          {question.position + 1}. {question.title}
        </span>
        <span className="badge">{DIFFICULTY_LABELS[question.difficulty]}</span>
      </summary>
      <div className="lobby-prep-body">
        <h4>Prompt</h4>
        <RenderedMarkdown html={question.promptHtml} />
        {question.guide ? (
          <div className="guide" data-testid="lobby-guide">
            <GuideContents guide={question.guide} />
          </div>
        ) : (
          <p className="muted">This question has no guide yet.</p>
        )}
      </div>
      {swapAction ? <SwapForm roundQuestionId={question.id} options={options} swapAction={swapAction} title={question.title} /> : null}
    </details>
  );
}

function SwapForm({ roundQuestionId, options, swapAction, title }: { roundQuestionId: string; options: SwapOptionView[]; swapAction: SwapQuestionAction; title: string }) {
  const [state, formAction, isPending] = useActionState<ButtonFormState, FormData>(swapAction.bind(null, roundQuestionId), { status: 'idle' });
  if (options.length === 0) return <p className="muted lobby-prep-swap">No other question of this kind is left to swap in.</p>;
  return (
    <form action={formAction} className="lobby-prep-swap">
      <div className="field">
        <label htmlFor={`swap-${roundQuestionId}`}>Ask instead</label>
        <select id={`swap-${roundQuestionId}`} name="questionId" aria-label={`Ask instead of ${title}`} defaultValue="">
          <option value="" disabled>
            Choose a question…
          </option>
          {options.map((option) => (
            <option key={option.questionId} value={option.questionId}>
              {option.title} ({DIFFICULTY_LABELS[option.difficulty]})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Swapping…' : 'Swap question'}
      </button>
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
