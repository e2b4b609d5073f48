-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('STRONG_NO', 'NO', 'LEAN_NO', 'LEAN_YES', 'YES', 'STRONG_YES');

-- CreateEnum
CREATE TYPE "SignalRating" AS ENUM ('E4', 'E5', 'E6');

-- CreateEnum
CREATE TYPE "SignalVerdict" AS ENUM ('MET', 'NOT_MET');

-- CreateEnum
CREATE TYPE "StaffBarCall" AS ENUM ('NOT_YET', 'DOWN_LEVEL', 'MEETS_STAFF_BAR', 'ABOVE_STAFF_BAR');

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "recommendation" "Recommendation",
    "levelEstimate" TEXT,
    "strengths" TEXT NOT NULL DEFAULT '',
    "growthAreas" TEXT NOT NULL DEFAULT '',
    "problemsSolved" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignalScore" (
    "scorecardId" TEXT NOT NULL,
    "signalKey" TEXT NOT NULL,
    "rating" "SignalRating",
    "note" TEXT NOT NULL DEFAULT '',
    "noteShareable" BOOLEAN NOT NULL DEFAULT false,
    "markedAtElapsedMs" INTEGER,
    "markedAt" TIMESTAMP(3),
    "verdictOverride" "SignalVerdict",
    "overrideReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignalScore_pkey" PRIMARY KEY ("scorecardId","signalKey")
);

-- CreateTable
CREATE TABLE "LoopDebrief" (
    "sessionId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "staffBarCall" "StaffBarCall",
    "rationale" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoopDebrief_pkey" PRIMARY KEY ("sessionId","interviewerId")
);

-- CreateTable
CREATE TABLE "FeedbackRelease" (
    "sessionId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),

    CONSTRAINT "FeedbackRelease_pkey" PRIMARY KEY ("sessionId","interviewerId")
);

-- CreateTable
CREATE TABLE "RubricAuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "roundId" TEXT,
    "signalKey" TEXT,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RubricAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Scorecard_sessionId_idx" ON "Scorecard"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_roundId_interviewerId_key" ON "Scorecard"("roundId", "interviewerId");

-- CreateIndex
CREATE INDEX "RubricAuditEntry_sessionId_id_idx" ON "RubricAuditEntry"("sessionId", "id");

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalScore" ADD CONSTRAINT "SignalScore_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoopDebrief" ADD CONSTRAINT "LoopDebrief_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoopDebrief" ADD CONSTRAINT "LoopDebrief_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRelease" ADD CONSTRAINT "FeedbackRelease_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRelease" ADD CONSTRAINT "FeedbackRelease_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricAuditEntry" ADD CONSTRAINT "RubricAuditEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
