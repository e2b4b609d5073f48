-- Issue 24 item 7: the interviewer chooses, per round, whether the round editor colours SQL. Off in SQL rounds (the
-- real pad is plain text), on in data-modeling rounds, whose editor holds DDL; rounds that exist take the same.
ALTER TABLE "Round" ADD COLUMN "sqlHighlighting" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Round" SET "sqlHighlighting" = true WHERE "kind" = 'DATA_MODELING';
