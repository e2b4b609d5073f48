'use client';

import { useActionState } from 'react';
import { TextareaField } from '@/components/ui/textarea-field';
import type { LoopCallFormState } from '@/lib/scorecards/save-loop-debrief';
import { MAX_RATIONALE_LENGTH, STAFF_BAR_CALL_LABELS, STAFF_BAR_CALLS, type StaffBarCallName } from '@/lib/scorecards/scorecard-vocabulary';

interface LoopCallFormProps {
  saved: { staffBarCall: StaffBarCallName | null; rationale: string } | null;
  isLocked: boolean;
  action: (previous: LoopCallFormState, form: FormData) => Promise<LoopCallFormState>;
}

/** The viewer's Staff-bar call across the loop, with the rationale a hiring committee would ask for. */
export function LoopCallForm({ saved, isLocked, action }: LoopCallFormProps) {
  const [state, formAction, isPending] = useActionState<LoopCallFormState, FormData>(action, { status: 'idle', attempt: 0 });
  // React resets a form after its action: show what was submitted, not the stale saved copy.
  const values = state.status === 'idle' ? { staffBarCall: saved?.staffBarCall ?? '', rationale: saved?.rationale ?? '' } : state.values;

  return (
    <form action={formAction} className="loop-call" key={state.attempt}>
      <fieldset disabled={isLocked || isPending}>
        <legend>Your Staff-bar call</legend>
        {STAFF_BAR_CALLS.map((call) => (
          <label key={call} className="choice">
            <input type="radio" name="staffBarCall" value={call} defaultChecked={values.staffBarCall === call} />
            {STAFF_BAR_CALL_LABELS[call]}
          </label>
        ))}
        <TextareaField
          label="Rationale"
          name="rationale"
          rows={5}
          maxLength={MAX_RATIONALE_LENGTH}
          defaultValue={values.rationale}
          hint="Which signals decided it, across rounds. Shared with the candidate when you publish."
        />
        <button type="submit" className="button primary">
          {isPending ? 'Saving…' : 'Save call'}
        </button>
      </fieldset>
      {state.status === 'saved' ? (
        <p className="muted" role="status">
          Saved.
        </p>
      ) : null}
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
