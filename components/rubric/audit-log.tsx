import { LocalTime } from '@/components/sessions/local-time';
import type { AuditLineView } from '@/lib/scorecards/debrief-view';
import { formatElapsed } from '@/lib/timer/round-clock';

const ACTION_LABELS: Record<string, string> = {
  'signal.mark': 'marked',
  'signal.unmark': 'removed the mark on',
  'signal.save': 'changed',
  'wrap-up.save': 'changed the wrap-up of',
  'debrief.save': 'saved their loop call',
  'feedback.publish': 'published their feedback',
  'feedback.unpublish': 'unpublished their feedback',
};

const FIELD_LABELS: Record<string, string> = {
  markedAtElapsedMs: 'observed at',
  noteShareable: 'note shared',
  verdictOverride: 'verdict override',
  overrideReason: 'override reason',
  levelEstimate: 'level',
  growthAreas: 'growth areas',
  problemsSolved: 'problems solved',
  staffBarCall: 'Staff-bar call',
};

function describeValue(field: string, value: unknown): string {
  if (value === null) return 'cleared';
  if (field === 'markedAtElapsedMs' && typeof value === 'number') return formatElapsed(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function describeChanges(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([field, value]) => `${FIELD_LABELS[field] ?? field}: ${describeValue(field, value)}`)
    .join('; ');
}

/** Who changed what on the scorecards, newest first. */
export function AuditLog({ lines }: { lines: AuditLineView[] }) {
  if (lines.length === 0) return <p className="muted">No changes yet.</p>;
  return (
    <ol className="audit-log">
      {lines.map((line) => (
        <li key={line.id}>
          <LocalTime iso={line.at} /> · <strong>{line.actorName}</strong> {ACTION_LABELS[line.action] ?? line.action}
          {line.roundPosition !== null ? ` round ${line.roundPosition + 1}` : ''}
          {line.signalLabel ? ` · ${line.signalLabel}` : ''}
          {Object.keys(line.changes).length > 0 ? <span className="muted"> ({describeChanges(line.changes)})</span> : null}
        </li>
      ))}
    </ol>
  );
}
