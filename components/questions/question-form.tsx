'use client';

import { IntentLink } from '@/components/ui/intent-link';
import { useActionState, useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { LEVELS } from '@/lib/rubric/levels';
import { ROUND_KIND_LABELS, ROUND_KINDS, type RoundKind } from '@/lib/rounds/round-kind';
import { DIFFICULTY_LABELS } from '@/lib/questions/difficulty-labels';
import { DIFFICULTIES, TWIST_ROUND_KINDS } from '@/lib/questions/question-vocabulary';
import type { QuestionFormState, QuestionFormValues } from '@/lib/questions/question-form.schema';
import {
  PROMPT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  TWIST_PROMPT_MAX_LENGTH,
  TWIST_SLOTS,
  TWIST_STRONG_ANSWER_MAX_LENGTH,
  TWIST_TITLE_MAX_LENGTH,
} from '@/lib/questions/question-limits';

type SignalOptions = Record<RoundKind, { key: string; label: string }[]>;

interface QuestionFormProps {
  action: (previous: QuestionFormState, form: FormData) => Promise<QuestionFormState>;
  initialValues: QuestionFormValues;
  signalOptions: SignalOptions;
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
}

const ROUND_OPTIONS = ROUND_KINDS.map((kind) => ({ value: kind, label: ROUND_KIND_LABELS[kind] }));
const DIFFICULTY_OPTIONS = DIFFICULTIES.map((difficulty) => ({ value: difficulty, label: DIFFICULTY_LABELS[difficulty] }));

export function QuestionForm({ action, initialValues, signalOptions, submitLabel, pendingLabel, cancelHref }: QuestionFormProps) {
  const [state, formAction, isPending] = useActionState<QuestionFormState, FormData>(action, { status: 'idle', attempt: 0 });
  const values = state.status === 'error' ? state.values : initialValues;
  const fieldErrors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="question-form" noValidate>
      {/* React resets a form after its action; remounting the fields per attempt refills them with what was sent. */}
      <QuestionFormFields key={state.attempt} values={values} fieldErrors={fieldErrors} signalOptions={signalOptions} />
      {state.status === 'error' ? (
        <p className="form-error" role={Object.keys(state.fieldErrors).length === 0 ? 'alert' : undefined}>
          {state.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? pendingLabel : submitLabel}
        </button>
        <IntentLink href={cancelHref} className="button subtle">
          Cancel
        </IntentLink>
      </div>
    </form>
  );
}

interface QuestionFormFieldsProps {
  values: QuestionFormValues;
  fieldErrors: Record<string, string[]>;
  signalOptions: SignalOptions;
}

function QuestionFormFields({ values, fieldErrors, signalOptions }: QuestionFormFieldsProps) {
  // The round decides which signals may be ticked, so it is the one field the form watches.
  const [roundKind, setRoundKind] = useState(values.roundKind);
  const signals = signalOptions[roundKind as RoundKind] ?? [];
  return (
    <>
      <TextField label="Title" name="title" defaultValue={values.title} maxLength={TITLE_MAX_LENGTH} errors={fieldErrors.title} required />
      <div className="field-row">
        <SelectField
          label="Round"
          name="roundKind"
          options={ROUND_OPTIONS}
          placeholder="Choose a round…"
          // Uncontrolled on purpose: React's form reset after an action restores defaultValue, not a controlled value.
          defaultValue={values.roundKind}
          onChange={(event) => setRoundKind(event.target.value)}
          errors={fieldErrors.roundKind}
          required
        />
        <SelectField
          label="Difficulty"
          name="difficulty"
          options={DIFFICULTY_OPTIONS}
          placeholder="Choose a difficulty…"
          defaultValue={values.difficulty}
          errors={fieldErrors.difficulty}
          required
        />
      </div>
      <TextareaField
        label="Prompt"
        name="prompt"
        className="mono"
        rows={12}
        defaultValue={values.prompt}
        maxLength={PROMPT_MAX_LENGTH}
        errors={fieldErrors.prompt}
        hint="Markdown. The candidate sees exactly this, so include table schemas and sample rows."
        required
      />

      <fieldset className="guide-fields">
        <legend>Interviewer guide</legend>
        <p className="field-hint">
          Only you and the interviewers of sessions that use this question see this part; candidates never do.
        </p>
        <TextareaField
          label="Solution"
          name="solution"
          className="mono"
          rows={10}
          defaultValue={values.solution}
          errors={fieldErrors.solution}
          hint="Markdown: a reference answer and the traps to watch for."
        />
        <TextareaField
          label="Hints"
          name="hints"
          rows={4}
          defaultValue={values.hints}
          errors={fieldErrors.hints}
          hint="One per line, mildest first."
        />
        {LEVELS.map((level) => (
          <div className="probe-row" key={level}>
            <TextareaField
              label={`${level} probe`}
              name={`probe${level}`}
              rows={2}
              defaultValue={values[`probe${level}`]}
              errors={fieldErrors[`probe${level}`]}
            />
            <TextareaField
              label="What to look for"
              name={`probe${level}LookFor`}
              rows={2}
              defaultValue={values[`probe${level}LookFor`]}
              errors={fieldErrors[`probe${level}LookFor`]}
            />
          </div>
        ))}
        <fieldset className="signal-fields" aria-describedby={fieldErrors.signalKeys?.length ? 'field-signalKeys-error' : undefined}>
          <legend>Signals it exercises</legend>
          {signals.length === 0 ? (
            <p className="field-hint">Choose a round to pick from its signals.</p>
          ) : (
            signals.map((signal) => (
              <label className="checkbox" key={signal.key}>
                <input type="checkbox" name="signalKeys" value={signal.key} defaultChecked={values.signalKeys.includes(signal.key)} />
                {signal.label}
              </label>
            ))
          )}
          {fieldErrors.signalKeys?.length ? (
            <p className="field-error" id="field-signalKeys-error" role="alert">
              {fieldErrors.signalKeys.join(' ')}
            </p>
          ) : null}
        </fieldset>
        {TWIST_ROUND_KINDS.includes(roundKind as RoundKind) ? (
          <TwistFields values={values} fieldErrors={fieldErrors} signals={signals} />
        ) : null}
      </fieldset>
    </>
  );
}

/**
 * Scripted twists the interviewer fires live: title and text reach the candidate when fired, the strong answer and
 * the probed signal never do. Empty slots are ignored; each slot's key rides along hidden so an edit keeps it.
 */
function TwistFields({ values, fieldErrors, signals }: Omit<QuestionFormFieldsProps, 'signalOptions'> & { signals: { key: string; label: string }[] }) {
  const signalOptions = signals.map((signal) => ({ value: signal.key, label: signal.label }));
  return (
    <fieldset className="twist-fields">
      <legend>Scripted twists</legend>
      <p className="field-hint">Up to {TWIST_SLOTS.length}. Fire them from the room’s Scorecard tab; leave a slot empty to skip it.</p>
      {TWIST_SLOTS.map((slot) => (
        <div className="twist-slot" key={slot}>
          <input type="hidden" name={`twist${slot}Key`} defaultValue={values[`twist${slot}Key`]} />
          <TextField
            label={`Twist ${slot} name`}
            name={`twist${slot}Title`}
            defaultValue={values[`twist${slot}Title`]}
            maxLength={TWIST_TITLE_MAX_LENGTH}
            errors={fieldErrors[`twist${slot}Title`]}
          />
          <TextareaField
            label={`Twist ${slot}: what the candidate sees`}
            name={`twist${slot}Prompt`}
            rows={2}
            defaultValue={values[`twist${slot}Prompt`]}
            maxLength={TWIST_PROMPT_MAX_LENGTH}
            errors={fieldErrors[`twist${slot}Prompt`]}
          />
          <TextareaField
            label={`Twist ${slot}: what a strong answer covers`}
            name={`twist${slot}StrongAnswer`}
            rows={2}
            defaultValue={values[`twist${slot}StrongAnswer`]}
            maxLength={TWIST_STRONG_ANSWER_MAX_LENGTH}
            errors={fieldErrors[`twist${slot}StrongAnswer`]}
          />
          <SelectField
            label={`Twist ${slot}: signal it probes`}
            name={`twist${slot}Signal`}
            options={signalOptions}
            placeholder="Choose a signal…"
            defaultValue={values[`twist${slot}Signal`]}
            errors={fieldErrors[`twist${slot}Signal`]}
          />
        </div>
      ))}
    </fieldset>
  );
}
