import { IntentLink } from '@/components/ui/intent-link';
import { LocalTime } from '@/components/sessions/local-time';
import { SessionStatusBadge } from '@/components/sessions/session-status-badge';
import type { SessionHistoryItem } from '@/lib/history/find-session-history';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { SESSION_ROLE_LABELS } from './session-role-labels';

/** Which date the list is ordered by, in words: the same choice as the session date itself. */
function SessionDate({ session }: { session: SessionHistoryItem }) {
  const [label, date] = session.startedAt
    ? ['started', session.startedAt]
    : session.scheduledAt
      ? ['scheduled', session.scheduledAt]
      : ['created', session.createdAt];
  return (
    <>
      {`${label} `}
      <LocalTime iso={date.toISOString()} />
    </>
  );
}

/** Who else is in the session, or who is missing: one string, so the row is one text node rather than several. */
function describeOthers(session: SessionHistoryItem): string {
  if (session.otherMembers.length > 0) return `with ${session.otherMembers.join(', ')}`;
  if (session.role === 'INTERVIEWER') return 'no candidate yet';
  return session.role === 'PEER' ? 'no partner yet' : 'no interviewer';
}

// Row links prefetch on intent (IntentLink): a reader opens one session of twenty, and prefetching every row in
// view would ask the server for twenty to forty session pages each time the list is shown.
export function SessionHistoryList({ sessions }: { sessions: SessionHistoryItem[] }) {
  return (
    <ul className="session-list" aria-label="Sessions">
      {sessions.map((session) => (
        <li key={session.id}>
          <div className="session-summary">
            <IntentLink href={`/sessions/${session.id}`} className="question-title">
              {session.title}
            </IntentLink>
            <p className="muted session-meta">
              {`${session.roundKinds.map((kind) => ROUND_KIND_LABELS[kind]).join(' → ')} · ${describeOthers(session)} · `}
              <SessionDate session={session} />
              {session.status === 'COMPLETED' ? (
                <>
                  {' · '}
                  <IntentLink href={`/sessions/${session.id}/report`}>Report</IntentLink>
                </>
              ) : null}
            </p>
          </div>
          <p className="badges">
            <span className="badge">{SESSION_ROLE_LABELS[session.role]}</span>
            <SessionStatusBadge status={session.status} />
          </p>
        </li>
      ))}
    </ul>
  );
}
