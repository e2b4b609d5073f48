'use client';

import { useCallback, useRef, useState } from 'react';
import type { Ack } from '@/lib/realtime/ack';

export interface CommandRunner {
  /** The name of the command waiting for its ack, if any: its button (and its siblings) stay disabled. */
  pending: string | null;
  /** The last refusal or timeout, shown next to the buttons until the next command. */
  error: string | null;
  run: <T>(name: string, send: () => Promise<Ack<T>>) => Promise<Ack<T> | null>;
}

/** One command at a time per group of buttons: a second click while the first is unanswered does nothing. */
export function useCommand(): CommandRunner {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The state above re-renders a tick later; the ref refuses a double click inside that tick.
  const isBusy = useRef(false);

  const run = useCallback(async <T,>(name: string, send: () => Promise<Ack<T>>): Promise<Ack<T> | null> => {
    if (isBusy.current) return null;
    isBusy.current = true;
    setPending(name);
    setError(null);
    try {
      const ack = await send();
      if (!ack.ok) setError(ack.message);
      return ack;
    } finally {
      isBusy.current = false;
      setPending(null);
    }
  }, []);

  return { pending, error, run };
}
