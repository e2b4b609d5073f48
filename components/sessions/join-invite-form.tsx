'use client';

import { useActionState } from 'react';
import type { ButtonFormState } from '@/lib/http/form-state';

interface JoinInviteFormProps {
  action: (previous: ButtonFormState, form: FormData) => Promise<ButtonFormState>;
  /** A peer session's invite: the joiner becomes the partner, not the candidate. */
  isPeer?: boolean;
  /** A shadow interviewer's invite. */
  isShadow?: boolean;
}

export function JoinInviteForm({ action, isPeer = false, isShadow = false }: JoinInviteFormProps) {
  const [state, formAction, isPending] = useActionState<ButtonFormState, FormData>(action, { status: 'idle' });
  return (
    <form action={formAction} className="join-invite">
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={isPending}>
        {isPending ? 'Joining…' : isPeer ? 'Join as partner' : isShadow ? 'Join as shadow interviewer' : 'Join as candidate'}
      </button>
    </form>
  );
}
