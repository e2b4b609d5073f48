'use client';

import { IntentLink } from '@/components/ui/intent-link';
import { useActionState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import type { StoryFormState, StoryFormValues } from '@/lib/stories/story-form.schema';
import {
  SPSIL_LABELS,
  SPSIL_PARTS,
  STORY_COMPETENCIES,
  STORY_COMPETENCY_LABELS,
  STORY_METRICS_MAX_LENGTH,
  STORY_PART_MAX_LENGTH,
  STORY_SCOPE_LABELS,
  STORY_SCOPES,
  STORY_TITLE_MAX_LENGTH,
} from '@/lib/stories/story-vocabulary';

interface StoryFormProps {
  action: (previous: StoryFormState, form: FormData) => Promise<StoryFormState>;
  initialValues: StoryFormValues;
  submitLabel: string;
  pendingLabel: string;
}

const SCOPE_OPTIONS = STORY_SCOPES.map((scope) => ({ value: scope, label: STORY_SCOPE_LABELS[scope] }));

const PART_HINTS = {
  situation: 'The business context and its scale, briefly.',
  problem: 'The technical root cause, precisely.',
  solution: 'Your decision and the alternatives you rejected, with why.',
  impact: 'The outcome in numbers.',
  lessons: 'What you would do differently.',
} as const;

export function StoryForm({ action, initialValues, submitLabel, pendingLabel }: StoryFormProps) {
  const [state, formAction, isPending] = useActionState<StoryFormState, FormData>(action, { status: 'idle', attempt: 0 });
  const values = state.status === 'error' ? state.values : initialValues;
  const fieldErrors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="story-form" noValidate>
      {/* Remounted per attempt: React resets a form after its action, this refills it with what was sent. */}
      <div key={state.attempt} className="story-form-fields">
        <TextField label="Title" name="title" defaultValue={values.title} maxLength={STORY_TITLE_MAX_LENGTH} errors={fieldErrors.title} required />
        <SelectField
          label="Scope"
          name="scope"
          options={SCOPE_OPTIONS}
          placeholder="Choose a scope…"
          defaultValue={values.scope}
          errors={fieldErrors.scope}
          required
        />
        {SPSIL_PARTS.map((part) => (
          <TextareaField
            key={part}
            label={SPSIL_LABELS[part]}
            name={part}
            rows={3}
            defaultValue={values[part]}
            maxLength={STORY_PART_MAX_LENGTH}
            errors={fieldErrors[part]}
            hint={PART_HINTS[part]}
          />
        ))}
        <TextareaField
          label="Numbers and metrics"
          name="metrics"
          rows={2}
          defaultValue={values.metrics}
          maxLength={STORY_METRICS_MAX_LENGTH}
          errors={fieldErrors.metrics}
          hint="Latency, volume, cost, tickets, people: what makes the impact concrete."
        />
        <fieldset className="competency-fields" aria-describedby={fieldErrors.competencies?.length ? 'field-competencies-error' : undefined}>
          <legend>Competencies it proves</legend>
          {STORY_COMPETENCIES.map((competency) => (
            <label className="checkbox" key={competency}>
              <input type="checkbox" name="competencies" value={competency} defaultChecked={values.competencies.includes(competency)} />
              {STORY_COMPETENCY_LABELS[competency]}
            </label>
          ))}
          {fieldErrors.competencies?.length ? (
            <p className="field-error" id="field-competencies-error" role="alert">
              {fieldErrors.competencies.join(' ')}
            </p>
          ) : null}
        </fieldset>
      </div>
      {state.status === 'error' ? (
        <p className="form-error" role={Object.keys(state.fieldErrors).length === 0 ? 'alert' : undefined}>
          {state.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? pendingLabel : submitLabel}
        </button>
        <IntentLink href="/stories" className="button subtle">
          Cancel
        </IntentLink>
      </div>
    </form>
  );
}
