'use client';

import { useActionState } from 'react';

export type JoinInviteState = { status: 'idle' } | { status: 'error'; message: string };

interface JoinInviteFormProps {
  action: (previous: JoinInviteState, form: FormData) => Promise<JoinInviteState>;
  /** A peer session's invite: the joiner becomes the partner, not the candidate. */
  isPeer?: boolean;
}

export function JoinInviteForm({ action, isPeer = false }: JoinInviteFormProps) {
  const [state, formAction, isPending] = useActionState<JoinInviteState, FormData>(action, { status: 'idle' });
  return (
    <form action={formAction} className="join-invite">
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={isPending}>
        {isPending ? 'Joining…' : isPeer ? 'Join as partner' : 'Join as candidate'}
      </button>
    </form>
  );
}
