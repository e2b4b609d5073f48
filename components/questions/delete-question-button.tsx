'use client';

import { useFormStatus } from 'react-dom';

/** A submit button that asks first: a deleted question leaves the bank for good (sessions keep their copy). */
export function DeleteQuestionButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className="button danger"
      disabled={pending}
      onClick={(event) => {
        if (!window.confirm('Delete this question? It leaves the bank; past sessions keep showing it.')) event.preventDefault();
      }}
    >
      {pending ? 'Deleting…' : 'Delete'}
    </button>
  );
}
