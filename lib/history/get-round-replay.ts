import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { encodeUpdate } from '@/lib/realtime/update-encoding';
import { findReplayAudio, type ReplayAudioTrack } from '@/lib/recordings/find-replay-audio';
import { getMembership } from '@/lib/sessions/get-membership';

export interface RoundReplay {
  documentId: string;
  /** In log order; `update` is base64 so the payload crosses any transport unchanged. */
  steps: { at: number; userId: string | null; update: string }[];
  authors: { userId: string; name: string }[];
  /** Recorded voices of the round the viewer may hear (lib/recordings), on the same wall clock as `steps`. */
  audio: ReplayAudioTrack[];
  /** The round's board (issue 23), when it has one with anything drawn: its update log, to replay beside the editor's. */
  board?: { documentId: string; steps: { at: number; update: string }[] };
}

/**
 * A round editor's whole update log, for replay, and its board's beside it. Any member may replay a round's editor (they saw it live);
 * the private notes document is never replayable through this (it is not a round editor).
 */
export async function getRoundReplay(db: Db, sessionId: string, roundId: string, userId: string): Promise<RoundReplay> {
  await getMembership(db, sessionId, userId);
  const document = await db.document.findFirst({
    where: { sessionId, roundId, kind: 'ROUND_EDITOR' },
    select: { id: true },
  });
  if (!document) throw new AppError('NOT_FOUND', 'That round does not exist in this session.');
  const board = await db.document.findFirst({ where: { sessionId, roundId, kind: 'BOARD' }, select: { id: true } });
  const boardUpdates = board
    ? await db.documentUpdate.findMany({ where: { documentId: board.id }, orderBy: { id: 'asc' }, select: { update: true, createdAt: true } })
    : [];
  const [updates, members, audio] = await Promise.all([
    db.documentUpdate.findMany({
      where: { documentId: document.id },
      orderBy: { id: 'asc' },
      select: { update: true, userId: true, createdAt: true },
    }),
    db.sessionMember.findMany({ where: { sessionId }, select: { userId: true, user: { select: { name: true } } } }),
    findReplayAudio(db, sessionId, roundId, userId),
  ]);
  return {
    documentId: document.id,
    steps: updates.map((row) => ({ at: row.createdAt.getTime(), userId: row.userId, update: encodeUpdate(row.update) })),
    authors: members.map((member) => ({ userId: member.userId, name: member.user.name })),
    audio,
    ...(board && boardUpdates.length > 0
      ? { board: { documentId: board.id, steps: boardUpdates.map((row) => ({ at: row.createdAt.getTime(), update: encodeUpdate(row.update) })) } }
      : {}),
  };
}
