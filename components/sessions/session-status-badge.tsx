import type { SessionStatusName } from '@/lib/sessions/session-lifecycle';

export const SESSION_STATUS_LABELS: Record<SessionStatusName, string> = {
  SCHEDULED: 'Scheduled',
  LIVE: 'Live',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

export function SessionStatusBadge({ status }: { status: SessionStatusName }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{SESSION_STATUS_LABELS[status]}</span>;
}
