import type { Db } from '@/lib/db';
import type { RoundKind } from '@/lib/rounds/round-kind';
import type { SessionStatusName } from '@/lib/sessions/session-lifecycle';
import type { SessionRoleName } from '@/lib/sessions/session-roles';
import {
  formatHistoryCursor,
  parseSessionHistoryFilters,
  type SessionHistoryFilters,
} from './session-history-filters.schema';
import { buildSessionHistoryQuery, HISTORY_PAGE_SIZE, type SessionHistoryRow } from './session-history-query';

export interface SessionHistoryItem {
  id: string;
  title: string;
  status: SessionStatusName;
  /** The caller's role in the session (their membership), whatever peer rounds swap. */
  role: SessionRoleName;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  /** What the list is ordered and filtered by: startedAt, else scheduledAt, else createdAt. */
  sessionDate: Date;
  roundKinds: RoundKind[];
  otherMembers: string[];
}

export interface SessionHistoryPage {
  items: SessionHistoryItem[];
  /** The filters in force, after dropping the ones that could not be used. */
  filters: SessionHistoryFilters;
  /** Why a value from the URL was dropped, one sentence each. */
  ignored: string[];
  /** Cursor for the next (older) page, or null on the last one. */
  nextCursor: string | null;
  /** Cursor for the previous (newer) page, or null on the first one. */
  previousCursor: string | null;
}

/**
 * The caller's sessions, as interviewer or candidate, newest session date first, HISTORY_PAGE_SIZE to a page.
 * Takes the URL's search parameters as they come: bad values are dropped and reported, never thrown.
 * No total count: counting every match cannot stop after a page, and "showing N" with next/previous is enough.
 */
export async function findSessionHistory(
  db: Db,
  userId: string,
  params: Record<string, string | string[] | undefined>,
): Promise<SessionHistoryPage> {
  const { filters, ignored } = parseSessionHistoryFilters(params);
  const rows = await db.$queryRaw<SessionHistoryRow[]>(buildSessionHistoryQuery(userId, filters));
  const hasMore = rows.length > HISTORY_PAGE_SIZE;

  if (filters.before) {
    // Nothing newer beyond this page: it is the first page, so show the first page (full, without a cursor).
    if (!hasMore) return findSessionHistory(db, userId, withoutCursor(params));
    // Rows come newest first; the extra row is the newest, beyond this page.
    const items = rows.slice(1).map(toItem);
    return { items, filters, ignored, previousCursor: cursorOf(items[0]), nextCursor: cursorOf(items.at(-1)) };
  }

  const items = rows.slice(0, HISTORY_PAGE_SIZE).map(toItem);
  return {
    items,
    filters,
    ignored,
    previousCursor: filters.after ? cursorOf(items[0]) : null,
    nextCursor: hasMore ? cursorOf(items.at(-1)) : null,
  };
}

function withoutCursor(params: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  const { after: _after, before: _before, ...rest } = params;
  return rest;
}

function cursorOf(item: SessionHistoryItem | undefined): string | null {
  return item ? formatHistoryCursor({ sessionDate: item.sessionDate, id: item.id }) : null;
}

function toItem(row: SessionHistoryRow): SessionHistoryItem {
  return {
    ...row,
    status: row.status as SessionStatusName,
    role: row.role as SessionRoleName,
    roundKinds: row.roundKinds as RoundKind[],
  };
}
