'use client';

import { useEffect, useRef, useState } from 'react';
import type { RecordingView } from '@/lib/recordings/recording-view';
import type { SessionView } from '@/lib/sessions/session-view';
import { elapsedAt } from '@/lib/timer/round-clock';
import { sendCommand, type RoomSocket } from '@/components/room/socket-request';
import type { ChunkUploader, UploaderStatus } from './chunk-uploader';

interface RecordingControlProps {
  /** Listens for changes even while reconnecting. */
  socket: RoomSocket | null;
  /** Sends commands: null until connected and joined. */
  commandSocket: RoomSocket | null;
  view: SessionView;
  clockOffset: number;
}

/**
 * Recording with consent, in the room's header: the interviewer asks, each member answers in their own browser,
 * everyone sees the indicator while it runs, anyone stops it. This browser records only its own microphone, and
 * only once it said yes and the recording runs.
 */
export function RecordingControl({ socket, commandSocket, view, clockOffset }: RecordingControlProps) {
  const [recording, setRecording] = useState<RecordingView | null>(null);
  const [uploader, setUploader] = useState<UploaderStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const recorder = useRef<{ recordingId: string; uploader: Promise<ChunkUploader> } | null>(null);
  // The recorder reads these when it stamps a slice or sends: always the latest, without restarting it.
  const latest = useRef({ commandSocket, view, clockOffset });
  useEffect(() => {
    latest.current = { commandSocket, view, clockOffset };
  }, [commandSocket, view, clockOffset]);

  const sessionId = view.id;
  const mine = recording?.participants.find((participant) => participant.userId === view.viewerId);
  const isSessionOpen = view.status === 'SCHEDULED' || view.status === 'LIVE';
  const isReady = isSessionOpen && (recording?.status === 'ASKING' || recording?.status === 'RECORDING') && mine?.answer === 'YES';
  const shouldRecord = isReady && recording?.status === 'RECORDING';

  useEffect(() => {
    if (!socket) return;
    const onChanged = (event: { sessionId: string; recording: RecordingView }) => {
      if (event.sessionId === sessionId) setRecording(event.recording);
    };
    socket.on('recording:changed', onChanged);
    return () => {
      socket.off('recording:changed', onChanged);
    };
  }, [socket, sessionId]);

  // On every (re)join: the current state, and whatever the recorder could not send while away.
  useEffect(() => {
    if (!commandSocket) return;
    void sendCommand(commandSocket, 'recording:get', { sessionId }).then((ack) => {
      if (ack.ok && ack.data.recording) setRecording(ack.data.recording);
    });
    void recorder.current?.uploader.then((uploader) => uploader.flush());
  }, [commandSocket, sessionId]);

  // Once this browser said yes, the microphone opens; it records from the moment the recording runs.
  useEffect(() => {
    const current = recorder.current;
    if (isReady && recording && current?.recordingId !== recording.id) {
      void current?.uploader.then((uploader) => uploader.stop());
      const uploader = import('./chunk-uploader').then(({ ChunkUploader }) => {
        const created = new ChunkUploader({
          sessionId,
          recordingId: recording.id,
          // Whole milliseconds: the clock offset is an estimate with a fraction.
          serverNow: () => Math.round(Date.now() + latest.current.clockOffset),
          roundElapsedMs: () => {
            const { view: now } = latest.current;
            const round = now.rounds[now.currentRoundIndex];
            return round ? Math.round(elapsedAt(round.clock, Date.now() + latest.current.clockOffset)) : 0;
          },
          socket: () => latest.current.commandSocket,
          onStatus: setUploader,
        });
        void created.prepare();
        return created;
      });
      recorder.current = { recordingId: recording.id, uploader };
    } else if (!isReady && current) {
      void current.uploader.then((uploader) => uploader.stop());
      recorder.current = null;
    }
  }, [isReady, recording, sessionId]);

  useEffect(() => {
    if (shouldRecord) void recorder.current?.uploader.then((uploader) => uploader.start());
  }, [shouldRecord]);

  // A session that ends ends its recording: whoever runs it says so for everyone (stopping twice is harmless).
  const recordingId = recording?.status === 'RECORDING' ? recording.id : null;
  useEffect(() => {
    if (!isSessionOpen && recordingId && view.canRunSession && commandSocket) void sendCommand(commandSocket, 'recording:stop', { sessionId, recordingId });
  }, [isSessionOpen, recordingId, view.canRunSession, commandSocket, sessionId]);

  // Leaving the room stops the microphone (unsent slices are lost with the tab, as with closing it).
  useEffect(() => () => void recorder.current?.uploader.then((uploader) => uploader.stop()), []);

  const run = async (send: (socket: RoomSocket) => Promise<{ ok: true; data: RecordingView } | { ok: false; message: string }>) => {
    if (!commandSocket) return setMessage('Not connected: try again in a moment.');
    const ack = await send(commandSocket);
    if (ack.ok) {
      setRecording(ack.data);
      setMessage(null);
    } else setMessage(ack.message);
  };
  const ask = () => run((socket) => sendCommand(socket, 'recording:request', { sessionId }));
  const answer = (isConsenting: boolean) => recording && run((socket) => sendCommand(socket, 'recording:consent', { sessionId, recordingId: recording.id, isConsenting }));
  const stop = () => recording && run((socket) => sendCommand(socket, 'recording:stop', { sessionId, recordingId: recording.id }));
  const deleteMine = async () => {
    if (!commandSocket || !recording) return;
    const ack = await sendCommand(commandSocket, 'recording:delete-mine', { sessionId, recordingId: recording.id });
    setMessage(ack.ok ? 'Your recorded voice was deleted.' : ack.message);
  };

  if (!isSessionOpen) return null;
  const isActive = recording?.status === 'ASKING' || recording?.status === 'RECORDING';
  const asker = recording ? view.members.find((member) => member.userId === recording.requestedById)?.name : undefined;
  const agreed = recording?.participants.filter((participant) => participant.answer === 'YES').length ?? 0;

  return (
    <div className="recording-control" data-testid="recording-control">
      {recording?.status === 'RECORDING' ? (
        <span className="recording-indicator" role="status" data-testid="recording-indicator">
          <span className="recording-dot" aria-hidden="true" /> Recording audio
          {mine?.answer === 'YES' && uploader ? <span className="muted"> · {uploader.storedCount} saved</span> : null}
        </span>
      ) : null}
      {recording?.status === 'ASKING' ? (
        <span className="muted" role="status">
          {asker ?? 'The interviewer'} asks to record audio · {agreed} of {recording.participants.length} agreed
        </span>
      ) : null}
      {isActive && mine?.answer !== 'YES' ? (
        <span className="recording-consent" role="group" aria-label="Consent to recording">
          <button type="button" className="button small primary" onClick={() => void answer(true)}>
            Allow recording my voice
          </button>
          <button type="button" className="button small" onClick={() => void answer(false)}>
            {recording?.status === 'ASKING' ? 'Decline' : 'Not me'}
          </button>
        </span>
      ) : null}
      {isActive ? (
        <button type="button" className="button small" onClick={() => void stop()}>
          {recording?.status === 'ASKING' ? 'Withdraw' : 'Stop recording'}
        </button>
      ) : view.canRunSession ? (
        <button type="button" className="button small" onClick={() => void ask()}>
          Record audio
        </button>
      ) : null}
      {recording?.status === 'STOPPED' && mine?.answer === 'YES' ? (
        <button type="button" className="button small" onClick={() => void deleteMine()}>
          Delete my recorded voice
        </button>
      ) : null}
      {uploader?.error ? <span className="form-error">{uploader.error}</span> : null}
      {message ? <span className="form-error" role="alert">{message}</span> : null}
    </div>
  );
}
