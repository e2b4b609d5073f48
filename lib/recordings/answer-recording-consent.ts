import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getMembership } from '@/lib/sessions/get-membership';
import { loadRecordingView, type RecordingView } from './recording-view';

/**
 * A member answers an ask in their own browser. Recording starts once every member asked has said yes; one "no"
 * before the start declines the whole ask. A member who arrives while it runs may say yes and is recorded from
 * then on; their "no" only keeps them out (the others' consent stands).
 */
export async function answerRecordingConsent(db: Db, sessionId: string, recordingId: string, userId: string, isConsenting: boolean): Promise<RecordingView> {
  await getMembership(db, sessionId, userId);
  await db.$transaction(async (tx) => {
    // Row lock: two answers arriving together must not both see the other still pending.
    const locked = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "Recording" WHERE "id" = ${recordingId} AND "sessionId" = ${sessionId} FOR UPDATE`;
    const status = locked[0]?.status;
    if (!status) throw new AppError('NOT_FOUND', 'That recording does not exist in this session.');
    if (status !== 'ASKING' && status !== 'RECORDING') throw new AppError('CONFLICT', 'This recording is no longer asking for consent.');
    const now = new Date();
    await tx.recordingConsent.upsert({
      where: { recordingId_userId: { recordingId, userId } },
      create: { recordingId, userId, isConsenting, answeredAt: now },
      update: { isConsenting, answeredAt: now },
    });
    if (status !== 'ASKING') return;
    if (!isConsenting) {
      await tx.recording.update({ where: { id: recordingId }, data: { status: 'DECLINED', stoppedAt: now } });
      return;
    }
    const pending = await tx.recordingConsent.count({ where: { recordingId, OR: [{ isConsenting: null }, { isConsenting: false }] } });
    if (pending === 0) await tx.recording.update({ where: { id: recordingId }, data: { status: 'RECORDING', startedAt: now } });
  });
  return (await loadRecordingView(db, sessionId, recordingId))!;
}
