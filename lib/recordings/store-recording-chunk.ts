import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getMembership } from '@/lib/sessions/get-membership';
import { MAX_CHUNK_BYTES, MAX_PARTICIPANT_BYTES_PER_HOUR, MAX_SESSION_BYTES, megabytes, RESEND_WINDOW_MS } from './recording-limits';

export interface RecordingChunkInput {
  sessionId: string;
  recordingId: string;
  /** The browser's id for its MediaRecorder run; its first chunk creates the track. */
  trackId: string;
  sequence: number;
  /** Wall time (ms) the recorder started, and the round clock then. */
  trackStartedAt: number;
  trackRoundElapsedMs: number;
  /** Wall time (ms) the chunk was produced, and the round clock then. */
  recordedAt: number;
  roundElapsedMs: number;
  data: Uint8Array;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Stores one chunk of the caller's own microphone, once: a chunk already stored under its (track, sequence) is
 * answered as a duplicate, so a browser may resend whatever was not acknowledged. Only a member who consented to
 * a running recording (or one stopped moments ago, for chunks still in flight) may send; limits refuse for good.
 */
export async function storeRecordingChunk(db: Db, userId: string, input: RecordingChunkInput): Promise<{ sequence: number; isDuplicate: boolean }> {
  await getMembership(db, input.sessionId, userId);
  if (input.data.byteLength === 0) throw new AppError('INVALID_INPUT', 'An empty audio chunk.');
  if (input.data.byteLength > MAX_CHUNK_BYTES) throw new AppError('INVALID_INPUT', `An audio chunk may be at most ${MAX_CHUNK_BYTES / 1024} KB.`);
  const recording = await db.recording.findFirst({
    where: { id: input.recordingId, sessionId: input.sessionId },
    select: { status: true, stoppedAt: true, consents: { where: { userId }, select: { isConsenting: true } } },
  });
  if (!recording) throw new AppError('NOT_FOUND', 'That recording does not exist in this session.');
  if (recording.consents[0]?.isConsenting !== true) throw new AppError('FORBIDDEN', 'You have not consented to this recording.');

  const track = await db.recordingTrack.findUnique({ where: { id: input.trackId }, select: { recordingId: true, userId: true } });
  if (track && (track.recordingId !== input.recordingId || track.userId !== userId)) throw new AppError('FORBIDDEN', 'That track belongs to another recording.');
  if (track) {
    const stored = await db.recordingChunk.findUnique({ where: { trackId_sequence: { trackId: input.trackId, sequence: input.sequence } }, select: { sequence: true } });
    if (stored) return { sequence: input.sequence, isDuplicate: true };
  }

  const isRunning = recording.status === 'RECORDING';
  const isJustStopped = recording.status === 'STOPPED' && recording.stoppedAt !== null && Date.now() - recording.stoppedAt.getTime() < RESEND_WINDOW_MS;
  if (!isRunning && !isJustStopped) throw new AppError('CONFLICT', 'This recording is not running.');

  const [sessionTotal, participantHour] = await Promise.all([
    db.recordingChunk.aggregate({ where: { track: { recording: { sessionId: input.sessionId } } }, _sum: { byteLength: true } }),
    db.recordingChunk.aggregate({
      where: { track: { userId, recording: { sessionId: input.sessionId } }, storedAt: { gt: new Date(Date.now() - HOUR_MS) } },
      _sum: { byteLength: true },
    }),
  ]);
  if ((sessionTotal._sum.byteLength ?? 0) + input.data.byteLength > MAX_SESSION_BYTES) {
    throw new AppError('CONFLICT', `This session has used its ${megabytes(MAX_SESSION_BYTES)} of recorded audio.`);
  }
  if ((participantHour._sum.byteLength ?? 0) + input.data.byteLength > MAX_PARTICIPANT_BYTES_PER_HOUR) {
    throw new AppError('CONFLICT', `You have sent ${megabytes(MAX_PARTICIPANT_BYTES_PER_HOUR)} of audio in the last hour, the most one person may.`);
  }

  if (!track) {
    await db.recordingTrack.createMany({
      data: [{ id: input.trackId, recordingId: input.recordingId, userId, startedAt: new Date(input.trackStartedAt), roundElapsedMs: input.trackRoundElapsedMs }],
      skipDuplicates: true,
    });
  }
  const created = await db.recordingChunk.createMany({
    data: [
      {
        trackId: input.trackId,
        sequence: input.sequence,
        // Prisma wants a chunk backed by a plain ArrayBuffer; the copy is one chunk's size.
        data: new Uint8Array(input.data),
        byteLength: input.data.byteLength,
        recordedAt: new Date(input.recordedAt),
        roundElapsedMs: input.roundElapsedMs,
      },
    ],
    skipDuplicates: true,
  });
  return { sequence: input.sequence, isDuplicate: created.count === 0 };
}
