import { z } from 'zod';
import { ROUND_KINDS } from '@/lib/rounds/round-kind';
import { SESSION_STATUSES } from '@/lib/sessions/session-lifecycle';
import { SESSION_ROLES } from '@/lib/sessions/session-roles';

export const HISTORY_SEARCH_MAX_LENGTH = 100;

/** A place in the list: the session date and id of the row a page continues after (or before). */
export interface HistoryCursor {
  sessionDate: Date;
  id: string;
}

// `<epoch milliseconds>.<session id>`: exact to the millisecond the column stores, and safe in a URL as is.
const CURSOR_PATTERN = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function formatHistoryCursor(cursor: HistoryCursor): string {
  return `${cursor.sessionDate.getTime()}.${cursor.id}`;
}

const cursorSchema = z
  .string()
  .regex(CURSOR_PATTERN)
  .transform((text): HistoryCursor => {
    const [, millis, id] = CURSOR_PATTERN.exec(text)!;
    return { sessionDate: new Date(Number(millis)), id: id! };
  });

/**
 * The history list's filters as they arrive in the URL. Dates are calendar days in UTC (the server cannot know
 * the reader's time zone) and bound the session date inclusively: `to=2026-11-30` keeps the whole of that day.
 * `after` / `before` are keyset cursors: the next page continues after the last row shown, the previous page
 * before the first, so rows inserted meanwhile never shift a page or repeat a row.
 */
export const sessionHistoryFiltersSchema = z.object({
  roundKind: z.enum(ROUND_KINDS).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  role: z.enum(SESSION_ROLES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(HISTORY_SEARCH_MAX_LENGTH).optional(),
  after: cursorSchema.optional(),
  before: cursorSchema.optional(),
});

export type SessionHistoryFilters = z.output<typeof sessionHistoryFiltersSchema>;

type FilterField = keyof SessionHistoryFilters;

const FIELDS = Object.keys(sessionHistoryFiltersSchema.shape) as FilterField[];

const shown = (raw: string) => `“${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}”`;

// Said to the reader when a value from the URL is dropped: which one, and why it could not be used.
const IGNORED_MESSAGES: Record<FilterField, (raw: string) => string> = {
  roundKind: (raw) => `Round ${shown(raw)} is not a round of the loop, so all rounds are shown.`,
  status: (raw) => `Status ${shown(raw)} does not exist, so every status is shown.`,
  role: (raw) => `Role ${shown(raw)} is neither interviewer nor candidate, so both are shown.`,
  from: (raw) => `From ${shown(raw)} is not a date (YYYY-MM-DD), so it was left out.`,
  to: (raw) => `To ${shown(raw)} is not a date (YYYY-MM-DD), so it was left out.`,
  q: () => `Searches are limited to ${HISTORY_SEARCH_MAX_LENGTH} characters, so the search was left out.`,
  after: () => 'That page link is not valid, so the list starts from the newest session.',
  before: () => 'That page link is not valid, so the list starts from the newest session.',
};

export interface ParsedSessionHistoryFilters {
  filters: SessionHistoryFilters;
  /** One sentence per value that could not be used; the list runs without it instead of failing. */
  ignored: string[];
}

/**
 * Reads the filters from a URL's search parameters. Each bad value (stale link, hand-edited URL) is dropped on
 * its own with a sentence saying so; the rest still apply. Never throws.
 */
export function parseSessionHistoryFilters(params: Record<string, string | string[] | undefined>): ParsedSessionHistoryFilters {
  const filters: Record<string, unknown> = {};
  const ignored = new Set<string>();
  for (const field of FIELDS) {
    const value = params[field];
    const raw = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!raw) continue;
    const parsed = sessionHistoryFiltersSchema.shape[field].safeParse(raw);
    if (parsed.success) filters[field] = parsed.data;
    else ignored.add(IGNORED_MESSAGES[field](raw));
  }
  const result = filters as SessionHistoryFilters;
  if (result.from && result.to && result.from > result.to) {
    ignored.add(`From ${result.from} is after To ${result.to}, so the dates were left out.`);
    delete result.from;
    delete result.to;
  }
  if (result.after && result.before) {
    ignored.add(IGNORED_MESSAGES.after(''));
    delete result.after;
    delete result.before;
  }
  return { filters: result, ignored: [...ignored] };
}

/** Whether anything narrows the list (paging alone does not). */
export function isNarrowed(filters: SessionHistoryFilters): boolean {
  return Boolean(filters.roundKind || filters.status || filters.role || filters.from || filters.to || filters.q);
}
