import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getMembership } from '@/lib/sessions/get-membership';
import { loadRecordingView, type RecordingView } from './recording-view';

/** Any member may stop a recording (or withdraw an ask). Stopping a stopped one answers with it as it is. */
export async function stopRecording(db: Db, sessionId: string, recordingId: string, userId: string): Promise<RecordingView> {
  await getMembership(db, sessionId, userId);
  const now = new Date();
  await db.recording.updateMany({ where: { id: recordingId, sessionId, status: 'RECORDING' }, data: { status: 'STOPPED', stoppedAt: now } });
  await db.recording.updateMany({ where: { id: recordingId, sessionId, status: 'ASKING' }, data: { status: 'DECLINED', stoppedAt: now } });
  const view = await loadRecordingView(db, sessionId, recordingId);
  if (!view) throw new AppError('NOT_FOUND', 'That recording does not exist in this session.');
  return view;
}
