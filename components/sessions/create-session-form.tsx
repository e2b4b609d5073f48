'use client';

import { IntentLink } from '@/components/ui/intent-link';
import { useActionState, useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { E6_FULL_LOOP, SQL_VELOCITY_DRILL, type LoopTemplateKey } from '@/lib/rounds/loop-templates';
import { ROUND_KIND_LABELS, ROUND_KINDS } from '@/lib/rounds/round-kind';
import type { CreateSessionState, CreateSessionValues } from '@/lib/sessions/create-session.schema';

export const EMPTY_CREATE_SESSION_VALUES: CreateSessionValues = {
  title: '',
  template: 'SQL_VELOCITY_DRILL',
  singleRoundKind: '',
  customRoundKinds: [],
  scheduledLocal: '',
};

const FORMAT_CHOICES: { key: LoopTemplateKey; title: string; description: string }[] = [
  { key: 'E6_FULL_LOOP', title: E6_FULL_LOOP.title, description: E6_FULL_LOOP.description },
  { key: 'SQL_VELOCITY_DRILL', title: SQL_VELOCITY_DRILL.title, description: SQL_VELOCITY_DRILL.description },
  { key: 'SINGLE_ROUND', title: 'One round', description: 'Practise a single round of your choice.' },
  { key: 'CUSTOM', title: 'Custom loop', description: 'Pick the rounds to run; they run in loop order.' },
  {
    key: 'PEER_SWAP',
    title: 'Peer practice: take turns',
    description: 'With a peer: each round you pick is played twice, you interview first, then they do, with different questions.',
  },
];

const ROUND_OPTIONS = ROUND_KINDS.map((kind) => ({ value: kind, label: ROUND_KIND_LABELS[kind] }));

interface CreateSessionFormProps {
  action: (previous: CreateSessionState, form: FormData) => Promise<CreateSessionState>;
}

export function CreateSessionForm({ action }: CreateSessionFormProps) {
  const [state, formAction, isPending] = useActionState<CreateSessionState, FormData>(action, { status: 'idle', attempt: 0 });
  const values = state.status === 'error' ? state.values : EMPTY_CREATE_SESSION_VALUES;
  const fieldErrors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="question-form" noValidate>
      {/* React resets a form after its action; remounting the fields per attempt refills them with what was sent. */}
      <CreateSessionFields key={state.attempt} values={values} fieldErrors={fieldErrors} />
      {state.status === 'error' ? (
        <p className="form-error" role={Object.keys(state.fieldErrors).length === 0 ? 'alert' : undefined}>
          {state.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Creating…' : 'Create session'}
        </button>
        <IntentLink href="/sessions" className="button subtle">
          Cancel
        </IntentLink>
      </div>
    </form>
  );
}

function CreateSessionFields({ values, fieldErrors }: { values: CreateSessionValues; fieldErrors: Record<string, string[]> }) {
  // The format decides which round pickers show, so it is the one choice the form watches.
  const [template, setTemplate] = useState(values.template);
  // The browser's datetime-local value has no zone; the server gets the instant, converted here where the zone is known.
  const [scheduledAt, setScheduledAt] = useState(() => toIsoInstant(values.scheduledLocal));
  const roundErrors = [...(fieldErrors.roundKinds ?? []), ...(fieldErrors.kinds ?? [])];

  return (
    <>
      <TextField
        label="Title"
        name="title"
        defaultValue={values.title}
        maxLength={120}
        placeholder="e.g. SQL drill with Sam"
        errors={fieldErrors.title}
        required
      />

      <fieldset className="format-choices" aria-describedby={fieldErrors.template ? 'template-error' : undefined}>
        <legend>Format</legend>
        {FORMAT_CHOICES.map((choice) => (
          <label key={choice.key} className={`format-choice${template === choice.key ? ' selected' : ''}`}>
            <input
              type="radio"
              name="template"
              value={choice.key}
              defaultChecked={values.template === choice.key}
              onChange={() => setTemplate(choice.key)}
            />
            <span>
              <strong>{choice.title}</strong>
              <span className="muted">{choice.description}</span>
            </span>
          </label>
        ))}
        {fieldErrors.template ? (
          <p className="field-error" id="template-error" role="alert">
            {fieldErrors.template.join(' ')}
          </p>
        ) : null}
      </fieldset>

      {template === 'SINGLE_ROUND' ? (
        <SelectField
          label="Round"
          name="singleRoundKind"
          options={ROUND_OPTIONS}
          placeholder="Choose a round…"
          defaultValue={values.singleRoundKind}
          errors={roundErrors.length ? roundErrors : undefined}
          required
        />
      ) : null}

      {template === 'CUSTOM' || template === 'PEER_SWAP' ? (
        <fieldset className="signal-fields" aria-describedby={roundErrors.length ? 'rounds-error' : 'rounds-hint'}>
          <legend>Rounds</legend>
          {ROUND_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input type="checkbox" name="customRoundKinds" value={kind} defaultChecked={values.customRoundKinds.includes(kind)} />
              {ROUND_KIND_LABELS[kind]}
            </label>
          ))}
          {roundErrors.length ? (
            <p className="field-error" id="rounds-error" role="alert">
              {roundErrors.join(' ')}
            </p>
          ) : (
            <p className="field-hint" id="rounds-hint">
              {template === 'PEER_SWAP'
                ? 'Each is played twice in this order: you interview first, then your partner interviews you on new questions.'
                : 'They run in this order, the order of the real loop.'}
            </p>
          )}
        </fieldset>
      ) : null}

      <TextField
        label="Scheduled for (optional)"
        name="scheduledLocal"
        type="datetime-local"
        defaultValue={values.scheduledLocal}
        onChange={(event) => setScheduledAt(toIsoInstant(event.target.value))}
        errors={fieldErrors.scheduledAt}
        hint="In your time zone. Leave empty to start whenever you are both ready."
      />
      <input type="hidden" name="scheduledAt" value={scheduledAt} />
    </>
  );
}

function toIsoInstant(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
