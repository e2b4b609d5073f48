-- Issue 25: built-in questions are versioned (a session keeps the copy it asked), product-sense questions say
-- whether they are a root-cause or a framework question, and picked questions are told from hand-chosen ones.
ALTER TABLE "Question" ADD COLUMN "theme" TEXT;
ALTER TABLE "Question" ADD COLUMN "builtInVersionOf" TEXT;

-- Questions picked for a round (not chosen by hand) are picked again for the candidate's own history when they join.
ALTER TABLE "RoundQuestion" ADD COLUMN "isAutoPicked" BOOLEAN NOT NULL DEFAULT false;
