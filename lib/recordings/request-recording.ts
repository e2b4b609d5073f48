import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getHostMembership } from '@/lib/sessions/get-membership';
import { loadRecordingView, type RecordingView } from './recording-view';

/**
 * The interviewer asks to record the current round's audio. Everyone present at that moment (the caller included)
 * must consent before anything is recorded; the caller's own consent is taken as given by asking. A session has
 * at most one recording asking or running at a time: asking again answers with that one.
 */
export async function requestRecording(db: Db, sessionId: string, userId: string, presentUserIds: readonly string[]): Promise<RecordingView> {
  await getHostMembership(db, sessionId, userId);
  const recordingId = await db.$transaction(async (tx) => {
    const session = await tx.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true, currentRoundIndex: true } });
    if (session.status === 'COMPLETED' || session.status === 'CANCELLED') throw new AppError('CONFLICT', 'This session is over; there is nothing left to record.');
    const active = await tx.recording.findFirst({ where: { sessionId, status: { in: ['ASKING', 'RECORDING'] } }, select: { id: true } });
    if (active) return active.id;
    const round = await tx.round.findFirst({ where: { sessionId, position: session.currentRoundIndex }, select: { id: true } });
    if (!round) throw new AppError('CONFLICT', 'This session has no round to record.');
    // Only members count as present: a socket's user id is a member's, but the list comes from the transport.
    const members = await tx.sessionMember.findMany({ where: { sessionId, userId: { in: [...new Set([userId, ...presentUserIds])] } }, select: { userId: true } });
    const now = new Date();
    const recording = await tx.recording.create({
      data: {
        sessionId,
        roundId: round.id,
        requestedById: userId,
        consents: {
          create: members.map((member) => (member.userId === userId ? { userId: member.userId, isConsenting: true, answeredAt: now } : { userId: member.userId })),
        },
      },
      select: { id: true },
    });
    // Alone in the room: the asker's consent is everyone's.
    if (members.length === 1) await tx.recording.update({ where: { id: recording.id }, data: { status: 'RECORDING', startedAt: now } });
    return recording.id;
  });
  return (await loadRecordingView(db, sessionId, recordingId))!;
}
