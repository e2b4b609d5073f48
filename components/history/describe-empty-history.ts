import { SESSION_STATUS_LABELS } from '@/components/sessions/session-status-badge';
import type { SessionHistoryFilters } from '@/lib/history/session-history-filters.schema';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { SESSION_ROLE_LABELS } from './session-role-labels';

// Filter dates are UTC calendar days, so they are shown as such (no local-time shift of a day boundary).
const formatDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "No completed SQL sessions as candidate match “hana”.": the empty list, in the words of its filters. */
export function describeEmptyHistory(filters: SessionHistoryFilters): string {
  const kinds = [filters.status && SESSION_STATUS_LABELS[filters.status].toLowerCase(), filters.roundKind && ROUND_KIND_LABELS[filters.roundKind]];
  const qualifiers = [filters.role && `as ${SESSION_ROLE_LABELS[filters.role].toLowerCase()}`];
  if (filters.from && filters.to) qualifiers.push(`between ${formatDay(filters.from)} and ${formatDay(filters.to)}`);
  else if (filters.from) qualifiers.push(`from ${formatDay(filters.from)} on`);
  else if (filters.to) qualifiers.push(`up to ${formatDay(filters.to)}`);
  const subject = ['No', ...kinds, 'sessions', ...qualifiers].filter(Boolean).join(' ');
  return filters.q ? `${subject} match “${filters.q}”.` : `${subject} match.`;
}
