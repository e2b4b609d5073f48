-- Issue 25: built-in questions are versioned (a session keeps the copy it asked), and product-sense questions say
-- whether they are a root-cause or a framework question.
ALTER TABLE "Question" ADD COLUMN "theme" TEXT;
ALTER TABLE "Question" ADD COLUMN "builtInVersionOf" TEXT;
