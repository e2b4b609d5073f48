import type { Db } from '@/lib/db';
import { getMembership } from '@/lib/sessions/get-membership';

/**
 * Deletes the caller's own audio: of one recording, or of every recording of the session. Others' voices stay.
 * Answers with how many tracks went.
 */
export async function deleteOwnRecording(db: Db, sessionId: string, userId: string, recordingId?: string): Promise<{ deletedTracks: number }> {
  await getMembership(db, sessionId, userId);
  const deleted = await db.recordingTrack.deleteMany({ where: { userId, recording: { sessionId, ...(recordingId ? { id: recordingId } : {}) } } });
  return { deletedTracks: deleted.count };
}
