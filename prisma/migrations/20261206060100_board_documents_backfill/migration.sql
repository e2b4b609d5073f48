-- Every existing round gets its board (issue 23). In a migration of its own: PostgreSQL refuses a new enum value
-- in the transaction that added it (20261206060000_board_documents).
INSERT INTO "Document" ("id", "sessionId", "roundId", "kind", "updatedAt")
SELECT 'board' || md5(r."id"), r."sessionId", r."id", 'BOARD', now()
FROM "Round" r
WHERE NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."roundId" = r."id" AND d."kind" = 'BOARD');
