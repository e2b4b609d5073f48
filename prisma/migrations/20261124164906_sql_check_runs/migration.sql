-- CreateEnum
CREATE TYPE "SqlCheckStatus" AS ENUM ('MATCH', 'MISMATCH', 'ERROR');

-- CreateTable
CREATE TABLE "SqlCheckRun" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "roundQuestionId" TEXT NOT NULL,
    "status" "SqlCheckStatus" NOT NULL,
    "answerSql" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "ranById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SqlCheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SqlCheckRun_roundQuestionId_key" ON "SqlCheckRun"("roundQuestionId");

-- CreateIndex
CREATE INDEX "SqlCheckRun_roundId_idx" ON "SqlCheckRun"("roundId");

-- AddForeignKey
ALTER TABLE "SqlCheckRun" ADD CONSTRAINT "SqlCheckRun_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SqlCheckRun" ADD CONSTRAINT "SqlCheckRun_roundQuestionId_fkey" FOREIGN KEY ("roundQuestionId") REFERENCES "RoundQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SqlCheckRun" ADD CONSTRAINT "SqlCheckRun_ranById_fkey" FOREIGN KEY ("ranById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
