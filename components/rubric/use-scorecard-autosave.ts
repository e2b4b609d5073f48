'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ack } from '@/lib/realtime/ack';
import type { ScorecardCommand } from '@/lib/scorecards/scorecard-commands.schema';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';

export type SaveScorecard = (command: ScorecardCommand) => Promise<Ack<ScorecardView>>;

export type SaveStatus = { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; message: string; retry: () => void };

export interface ScorecardAutosave {
  scorecard: ScorecardView;
  status: SaveStatus;
  /** Shows `optimistic` at once, then saves; on refusal, rolls back to the last saved scorecard. */
  send: (command: ScorecardCommand, optimistic?: (current: ScorecardView) => ScorecardView) => Promise<boolean>;
}

/**
 * Saves a scorecard one command at a time, in order, so a later edit can never land before an earlier one.
 * `external` replaces the shown scorecard when it changes elsewhere (another tab) while nothing is pending.
 */
export function useScorecardAutosave(initial: ScorecardView, save: SaveScorecard, external?: ScorecardView | null): ScorecardAutosave {
  const [scorecard, setScorecard] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const confirmed = useRef(initial);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  // A failed save's retry sends it again through the current `send`.
  const sendRef = useRef<ScorecardAutosave['send'] | null>(null);

  useEffect(() => {
    if (!external || pending.current > 0) return;
    confirmed.current = external;
    setScorecard(external);
  }, [external]);

  const send = useCallback(
    (command: ScorecardCommand, optimistic?: (current: ScorecardView) => ScorecardView): Promise<boolean> => {
      if (optimistic) setScorecard(optimistic);
      pending.current += 1;
      setStatus({ state: 'saving' });
      const result = queue.current.then(async () => {
        const ack = await save(command);
        pending.current -= 1;
        if (ack.ok) {
          confirmed.current = ack.data;
          // Later commands are still queued: their optimistic changes stay on screen until they answer.
          if (pending.current === 0) setScorecard(ack.data);
          setStatus(pending.current === 0 ? { state: 'saved' } : { state: 'saving' });
          return true;
        }
        setScorecard(confirmed.current);
        setStatus({ state: 'failed', message: ack.message, retry: () => void sendRef.current?.(command, optimistic) });
        return false;
      });
      queue.current = result;
      return result;
    },
    [save],
  );

  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  return { scorecard, status, send };
}
