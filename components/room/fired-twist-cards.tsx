'use client';

import { useEffect, useRef, useState } from 'react';
import type { FiredTwistView } from '@/lib/twists/fired-twist-view';
import { formatElapsed } from '@/lib/timer/round-clock';

/**
 * The twists sprung on the candidate, newest first, as cards under the question. A twist that arrives while the
 * page is open is also read out by screen readers: the status region exists from the first render (a live region
 * added together with its text is not announced), and only twists new since then fill it.
 */
export function FiredTwistCards({ twists }: { twists: FiredTwistView[] }) {
  const seen = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(twists.map((twist) => twist.id));
      return;
    }
    const arrived = twists.filter((twist) => !seen.current!.has(twist.id));
    for (const twist of arrived) seen.current.add(twist.id);
    const latest = arrived.at(-1);
    if (latest) setAnnouncement(`New twist from your interviewer: ${latest.title}. ${latest.prompt}`);
  }, [twists]);

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {twists.length > 0 ? (
        <ol className="twist-cards" aria-label="Twists">
          {[...twists].reverse().map((twist) => (
            <li key={twist.id} className="twist-card" data-testid="twist-card">
              <p className="twist-card-heading">
                <span className="badge twist-badge">Twist</span> <strong>{twist.title}</strong>
                <span className="muted"> at {formatElapsed(twist.firedAtElapsedMs)}</span>
              </p>
              <p className="twist-card-prompt">{twist.prompt}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
