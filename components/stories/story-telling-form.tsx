'use client';

import { useActionState, useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import type { Ack } from '@/lib/realtime/ack';
import type { StoryTellingFormState } from '@/lib/stories/link-story-telling';
import type { TellableRoundView } from '@/lib/stories/story-views';
import { FormError } from '@/components/ui/form-error';


interface StoryTellingFormProps {
  rounds: TellableRoundView[];
  linkedRoundIds: string[];
  linkAction: (previous: StoryTellingFormState, form: FormData) => Promise<StoryTellingFormState>;
  unlinkAction: (roundId: string) => Promise<Ack<Record<string, never>>>;
}

const describe = (round: TellableRoundView) => `${round.sessionTitle}, round ${round.roundPosition + 1} (${round.heldAt.slice(0, 10)})`;

/** Says which behavioral round a story was told in, or takes that back. */
export function StoryTellingForm({ rounds, linkedRoundIds, linkAction, unlinkAction }: StoryTellingFormProps) {
  const [state, formAction, isPending] = useActionState<StoryTellingFormState, FormData>(linkAction, { status: 'idle', attempt: 0 });
  const [unlinkError, setUnlinkError] = useState<string | null>(null);
  const linked = rounds.filter((round) => linkedRoundIds.includes(round.roundId));
  const open = rounds.filter((round) => !linkedRoundIds.includes(round.roundId));

  const unlink = async (roundId: string) => {
    const ack = await unlinkAction(roundId);
    setUnlinkError(ack.ok ? null : ack.message);
  };

  return (
    <section className="card" aria-labelledby="tellings-heading">
      <h2 id="tellings-heading">Told in a mock</h2>
      <p className="muted">Link the behavioral rounds you told this story in; the ledger shows their rating once your interviewer publishes it.</p>
      {linked.length > 0 ? (
        <ul className="story-tellings">
          {linked.map((round) => (
            <li key={round.roundId}>
              {describe(round)}{' '}
              <button type="button" className="button subtle" onClick={() => void unlink(round.roundId)} aria-label={`Unlink ${describe(round)}`}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {rounds.length === 0 ? (
        <p className="muted">You have not been the candidate in a behavioral round yet.</p>
      ) : open.length > 0 ? (
        <form action={formAction} className="inline-form">
          <SelectField
            key={state.attempt}
            label="Behavioral round"
            name="roundId"
            options={open.map((round) => ({ value: round.roundId, label: describe(round) }))}
            placeholder="Choose a round…"
            errors={state.status === 'error' ? [state.message] : undefined}
          />
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? 'Linking…' : 'Link round'}
          </button>
        </form>
      ) : null}
      <FormError message={unlinkError} />
    </section>
  );
}
