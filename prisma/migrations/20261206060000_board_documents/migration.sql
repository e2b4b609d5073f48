-- Issue 23: every round gets a shared whiteboard, stored as a document like its editor (kind BOARD), and a flag
-- for whether the room shows it: on for design and modeling rounds, which are drawn; the interviewer flips it.
ALTER TYPE "DocumentKind" ADD VALUE 'BOARD';

ALTER TABLE "Round" ADD COLUMN "boardEnabled" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Round" SET "boardEnabled" = true WHERE "kind" IN ('DATA_MODELING', 'SYSTEM_DESIGN');
