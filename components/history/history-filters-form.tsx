import { IntentLink } from '@/components/ui/intent-link';
import { SESSION_STATUS_LABELS } from '@/components/sessions/session-status-badge';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { HISTORY_SEARCH_MAX_LENGTH, type SessionHistoryFilters } from '@/lib/history/session-history-filters.schema';
import { ROUND_KIND_LABELS, ROUND_KINDS } from '@/lib/rounds/round-kind';
import { SESSION_STATUSES } from '@/lib/sessions/session-lifecycle';
import { SESSION_ROLES } from '@/lib/sessions/session-roles';
import { SESSION_ROLE_LABELS } from './session-role-labels';

interface HistoryFiltersFormProps {
  filters: SessionHistoryFilters;
  isNarrowed: boolean;
}

/** A plain GET form: filtering works without JavaScript, and every filtered view is a link to share or keep. */
export function HistoryFiltersForm({ filters, isNarrowed }: HistoryFiltersFormProps) {
  return (
    <form className="filters history-filters" method="get" action="/sessions" role="search">
      <TextField
        label="Search"
        name="q"
        id="history-q"
        type="search"
        defaultValue={filters.q ?? ''}
        placeholder="Title or participant"
        maxLength={HISTORY_SEARCH_MAX_LENGTH}
      />
      <SelectField
        label="Round"
        name="roundKind"
        id="history-round"
        placeholder="All rounds"
        defaultValue={filters.roundKind ?? ''}
        options={ROUND_KINDS.map((kind) => ({ value: kind, label: ROUND_KIND_LABELS[kind] }))}
      />
      <SelectField
        label="Status"
        name="status"
        id="history-status"
        placeholder="Any status"
        defaultValue={filters.status ?? ''}
        options={SESSION_STATUSES.map((status) => ({ value: status, label: SESSION_STATUS_LABELS[status] }))}
      />
      <SelectField
        label="My role"
        name="role"
        id="history-role"
        placeholder="Either role"
        defaultValue={filters.role ?? ''}
        options={SESSION_ROLES.map((role) => ({ value: role, label: SESSION_ROLE_LABELS[role] }))}
      />
      <TextField label="From" name="from" id="history-from" type="date" defaultValue={filters.from ?? ''} />
      <TextField label="To" name="to" id="history-to" type="date" defaultValue={filters.to ?? ''} />
      <div className="filter-actions">
        <button type="submit" className="button">
          Filter
        </button>
        {isNarrowed ? (
          <IntentLink href="/sessions" className="button subtle">
            Clear
          </IntentLink>
        ) : null}
      </div>
      <p className="filters-note">
        Sessions are dated by when they started, else when they are scheduled, else when they were created. From and To are
        whole days in UTC.
      </p>
    </form>
  );
}
