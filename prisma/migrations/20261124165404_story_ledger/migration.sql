-- CreateEnum
CREATE TYPE "StoryScope" AS ENUM ('TEAM', 'ORG', 'MULTI_ORG');

-- CreateEnum
CREATE TYPE "StoryCompetency" AS ENUM ('INFLUENCE_WITHOUT_AUTHORITY', 'MENTORING', 'PUSHBACK_WITH_DATA', 'POST_MORTEM', 'CROSS_TEAM_ALIGNMENT');

-- CreateTable
CREATE TABLE "Story" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scope" "StoryScope" NOT NULL,
    "situation" TEXT NOT NULL DEFAULT '',
    "problem" TEXT NOT NULL DEFAULT '',
    "solution" TEXT NOT NULL DEFAULT '',
    "impact" TEXT NOT NULL DEFAULT '',
    "lessons" TEXT NOT NULL DEFAULT '',
    "metrics" TEXT NOT NULL DEFAULT '',
    "competencies" "StoryCompetency"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryTelling" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryTelling_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Story_userId_updatedAt_idx" ON "Story"("userId", "updatedAt");

-- CreateIndex
CREATE INDEX "StoryTelling_userId_idx" ON "StoryTelling"("userId");

-- CreateIndex
CREATE INDEX "StoryTelling_roundId_idx" ON "StoryTelling"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "StoryTelling_storyId_roundId_key" ON "StoryTelling"("storyId", "roundId");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryTelling" ADD CONSTRAINT "StoryTelling_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryTelling" ADD CONSTRAINT "StoryTelling_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryTelling" ADD CONSTRAINT "StoryTelling_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
