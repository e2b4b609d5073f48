import type { Db } from '@/lib/db';
import { answerRecordingConsent } from '@/lib/recordings/answer-recording-consent';
import { deleteOwnRecording } from '@/lib/recordings/delete-own-recording';
import { getCurrentRecording } from '@/lib/recordings/get-current-recording';
import type { RecordingView } from '@/lib/recordings/recording-view';
import { requestRecording } from '@/lib/recordings/request-recording';
import { stopRecording } from '@/lib/recordings/stop-recording';
import { storeRecordingChunk } from '@/lib/recordings/store-recording-chunk';
import { sessionRoom } from '@/lib/realtime/room-names';
import { handle, requireRoom, type HandlerKit } from './handler-kit';
import type { MockloopSocketServer } from './socket-types';

/**
 * Recording with consent. lib decides who may ask, answer, stop and send; every member of the session hears each
 * change (the view holds names and answers, nothing interviewer-only). Audio chunks are acknowledged only once
 * stored, and never relayed to anyone.
 */
export function registerRecordingHandlers(kit: HandlerKit, io: MockloopSocketServer, db: Db): void {
  const { socket } = kit;
  const userId = socket.data.user.id;
  const announce = (recording: RecordingView) => io.to(sessionRoom(recording.sessionId)).emit('recording:changed', { sessionId: recording.sessionId, recording });
  const joinFirst = (sessionId: string) => requireRoom(socket, sessionRoom(sessionId), 'Join the session first.');

  handle(kit, 'recording:request', async ({ sessionId }) => {
    joinFirst(sessionId);
    // Present: whoever has a socket in the session's room right now, on any node.
    const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
    const presentUserIds = sockets.map((present) => present.data.user.id);
    const recording = await requestRecording(db, sessionId, userId, presentUserIds);
    announce(recording);
    return recording;
  });

  handle(kit, 'recording:consent', async ({ sessionId, recordingId, isConsenting }) => {
    joinFirst(sessionId);
    const recording = await answerRecordingConsent(db, sessionId, recordingId, userId, isConsenting);
    announce(recording);
    return recording;
  });

  handle(kit, 'recording:stop', async ({ sessionId, recordingId }) => {
    joinFirst(sessionId);
    const recording = await stopRecording(db, sessionId, recordingId, userId);
    announce(recording);
    return recording;
  });

  handle(kit, 'recording:get', async ({ sessionId }) => {
    joinFirst(sessionId);
    return { recording: await getCurrentRecording(db, sessionId, userId) };
  });

  handle(kit, 'recording:chunk', async ({ data, ...chunk }) => {
    joinFirst(chunk.sessionId);
    return storeRecordingChunk(db, userId, { ...chunk, data: data.bytes });
  });

  handle(kit, 'recording:delete-mine', async ({ sessionId, recordingId }) => {
    joinFirst(sessionId);
    return deleteOwnRecording(db, sessionId, userId, recordingId);
  });
}
