import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCanHearRound } from './assert-can-hear-round';

/**
 * One track's audio: its chunks in sequence order, which together are the one WebM file its MediaRecorder made.
 * Loaded whole (a participant-hour is ~11-14 MB, and a track is capped by the per-hour limit); a stranger and a
 * candidate before publish are refused by the round's rule.
 */
export async function getTrackAudio(db: Db, trackId: string, userId: string): Promise<Uint8Array> {
  const track = await db.recordingTrack.findUnique({ where: { id: trackId }, select: { recording: { select: { sessionId: true, roundId: true } } } });
  if (!track) throw new AppError('NOT_FOUND', 'That recording does not exist.');
  await assertCanHearRound(db, track.recording.sessionId, track.recording.roundId, userId);
  const chunks = await db.recordingChunk.findMany({ where: { trackId }, orderBy: { sequence: 'asc' }, select: { data: true } });
  return Buffer.concat(chunks.map((chunk) => chunk.data));
}

/** Deletes a track's whole recording as far as it is the caller's own voice; NOT_FOUND for anyone else's. */
export async function deleteOwnTrackRecording(db: Db, trackId: string, userId: string): Promise<{ deletedTracks: number }> {
  const track = await db.recordingTrack.findFirst({ where: { id: trackId, userId }, select: { recordingId: true } });
  if (!track) throw new AppError('NOT_FOUND', 'That recording does not exist.');
  const deleted = await db.recordingTrack.deleteMany({ where: { recordingId: track.recordingId, userId } });
  return { deletedTracks: deleted.count };
}
