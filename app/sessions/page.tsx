import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LocalTime } from '@/components/sessions/local-time';
import { SessionStatusBadge } from '@/components/sessions/session-status-badge';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { ROUND_KIND_LABELS, type RoundKind } from '@/lib/rounds/round-kind';
import { findMySessions } from '@/lib/sessions/find-my-sessions';

export const metadata: Metadata = { title: 'Sessions · mockloop' };

export default async function SessionsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/sessions');
  const sessions = await findMySessions(getDb(), user.id);

  return (
    <main className="page">
      <div className="page-heading">
        <div>
          <h1>Sessions</h1>
          <p className="lede">Mock interviews you run or take, newest first.</p>
        </div>
        <Link href="/sessions/new" className="button primary">
          New session
        </Link>
      </div>

      {sessions.length === 0 ? (
        <p className="empty">
          No sessions yet. <Link href="/sessions/new">Create one</Link> and send the invite link to your candidate.
        </p>
      ) : (
        <ul className="session-list" aria-label="Sessions">
          {sessions.map((session) => (
            <li key={session.id}>
              <div className="session-summary">
                <Link href={`/sessions/${session.id}`} className="question-title">
                  {session.title}
                </Link>
                <p className="muted session-meta">
                  {session.roundKinds.map((kind) => ROUND_KIND_LABELS[kind as RoundKind] ?? kind).join(' → ')}
                  {' · '}
                  {session.otherMembers.length > 0
                    ? `with ${session.otherMembers.join(', ')}`
                    : session.role === 'INTERVIEWER'
                      ? 'no candidate yet'
                      : 'no interviewer'}
                  {' · '}
                  {session.scheduledAt ? (
                    <>
                      scheduled <LocalTime iso={session.scheduledAt.toISOString()} />
                    </>
                  ) : (
                    <>
                      created <LocalTime iso={session.createdAt.toISOString()} />
                    </>
                  )}
                </p>
              </div>
              <p className="badges">
                <span className="badge">{session.role === 'INTERVIEWER' ? 'Interviewer' : 'Candidate'}</span>
                <SessionStatusBadge status={session.status} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
