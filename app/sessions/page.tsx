import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { describeEmptyHistory } from '@/components/history/describe-empty-history';
import { HistoryFiltersForm } from '@/components/history/history-filters-form';
import { SessionHistoryList } from '@/components/history/session-history-list';
import { getDb } from '@/lib/db';
import { findSessionHistory } from '@/lib/history/find-session-history';
import { isNarrowed, type SessionHistoryFilters } from '@/lib/history/session-history-filters.schema';
import { requireUser } from '../authenticated-action';

export const metadata: Metadata = { title: 'Sessions · mockloop' };

interface SessionsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SessionsPage({ searchParams }: SessionsPageProps) {
  const user = await requireUser('/sessions');
  const { items, filters, ignored, nextCursor, previousCursor } = await findSessionHistory(getDb(), user.id, await searchParams);
  const narrowed = isNarrowed(filters);
  const isPaged = Boolean(filters.after || filters.before);

  return (
    <main className="page">
      <div className="page-heading">
        <div>
          <h1>Sessions</h1>
          <p className="lede">Mock interviews you run or take, newest first.</p>
        </div>
        <IntentLink href="/sessions/new" className="button primary">
          New session
        </IntentLink>
      </div>

      <HistoryFiltersForm filters={filters} isNarrowed={narrowed} />

      {ignored.length > 0 ? (
        <ul className="history-ignored" role="status" aria-label="Filters left out">
          {ignored.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}

      {items.length > 0 ? (
        <>
          <p className="result-count">
            Showing {items.length} session{items.length === 1 ? '' : 's'}
          </p>
          <SessionHistoryList sessions={items} />
        </>
      ) : isPaged ? (
        <p className="empty">
          No more sessions here. <IntentLink href={historyHref(filters)}>Back to the newest</IntentLink>.
        </p>
      ) : narrowed ? (
        <p className="empty">
          {describeEmptyHistory(filters)} <IntentLink href="/sessions">Show all sessions</IntentLink>.
        </p>
      ) : (
        <p className="empty">
          No sessions yet. <IntentLink href="/sessions/new">Create one</IntentLink> and send the invite link to your candidate.
        </p>
      )}

      {previousCursor || nextCursor ? (
        <nav className="pagination" aria-label="Pages">
          {previousCursor ? (
            <IntentLink href={historyHref(filters, { before: previousCursor })} rel="prev" className="button">
              Previous
            </IntentLink>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <IntentLink href={historyHref(filters, { after: nextCursor })} rel="next" className="button">
              Next
            </IntentLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </main>
  );
}

/** The list with the same filters, at the first page or at a cursor. */
function historyHref(filters: SessionHistoryFilters, cursor?: { after: string } | { before: string }): string {
  const query = new URLSearchParams();
  for (const field of ['q', 'roundKind', 'status', 'role', 'from', 'to'] as const) {
    const value = filters[field];
    if (value) query.set(field, value);
  }
  for (const [name, value] of Object.entries(cursor ?? {})) query.set(name, value);
  const search = query.toString();
  return search ? `/sessions?${search}` : '/sessions';
}
