-- CreateTable
CREATE TABLE "FiredTwist" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "roundQuestionId" TEXT NOT NULL,
    "twistKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "firedById" TEXT,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firedAtElapsedMs" INTEGER NOT NULL,

    CONSTRAINT "FiredTwist_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FiredTwist_roundId_firedAt_idx" ON "FiredTwist"("roundId", "firedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FiredTwist_roundQuestionId_twistKey_key" ON "FiredTwist"("roundQuestionId", "twistKey");

-- AddForeignKey
ALTER TABLE "FiredTwist" ADD CONSTRAINT "FiredTwist_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FiredTwist" ADD CONSTRAINT "FiredTwist_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FiredTwist" ADD CONSTRAINT "FiredTwist_roundQuestionId_fkey" FOREIGN KEY ("roundQuestionId") REFERENCES "RoundQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
