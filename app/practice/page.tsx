import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { PracticeLobby } from '@/components/peer/practice-lobby';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { findCurrentMatchRequest } from '@/lib/peer/find-current-match-request';
import { requireUser } from '../authenticated-action';

export const metadata: Metadata = { title: 'Find a partner · mockloop' };

/** The lobby: ask for a practice partner, live over the socket; a match takes both people to the session. */
export default async function PracticePage() {
  const user = await requireUser('/practice');
  const current = await findCurrentMatchRequest(getDb(), user.id, getEnv().PEER_NO_SHOW_MINUTES * 60_000);

  return (
    <main className="page narrow practice">
      <h1>Find a practice partner</h1>
      <p className="lede">
        Choose what to practise, your level and when. Someone with a round in common, a level within one step of yours and an overlapping time is matched
        with you, and you take turns: each round is played twice, once with each of you as the interviewer.
      </p>
      {current?.status === 'MATCHED' ? (
        <div className="card match-found" role="status">
          <h2>You have a partner</h2>
          <p>You were matched while away. Join the session before your partner gives up on you.</p>
          <IntentLink className="button primary" href={`/sessions/${current.sessionId}`}>
            Go to the session
          </IntentLink>
        </div>
      ) : null}
      <PracticeLobby initialRequest={current?.status === 'WAITING' ? current : null} />
      <p className="muted">
        A partner who has not joined within a few minutes of the match is recorded as a no-show, and you go first in the queue. See your{' '}
        <IntentLink href="/profile">profile</IntentLink>.
      </p>
    </main>
  );
}
