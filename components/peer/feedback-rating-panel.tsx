'use client';

import { useState, useTransition } from 'react';
import type { FeedbackRatingTarget } from '@/lib/peer/feedback-rating-target';
import type { FeedbackQualityName, RateFeedbackInput, RateFeedbackResult } from '@/lib/peer/rate-feedback.schema';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';


interface FeedbackRatingPanelProps {
  sessionId: string;
  targets: FeedbackRatingTarget[];
  rate: (input: RateFeedbackInput) => Promise<RateFeedbackResult>;
}

/** The candidate's one-click verdict on each interviewer's feedback: "Helpful" and "Specific" toggles. */
export function FeedbackRatingPanel({ sessionId, targets, rate }: FeedbackRatingPanelProps) {
  const [ratings, setRatings] = useState(targets);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const toggle = (target: FeedbackRatingTarget, quality: FeedbackQualityName) => {
    const value = quality === 'helpful' ? !target.isHelpful : !target.isSpecific;
    setError(null);
    startTransition(async () => {
      const result = await rate({ sessionId, roundId: target.roundId, interviewerId: target.interviewerId, quality, value });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setRatings((current) =>
        current.map((entry) => (entry.roundId === result.rating.roundId && entry.interviewerId === result.rating.interviewerId ? result.rating : entry)),
      );
    });
  };

  return (
    <section className="card feedback-rating" aria-labelledby="feedback-rating-heading">
      <h2 id="feedback-rating-heading">Rate this feedback</h2>
      <p className="muted">One click each. Your interviewers see only the totals, on their profile.</p>
      <ul className="feedback-rating-list">
        {ratings.map((target) => (
          <li key={`${target.roundId}:${target.interviewerId}`} data-testid="feedback-rating">
            <span>
              Round {target.position + 1} · {ROUND_KIND_LABELS[target.kind]} · {target.interviewerName}
            </span>
            <span className="feedback-rating-toggles">
              <button type="button" className="button small" aria-pressed={target.isHelpful} disabled={isPending} onClick={() => toggle(target, 'helpful')}>
                Helpful
              </button>
              <button type="button" className="button small" aria-pressed={target.isSpecific} disabled={isPending} onClick={() => toggle(target, 'specific')}>
                Specific
              </button>
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
