'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Ack } from '@/lib/realtime/ack';
import { FormError } from '@/components/ui/form-error';

/** Deletes the story after a confirmation, then returns to the ledger. */
export function DeleteStoryButton({ title, deleteAction }: { title: string; deleteAction: () => Promise<Ack<Record<string, never>>> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const remove = async () => {
    if (!window.confirm(`Delete “${title}”? This cannot be undone.`)) return;
    setIsPending(true);
    const ack = await deleteAction();
    setIsPending(false);
    if (ack.ok) router.push('/stories');
    else setError(ack.message);
  };
  return (
    <>
      <button type="button" className="button danger" disabled={isPending} onClick={() => void remove()}>
        {isPending ? 'Deleting…' : 'Delete story'}
      </button>
      <FormError message={error} />
    </>
  );
}
