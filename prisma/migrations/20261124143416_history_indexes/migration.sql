-- The session history list (lib/history/session-history-query.ts) orders a member's sessions by their
-- "session date": when the session started, else when it is scheduled, else when it was created. These
-- expression indexes let PostgreSQL walk sessions in that order (and seek straight to a page's cursor)
-- instead of reading and sorting the whole table. Prisma's schema language cannot express an index on an
-- expression, so they live only here; `prisma migrate diff` ignores expression indexes, so no drift.

-- Newest first, with the id as tie-breaker: the list's ORDER BY and keyset cursor, column for column.
CREATE INDEX "InterviewSession_sessionDate_id_idx"
  ON "InterviewSession" ((COALESCE("startedAt", "scheduledAt", "createdAt")) DESC, "id" DESC);

-- The same order within one status, so the status filter is an index condition, not a filter over every row.
CREATE INDEX "InterviewSession_status_sessionDate_id_idx"
  ON "InterviewSession" ("status", (COALESCE("startedAt", "scheduledAt", "createdAt")) DESC, "id" DESC);
