-- CreateEnum
CREATE TYPE "PeerLevel" AS ENUM ('E4', 'E5', 'E6', 'E7');

-- CreateEnum
CREATE TYPE "MatchRequestStatus" AS ENUM ('WAITING', 'MATCHED', 'CANCELLED', 'EXPIRED');

-- CreateTable
CREATE TABLE "MatchRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "roundKinds" "RoundKind"[],
    "level" "PeerLevel" NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "isPriority" BOOLEAN NOT NULL DEFAULT false,
    "status" "MatchRequestStatus" NOT NULL DEFAULT 'WAITING',
    "matchedWithId" TEXT,
    "sessionId" TEXT,
    "matchedAt" TIMESTAMP(3),
    "joinedAt" TIMESTAMP(3),
    "noShowCheckedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MatchRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerNoShow" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "matchedAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "priorityForId" TEXT,
    "priorityUsedAt" TIMESTAMP(3),

    CONSTRAINT "PeerNoShow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRating" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "isHelpful" BOOLEAN NOT NULL DEFAULT false,
    "isSpecific" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatchRequest_status_isPriority_createdAt_idx" ON "MatchRequest"("status", "isPriority", "createdAt");

-- CreateIndex
CREATE INDEX "MatchRequest_userId_createdAt_idx" ON "MatchRequest"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "MatchRequest_sessionId_idx" ON "MatchRequest"("sessionId");

-- CreateIndex
CREATE INDEX "PeerNoShow_userId_idx" ON "PeerNoShow"("userId");

-- CreateIndex
CREATE INDEX "PeerNoShow_priorityForId_idx" ON "PeerNoShow"("priorityForId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerNoShow_sessionId_userId_key" ON "PeerNoShow"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "FeedbackRating_interviewerId_idx" ON "FeedbackRating"("interviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackRating_roundId_raterId_interviewerId_key" ON "FeedbackRating"("roundId", "raterId", "interviewerId");

-- AddForeignKey
ALTER TABLE "MatchRequest" ADD CONSTRAINT "MatchRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchRequest" ADD CONSTRAINT "MatchRequest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerNoShow" ADD CONSTRAINT "PeerNoShow_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerNoShow" ADD CONSTRAINT "PeerNoShow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRating" ADD CONSTRAINT "FeedbackRating_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRating" ADD CONSTRAINT "FeedbackRating_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRating" ADD CONSTRAINT "FeedbackRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRating" ADD CONSTRAINT "FeedbackRating_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one WAITING request per user, so the queue can never offer the same person twice. A partial index,
-- which Prisma's schema language cannot declare (and `prisma migrate diff` ignores, so no drift).
CREATE UNIQUE INDEX "MatchRequest_one_waiting_per_user" ON "MatchRequest" ("userId") WHERE "status" = 'WAITING';
