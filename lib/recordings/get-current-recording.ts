import type { Db } from '@/lib/db';
import { getMembership } from '@/lib/sessions/get-membership';
import { loadRecordingView, type RecordingView } from './recording-view';

/** The session's recording that is asking or running, if any: what a (re)joining browser must show. */
export async function getCurrentRecording(db: Db, sessionId: string, userId: string): Promise<RecordingView | null> {
  await getMembership(db, sessionId, userId);
  const active = await db.recording.findFirst({
    where: { sessionId, status: { in: ['ASKING', 'RECORDING'] } },
    orderBy: { requestedAt: 'desc' },
    select: { id: true },
  });
  return active ? loadRecordingView(db, sessionId, active.id) : null;
}
