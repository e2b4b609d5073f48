import { Prisma } from '@/lib/generated/prisma/client';
import { escapeLikePattern } from '@/lib/search/escape-like-pattern';
import type { SessionHistoryFilters } from './session-history-filters.schema';

export const HISTORY_PAGE_SIZE = 20;

/** One row of the history query, as PostgreSQL returns it (enums and enum arrays cast to text). */
export interface SessionHistoryRow {
  id: string;
  title: string;
  status: string;
  role: string;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  sessionDate: Date;
  roundKinds: string[];
  otherMembers: string[];
}

// When the session happened, else when it will, else when it was set up. Spelled exactly as in the expression
// indexes of migration 20261124143416_history_indexes: PostgreSQL uses them only for the same expression.
const SESSION_DATE = Prisma.sql`COALESCE(s."startedAt", s."scheduledAt", s."createdAt")`;

/**
 * The one SQL statement behind the history list, parameterised (no input is ever spliced into the text).
 * Exported so the integration test can EXPLAIN exactly what the app runs.
 *
 * The page is picked first (HISTORY_PAGE_SIZE + 1 rows, the extra one says whether another page follows) and
 * only those rows get the caller's role, their rounds and other members. Two access paths, both indexed:
 *
 * - Browsing and filtering walk InterviewSession in session-date order through the expression indexes
 *   (status-first when filtering by status), keep the caller's rows by probing SessionMember's primary key,
 *   and stop after one page. A keyset cursor makes any page cost the same as the first.
 * - Searching cannot use a b-tree (the text may sit anywhere in a title or a name), so it reads the caller's
 *   own sessions and nothing else: their ids (of the chosen role) go to the scan as one array, fetched by
 *   primary key, and nothing is joined to that scan. Left to itself PostgreSQL would scan every session while
 *   the table is small (it is cheaper there) and switch only once it has grown; given the array, whose length
 *   it cannot know when planning, it always looks the ids up, so the cost follows the caller's history at
 *   every table size. With no join beside the array there is no join order to get wrong either: when the
 *   statistics still say the caller has one session (a history that grew since the last ANALYZE), a joined
 *   membership scan put first re-read the whole array once per membership, 4,000 × 4,000 lookups.
 *   Names are matched once, as the set of the caller's sessions with a matching other member.
 */
export function buildSessionHistoryQuery(userId: string, filters: SessionHistoryFilters): Prisma.Sql {
  // Search picks from the caller's sessions by id, with nothing joined (see above); the rest join the membership.
  const conditions: Prisma.Sql[] = [];
  let source = Prisma.sql`"InterviewSession" s`;
  if (filters.q) {
    const roleOfMine = filters.role ? Prisma.sql` AND role = ${filters.role}::"SessionRole"` : Prisma.empty;
    conditions.push(Prisma.sql`s.id = ANY (ARRAY(SELECT "sessionId" FROM "SessionMember" WHERE "userId" = ${userId}${roleOfMine}))`);
  } else {
    source = Prisma.sql`"InterviewSession" s JOIN "SessionMember" m ON m."sessionId" = s.id`;
    conditions.push(Prisma.sql`m."userId" = ${userId}`);
    if (filters.role) conditions.push(Prisma.sql`m.role = ${filters.role}::"SessionRole"`);
  }
  if (filters.status) conditions.push(Prisma.sql`s.status = ${filters.status}::"SessionStatus"`);
  if (filters.roundKind) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Round" r WHERE r."sessionId" = s.id AND r.kind = ${filters.roundKind}::"RoundKind")`);
  }
  // Calendar days in UTC; `to` includes its whole day.
  if (filters.from) conditions.push(Prisma.sql`${SESSION_DATE} >= ${filters.from}::date::timestamp`);
  if (filters.to) conditions.push(Prisma.sql`${SESSION_DATE} < (${filters.to}::date + 1)::timestamp`);
  if (filters.q) {
    const pattern = `%${escapeLikePattern(filters.q)}%`;
    conditions.push(Prisma.sql`(
      s.title ILIKE ${pattern}
      OR s.id IN (
        SELECT other."sessionId"
        FROM "SessionMember" mine
        JOIN "SessionMember" other ON other."sessionId" = mine."sessionId" AND other."userId" <> ${userId}
        JOIN "User" u ON u.id = other."userId"
        WHERE mine."userId" = ${userId} AND u.name ILIKE ${pattern}
      )
    )`);
  }

  // A previous page reads towards newer rows from its cursor (ascending), and is put back in order below.
  const cursor = filters.before ?? filters.after;
  const isBackward = Boolean(filters.before);
  if (cursor) {
    // The columns are UTC wall-clock timestamps without a zone; the cursor's instant is turned into one.
    const position = Prisma.sql`(${cursor.sessionDate.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${cursor.id})`;
    conditions.push(isBackward ? Prisma.sql`(${SESSION_DATE}, s.id) > ${position}` : Prisma.sql`(${SESSION_DATE}, s.id) < ${position}`);
  }
  const direction = Prisma.raw(isBackward ? 'ASC' : 'DESC');

  return Prisma.sql`
    SELECT page.id, page.title, page.status::text AS status,
      (SELECT me.role::text FROM "SessionMember" me WHERE me."sessionId" = page.id AND me."userId" = ${userId}) AS role,
      page."scheduledAt", page."startedAt", page."endedAt", page."createdAt", page."sessionDate",
      ARRAY(SELECT r.kind::text FROM "Round" r WHERE r."sessionId" = page.id ORDER BY r.position) AS "roundKinds",
      ARRAY(
        SELECT u.name FROM "SessionMember" om JOIN "User" u ON u.id = om."userId"
        WHERE om."sessionId" = page.id AND om."userId" <> ${userId}
        ORDER BY om."joinedAt", u.id
      ) AS "otherMembers"
    FROM (
      SELECT s.id, s.title, s.status, s."scheduledAt", s."startedAt", s."endedAt", s."createdAt",
        ${SESSION_DATE} AS "sessionDate"
      FROM ${source}
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${SESSION_DATE} ${direction}, s.id ${direction}
      LIMIT ${Prisma.raw(String(HISTORY_PAGE_SIZE + 1))}
    ) page
    ORDER BY page."sessionDate" DESC, page.id DESC`;
}
