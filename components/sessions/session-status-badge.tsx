import type { SessionStatusName } from '@/lib/sessions/session-lifecycle';

const STATUS_LABELS: Record<SessionStatusName, string> = {
  SCHEDULED: 'Scheduled',
  LIVE: 'Live',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

export function SessionStatusBadge({ status }: { status: SessionStatusName }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>;
}
