-- Recorded audio (issue 22): an ask, each member's consent, and each participant's Opus/WebM chunks in bytea, so
-- every node reaches them. Everything goes with its session (ON DELETE CASCADE).

-- CreateEnum
CREATE TYPE "RecordingStatus" AS ENUM ('ASKING', 'RECORDING', 'STOPPED', 'DECLINED');

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" "RecordingStatus" NOT NULL DEFAULT 'ASKING',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordingConsent" (
    "recordingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "isConsenting" BOOLEAN,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "RecordingConsent_pkey" PRIMARY KEY ("recordingId","userId")
);

-- CreateTable
CREATE TABLE "RecordingTrack" (
    "id" TEXT NOT NULL,
    "recordingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "roundElapsedMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordingTrack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordingChunk" (
    "trackId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "byteLength" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "roundElapsedMs" INTEGER NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordingChunk_pkey" PRIMARY KEY ("trackId","sequence")
);

-- CreateIndex
CREATE INDEX "Recording_sessionId_requestedAt_idx" ON "Recording"("sessionId", "requestedAt");

-- CreateIndex
CREATE INDEX "Recording_roundId_idx" ON "Recording"("roundId");

-- CreateIndex
CREATE INDEX "RecordingTrack_recordingId_userId_idx" ON "RecordingTrack"("recordingId", "userId");

-- CreateIndex
CREATE INDEX "RecordingChunk_storedAt_idx" ON "RecordingChunk"("storedAt");

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordingConsent" ADD CONSTRAINT "RecordingConsent_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordingConsent" ADD CONSTRAINT "RecordingConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordingTrack" ADD CONSTRAINT "RecordingTrack_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordingTrack" ADD CONSTRAINT "RecordingTrack_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordingChunk" ADD CONSTRAINT "RecordingChunk_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "RecordingTrack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

