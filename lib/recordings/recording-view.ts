import type { Db, DbTx } from '@/lib/db';
import type { RecordingStatus } from '@/lib/generated/prisma/enums';

export type RecordingStatusName = `${RecordingStatus}`;
export type ConsentAnswer = 'PENDING' | 'YES' | 'NO';

/** A recording as every member of its session sees it: who was asked and what they answered. No audio. */
export interface RecordingView {
  id: string;
  sessionId: string;
  roundId: string;
  status: RecordingStatusName;
  requestedById: string;
  requestedAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
  participants: { userId: string; name: string; answer: ConsentAnswer }[];
}

export const RECORDING_VIEW_SELECT = {
  id: true,
  sessionId: true,
  roundId: true,
  status: true,
  requestedById: true,
  requestedAt: true,
  startedAt: true,
  stoppedAt: true,
  consents: { select: { userId: true, isConsenting: true, user: { select: { name: true } } }, orderBy: { userId: 'asc' } },
} as const;

/** One recording of the session as its view (the caller has already been checked as a member). */
export async function loadRecordingView(db: Db | DbTx, sessionId: string, recordingId: string): Promise<RecordingView | null> {
  const row = await db.recording.findFirst({ where: { id: recordingId, sessionId }, select: RECORDING_VIEW_SELECT });
  if (!row) return null;
  return {
    id: row.id,
    sessionId: row.sessionId,
    roundId: row.roundId,
    status: row.status,
    requestedById: row.requestedById,
    requestedAt: row.requestedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    participants: row.consents.map((consent) => ({
      userId: consent.userId,
      name: consent.user.name,
      answer: consent.isConsenting === null ? 'PENDING' : consent.isConsenting ? 'YES' : 'NO',
    })),
  };
}
