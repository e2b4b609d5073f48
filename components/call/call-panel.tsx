'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoomSocket } from '@/components/room/socket-request';
import { CallSession, type CallSnapshot } from './call-session';
import { RemoteAudio, RemoteTile, SelfTile } from './call-tiles';
import { DevicePickers } from './device-pickers';
import { listDevices, openCamera, openLocalMedia, openMicrophone, type DeviceLists, type LocalMedia } from './local-media';
import { useAudioLevel } from './use-audio-level';

// The call, loaded only once someone asks for it (CallDock imports this module on demand): first a check of
// camera and microphone (preview, level meter, device choice), then the call itself. Keyboard: Ctrl+Shift+M
// (⌘⇧M on a Mac) mutes, Ctrl+Shift+E (⌘⇧E) turns the camera off; neither is bound by the editor.

type TileSize = 'large' | 'small' | 'hidden';
const TILE_SIZE_KEY = 'mockloop.call.tileSize';
const NEXT_SIZE: Record<TileSize, TileSize> = { large: 'small', small: 'hidden', hidden: 'large' };
const SIZE_BUTTON: Record<TileSize, string> = { large: 'Shrink tiles', small: 'Hide tiles', hidden: 'Show tiles' };
const NO_DEVICES: DeviceLists = { microphones: [], cameras: [], speakers: [] };

interface CallPanelProps {
  /** The room's socket once joined to the session; null while (re)connecting. */
  socket: RoomSocket | null;
  sessionId: string;
  viewerName: string;
  onClose: () => void;
}

/** The panel renders in the browser only (CallDock loads it without server rendering). */
function readTileSize(): TileSize {
  const stored = window.localStorage.getItem(TILE_SIZE_KEY);
  return stored === 'small' || stored === 'hidden' ? stored : 'large';
}

function stopTracks(media: LocalMedia | null) {
  media?.audio?.stop();
  media?.video?.stop();
}

export function CallPanel({ socket, sessionId, viewerName, onClose }: CallPanelProps) {
  const [phase, setPhase] = useState<'check' | 'call'>('check');
  const [media, setMedia] = useState<LocalMedia | null>(null);
  const [devices, setDevices] = useState<DeviceLists>(NO_DEVICES);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [speakerId, setSpeakerId] = useState<string | null>(null);
  const [isMuted, setIsMuted] = useState(false);
  const [isCameraOff, setIsCameraOff] = useState(false);
  const [snapshot, setSnapshot] = useState<CallSnapshot | null>(null);
  const [tileSize, setTileSize] = useState<TileSize>(readTileSize);
  const [notice, setNotice] = useState<string | null>(null);
  const session = useRef<CallSession | null>(null);
  const mediaRef = useRef<LocalMedia | null>(null);
  useEffect(() => {
    mediaRef.current = media;
  }, [media]);
  const level = useAudioLevel(media?.audio ?? null);

  const applyOpened = useCallback(async (opened: LocalMedia) => {
    setMedia(opened);
    setIsMuted(!opened.audio);
    setIsCameraOff(!opened.video);
    setMicrophoneId(opened.audio?.getSettings().deviceId ?? null);
    setCameraId(opened.video?.getSettings().deviceId ?? null);
    setDevices(await listDevices().catch(() => NO_DEVICES));
  }, []);

  const acquire = () => {
    stopTracks(mediaRef.current);
    void openLocalMedia({ microphoneId: null, cameraId: null }, true).then(applyOpened);
  };

  useEffect(() => {
    let isCancelled = false;
    void openLocalMedia({ microphoneId: null, cameraId: null }, true).then((opened) => {
      if (isCancelled) stopTracks(opened);
      else void applyOpened(opened);
    });
    return () => {
      isCancelled = true;
    };
  }, [applyOpened]);

  // Whatever closes the panel (leaving, the session ending) releases the devices and leaves the call.
  useEffect(
    () => () => {
      stopTracks(mediaRef.current);
      void session.current?.leave();
    },
    [],
  );

  const outgoingAudio = isMuted ? null : (media?.audio ?? null);
  const outgoingVideo = isCameraOff ? null : (media?.video ?? null);
  useEffect(() => {
    session.current?.setOutgoing({ audio: outgoingAudio, video: outgoingVideo });
  }, [outgoingAudio, outgoingVideo]);
  useEffect(() => {
    session.current?.setMedia({ isMuted, isCameraOff });
  }, [isMuted, isCameraOff]);

  // A reconnected room socket is a new participant to the server: enter the call again, links start over.
  const wasOffline = useRef(false);
  useEffect(() => {
    if (!socket) {
      wasOffline.current = true;
      return;
    }
    if (wasOffline.current && session.current) void session.current.join(socket);
    wasOffline.current = false;
  }, [socket]);

  useEffect(() => {
    if (phase !== 'call') return;
    const onOnline = () => session.current?.restartIce();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [phase]);

  const join = () => {
    if (!socket) return;
    const call = new CallSession({ sessionId, outgoing: { audio: outgoingAudio, video: outgoingVideo }, media: { isMuted, isCameraOff }, onChange: setSnapshot });
    session.current = call;
    setPhase('call');
    void call.join(socket);
  };

  const leave = () => {
    void session.current?.leave();
    session.current = null;
    stopTracks(mediaRef.current);
    onClose();
  };

  const toggleMute = useCallback(() => {
    if (mediaRef.current?.audio) setIsMuted((muted) => !muted);
  }, []);

  const toggleCamera = useCallback(async () => {
    const current = mediaRef.current;
    if (!current) return;
    if (current.video) {
      // Off means off: the camera is released (its light goes out), not just hidden.
      current.video.stop();
      setMedia({ ...current, video: null });
      setIsCameraOff(true);
      return;
    }
    try {
      const video = await openCamera(cameraId);
      setMedia({ ...current, video });
      setIsCameraOff(false);
      setNotice(null);
    } catch {
      setNotice('The camera could not be turned on: it may be in use by another app, or blocked for this site.');
    }
  }, [cameraId]);

  useEffect(() => {
    if (phase !== 'call') return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'm' && key !== 'e') return;
      event.preventDefault();
      if (key === 'm') toggleMute();
      else void toggleCamera();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [phase, toggleMute, toggleCamera]);

  const chooseMicrophone = async (deviceId: string) => {
    setMicrophoneId(deviceId);
    try {
      const audio = await openMicrophone(deviceId);
      mediaRef.current?.audio?.stop();
      setMedia((current) => ({ video: current?.video ?? null, problem: null, audio }));
    } catch {
      setNotice('That microphone could not be opened.');
    }
  };
  const chooseCamera = async (deviceId: string) => {
    setCameraId(deviceId);
    if (isCameraOff && phase === 'call') return;
    try {
      const video = await openCamera(deviceId);
      mediaRef.current?.video?.stop();
      setMedia((current) => ({ audio: current?.audio ?? null, problem: null, video }));
      setIsCameraOff(false);
    } catch {
      setNotice('That camera could not be opened.');
    }
  };
  const changeTileSize = () => {
    const next = NEXT_SIZE[tileSize];
    setTileSize(next);
    window.localStorage.setItem(TILE_SIZE_KEY, next);
  };

  const pickers = (
    <DevicePickers
      devices={devices}
      microphoneId={microphoneId}
      cameraId={cameraId}
      speakerId={speakerId}
      onMicrophone={(id) => void chooseMicrophone(id)}
      onCamera={(id) => void chooseCamera(id)}
      onSpeaker={setSpeakerId}
    />
  );

  if (phase === 'check') {
    const hasMedia = Boolean(media?.audio || media?.video);
    return (
      <section className="call-check" aria-label="Check your camera and microphone">
        <div className="call-check-preview">
          <SelfTile name={viewerName} video={media?.video ?? null} isMuted={isMuted} isCameraOff={isCameraOff} level={level} outboundAudioBytes={0} />
          <div className="call-meter" role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)}>
            <span style={{ width: `${Math.round(level * 100)}%` }} />
          </div>
        </div>
        <div className="call-check-side">
          {media === null ? <p className="muted">Asking for your camera and microphone…</p> : null}
          {media?.problem ? (
            <p className="call-problem" role="alert">
              {media.problem}
            </p>
          ) : null}
          {pickers}
          {hasMedia ? (
            <div className="call-check-toggles">
              <label>
                <input type="checkbox" checked={!isMuted} disabled={!media?.audio} onChange={(event) => setIsMuted(!event.target.checked)} /> Microphone on
              </label>
              <label>
                <input type="checkbox" checked={!isCameraOff} disabled={!media?.video} onChange={(event) => setIsCameraOff(!event.target.checked)} /> Camera on
              </label>
            </div>
          ) : null}
          <div className="call-actions">
            <button type="button" className="button primary" disabled={!socket || media === null} onClick={join}>
              {hasMedia ? 'Join call' : 'Join listen-only'}
            </button>
            {media?.problem ? (
              <button type="button" className="button" onClick={acquire}>
                Try again
              </button>
            ) : null}
            <button type="button" className="button" onClick={leave}>
              Cancel
            </button>
          </div>
          {!socket ? <p className="muted">Waiting for the connection to the room…</p> : null}
        </div>
      </section>
    );
  }

  const remotes = snapshot?.remotes ?? [];
  const shortcut = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘⇧' : 'Ctrl+Shift+';
  return (
    <section className="call" data-tile-size={tileSize} aria-label="Call">
      <div className="call-bar">
        <button
          type="button"
          className="button"
          aria-pressed={isMuted}
          disabled={!media?.audio}
          title={`${isMuted ? 'Unmute' : 'Mute'} (${shortcut}M)`}
          aria-keyshortcuts="Control+Shift+M Meta+Shift+M"
          onClick={toggleMute}
        >
          {isMuted ? 'Unmute' : 'Mute'}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={isCameraOff}
          title={`${isCameraOff ? 'Turn camera on' : 'Turn camera off'} (${shortcut}E)`}
          aria-keyshortcuts="Control+Shift+E Meta+Shift+E"
          onClick={() => void toggleCamera()}
        >
          {isCameraOff ? 'Camera on' : 'Camera off'}
        </button>
        <button type="button" className="button" onClick={changeTileSize}>
          {SIZE_BUTTON[tileSize]}
        </button>
        <details className="call-settings">
          <summary>Devices</summary>
          {pickers}
        </details>
        <span className="call-summary muted" role="status">
          {snapshot?.phase === 'rejoining' || (snapshot?.phase === 'joined' && !socket)
            ? 'Reconnecting the call…'
            : snapshot?.phase === 'joining'
              ? 'Joining…'
              : `${remotes.filter((remote) => remote.state !== 'left' && remote.state !== 'dropped').length + 1} in the call`}
        </span>
        <button type="button" className="button danger" onClick={leave}>
          Leave call
        </button>
      </div>
      {snapshot?.phase === 'refused' ? (
        <p className="form-error" role="alert">
          {snapshot.error}
        </p>
      ) : null}
      {notice || media?.problem ? (
        <p className="call-problem" role="alert">
          {notice ?? media?.problem}
        </p>
      ) : null}
      <div className="call-tiles" hidden={tileSize === 'hidden'}>
        <SelfTile name={viewerName} video={media?.video ?? null} isMuted={isMuted} isCameraOff={isCameraOff} level={level} outboundAudioBytes={snapshot?.outboundAudioBytes ?? 0} />
        {remotes.map((remote) => (
          <RemoteTile key={remote.id} participant={remote} onDismiss={() => session.current?.dismiss(remote.id)} />
        ))}
      </div>
      {remotes.map((remote) => (remote.stream ? <RemoteAudio key={remote.id} stream={remote.stream} sinkId={speakerId} /> : null))}
    </section>
  );
}
