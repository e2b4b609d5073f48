'use client';

import { useActionState, useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ButtonFormState } from '@/lib/http/form-state';
import type { CreateInviteState } from '@/lib/sessions/create-invite';
import { LocalTime } from './local-time';

export interface InviteRow {
  id: string;
  inviteeEmail: string | null;
  expiresAt: string;
  revokedAt: string | null;
  redeemedAt: string | null;
  redeemedByName: string | null;
  kind: 'CANDIDATE' | 'SHADOW' | 'PEER';
}

interface InvitePanelProps {
  invites: InviteRow[];
  /** Rendered on the server, so "expired" is judged by the server's clock at render time. */
  renderedAt: number;
  createAction: (previous: CreateInviteState, form: FormData) => Promise<CreateInviteState>;
  revokeAction: (inviteId: string, previous: ButtonFormState, form: FormData) => Promise<ButtonFormState>;
  /** Who the link is for: the candidate, or in a peer session the partner. */
  invitee?: 'candidate' | 'partner';
  /** The lead interviewer of a classic session may also invite a shadow interviewer. */
  canInviteShadow?: boolean;
}

const EXPIRY_OPTIONS = [
  { value: '1', label: '1 hour' },
  { value: '24', label: '24 hours' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days' },
  { value: '720', label: '30 days' },
];

export function InvitePanel({ invites, renderedAt, createAction, revokeAction, invitee = 'candidate', canInviteShadow = false }: InvitePanelProps) {
  const [state, formAction, isPending] = useActionState<CreateInviteState, FormData>(createAction, { status: 'idle', attempt: 0 });
  const values = state.status === 'error' ? state.values : { inviteeEmail: '', expiresInHours: '72', inviteAs: 'CANDIDATE' };
  const fieldErrors = state.status === 'error' ? state.fieldErrors : {};
  // The radio's choice names the email field; each submission remounts the form, which starts from `values` again.
  const [choice, setChoice] = useState({ attempt: state.attempt, inviteAs: values.inviteAs });
  const inviteAs = choice.attempt === state.attempt ? choice.inviteAs : values.inviteAs;
  const setInviteAs = (next: string) => setChoice({ attempt: state.attempt, inviteAs: next });

  return (
    <section className="card invite-panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{invitee === 'partner' ? 'Invite your partner' : canInviteShadow ? 'Invite people' : 'Invite a candidate'}</h2>
      <form action={formAction} className="invite-form" noValidate key={state.attempt}>
        {canInviteShadow ? (
          <fieldset className="invite-kind">
            <legend>Invite as</legend>
            <label>
              <input type="radio" name="inviteAs" value="CANDIDATE" defaultChecked={values.inviteAs !== 'SHADOW'} onChange={() => setInviteAs('CANDIDATE')} /> Candidate
            </label>
            <label>
              <input type="radio" name="inviteAs" value="SHADOW" defaultChecked={values.inviteAs === 'SHADOW'} onChange={() => setInviteAs('SHADOW')} /> Shadow interviewer
              <span className="field-hint">(sees the guides, keeps their own scorecard)</span>
            </label>
          </fieldset>
        ) : null}
        <TextField
          label={invitee === 'partner' ? "Partner's email (optional)" : inviteAs === 'SHADOW' ? "Shadow interviewer's email (optional)" : "Candidate's email (optional)"}
          name="inviteeEmail"
          type="email"
          defaultValue={values.inviteeEmail}
          errors={fieldErrors.inviteeEmail}
          hint="Only this person will be able to use the link."
        />
        <SelectField label="Link expires after" name="expiresInHours" options={EXPIRY_OPTIONS} defaultValue={values.expiresInHours} errors={fieldErrors.expiresInHours} />
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Creating…' : 'Create invite link'}
        </button>
      </form>
      {state.status === 'error' && Object.keys(state.fieldErrors).length === 0 ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {/* Shown once; hidden again as soon as that invite is revoked, so nobody sends a dead link. */}
      {state.status === 'created' && !invites.some((invite) => invite.id === state.inviteId && invite.revokedAt) ? (
        <CreatedLink token={state.token} inviteeEmail={state.inviteeEmail} expiresAt={state.expiresAt} invitee={state.kind === 'SHADOW' ? 'shadow interviewer' : invitee} />
      ) : null}

      {invites.length > 0 ? (
        <ul className="invite-list" aria-label="Invites">
          {invites.map((invite) => (
            <InviteItem key={invite.id} invite={invite} renderedAt={renderedAt} revokeAction={revokeAction} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function CreatedLink({ token, inviteeEmail, expiresAt, invitee }: { token: string; inviteeEmail: string | null; expiresAt: string; invitee: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const link = `${window.location.origin}/invite/${token}`;
  return (
    <div className="created-invite" role="status">
      <p>
        Send this link to {inviteeEmail ?? `your ${invitee}`}. It is shown only once and works until <LocalTime iso={expiresAt} />.
      </p>
      <div className="copy-row">
        <input
          aria-label="Invite link"
          className="invite-link"
          value={link}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          data-testid="invite-link"
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            navigator.clipboard.writeText(link).then(
              () => setCopied('copied'),
              () => setCopied('failed'),
            );
          }}
        >
          {copied === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' ? <p className="field-hint">Copying was blocked by the browser; select the link and copy it by hand.</p> : null}
    </div>
  );
}

function InviteItem({
  invite,
  renderedAt,
  revokeAction,
}: {
  invite: InviteRow;
  renderedAt: number;
  revokeAction: InvitePanelProps['revokeAction'];
}) {
  const [state, formAction, isPending] = useActionState<ButtonFormState, FormData>(revokeAction.bind(null, invite.id), { status: 'idle' });
  const isUsable = !invite.revokedAt && !invite.redeemedAt && new Date(invite.expiresAt).getTime() > renderedAt;
  return (
    <li>
      <div>
        <strong>{invite.inviteeEmail ?? 'Anyone with the link'}</strong>
        {invite.kind === 'SHADOW' ? <span className="badge invite-kind-badge">Shadow interviewer</span> : null}
        <p className="muted invite-status">
          {invite.redeemedAt ? (
            `Joined${invite.redeemedByName ? ` as ${invite.redeemedByName}` : ''}`
          ) : invite.revokedAt ? (
            'Revoked'
          ) : isUsable ? (
            <>
              Open until <LocalTime iso={invite.expiresAt} />
            </>
          ) : (
            'Expired'
          )}
        </p>
        {state.status === 'error' ? (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
      {isUsable ? (
        <form action={formAction}>
          <button type="submit" className="button danger" disabled={isPending}>
            {isPending ? 'Revoking…' : 'Revoke'}
          </button>
        </form>
      ) : null}
    </li>
  );
}
