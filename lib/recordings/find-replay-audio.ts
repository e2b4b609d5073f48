import type { Db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { assertCanHearRound } from './assert-can-hear-round';

/** One participant's playable track, placed on the replay's wall clock. */
export interface ReplayAudioTrack {
  trackId: string;
  userId: string;
  name: string;
  /** Wall time (ms) the recorder started. */
  startedAt: number;
  /** From the recorder's start to its last stored chunk. */
  durationMs: number;
  /** The authorized route that streams the track (app/api/recordings/tracks/[trackId]). */
  url: string;
  /** The viewer's own voice: they may delete it. */
  isOwn: boolean;
}

/** The round's recorded tracks the viewer may hear (none, rather than an error, for a candidate before publish). */
export async function findReplayAudio(db: Db, sessionId: string, roundId: string, userId: string): Promise<ReplayAudioTrack[]> {
  try {
    await assertCanHearRound(db, sessionId, roundId, userId);
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return [];
    throw error;
  }
  const tracks = await db.recordingTrack.findMany({
    where: { recording: { sessionId, roundId }, chunks: { some: {} } },
    orderBy: { startedAt: 'asc' },
    select: { id: true, userId: true, startedAt: true, user: { select: { name: true } }, chunks: { orderBy: { sequence: 'desc' }, take: 1, select: { recordedAt: true } } },
  });
  return tracks.map((track) => ({
    trackId: track.id,
    userId: track.userId,
    name: track.user.name,
    startedAt: track.startedAt.getTime(),
    durationMs: Math.max(0, (track.chunks[0]?.recordedAt.getTime() ?? track.startedAt.getTime()) - track.startedAt.getTime()),
    url: `/api/recordings/tracks/${encodeURIComponent(track.id)}`,
    isOwn: track.userId === userId,
  }));
}
