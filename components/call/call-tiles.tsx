'use client';

import { useEffect, useMemo, useRef } from 'react';
import type { RemoteParticipant } from './call-session';

// The call's tiles: one's own, and one per other participant with their name and state. Sound plays through
// separate audio elements (RemoteAudio), so shrinking or hiding the tiles never silences anyone.

const SPEAKING_LEVEL = 0.04;

function useSrcObject<E extends HTMLMediaElement>(stream: MediaStream | null) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return ref;
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

const STATE_TEXT: Record<RemoteParticipant['state'], string> = {
  connecting: 'Connecting…',
  connected: '',
  reconnecting: 'Reconnecting…',
  failed: 'No connection',
  left: 'Left the call',
  dropped: 'Connection lost',
};

interface SelfTileProps {
  name: string;
  video: MediaStreamTrack | null;
  isMuted: boolean;
  isCameraOff: boolean;
  level: number;
  outboundAudioBytes: number;
}

export function SelfTile({ name, video, isMuted, isCameraOff, level, outboundAudioBytes }: SelfTileProps) {
  const stream = useMemo(() => (video ? new MediaStream([video]) : null), [video]);
  const ref = useSrcObject<HTMLVideoElement>(isCameraOff ? null : stream);
  const isSpeaking = !isMuted && level > SPEAKING_LEVEL;
  return (
    <figure className="call-tile is-self" data-testid="call-self-tile" data-speaking={isSpeaking} data-outbound-audio-bytes={outboundAudioBytes}>
      {video && !isCameraOff ? <video ref={ref} className="call-video is-mirrored" autoPlay playsInline muted /> : <div className="call-avatar">{initialsOf(name)}</div>}
      <figcaption className="call-tile-label">
        <span className="call-name">{name} (you)</span>
        {isMuted ? <span className="call-badge">Muted</span> : null}
        {isCameraOff ? <span className="call-badge">Camera off</span> : null}
      </figcaption>
    </figure>
  );
}

interface RemoteTileProps {
  participant: RemoteParticipant;
  onDismiss: () => void;
}

export function RemoteTile({ participant, onDismiss }: RemoteTileProps) {
  const { name, state, stats, isMuted, isCameraOff, failure } = participant;
  const isGone = state === 'left' || state === 'dropped';
  const showsVideo = !isCameraOff && !isGone && state !== 'failed' && (stats?.framesDecoded ?? 0) > 0;
  const ref = useSrcObject<HTMLVideoElement>(participant.stream);
  const isSpeaking = !isMuted && state === 'connected' && (stats?.audioLevel ?? 0) > SPEAKING_LEVEL;
  return (
    <figure
      className="call-tile"
      data-testid="call-tile"
      data-name={name}
      data-participant-id={participant.id}
      data-state={state}
      data-speaking={isSpeaking}
      data-inbound-audio-bytes={stats?.inboundAudioBytes ?? 0}
      data-inbound-video-bytes={stats?.inboundVideoBytes ?? 0}
      data-frames-decoded={stats?.framesDecoded ?? 0}
    >
      {/* Kept mounted (hidden while it has no picture) so frames keep decoding the moment they arrive. */}
      <video ref={ref} className="call-video" autoPlay playsInline muted hidden={!showsVideo} />
      {showsVideo ? null : <div className="call-avatar">{initialsOf(name)}</div>}
      <figcaption className="call-tile-label">
        <span className="call-name">{name}</span>
        {isMuted && !isGone ? <span className="call-badge">Muted</span> : null}
        {isCameraOff && !isGone ? <span className="call-badge">Camera off</span> : null}
        {STATE_TEXT[state] ? (
          <span className="call-state" role="status">
            {STATE_TEXT[state]}
          </span>
        ) : null}
      </figcaption>
      {failure ? (
        <p className="call-failure" role="alert">
          {failure}
        </p>
      ) : null}
      {isGone ? (
        <button type="button" className="call-dismiss" aria-label={`Remove ${name}'s tile`} onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </figure>
  );
}

/** One participant's sound, through the chosen speaker where the browser allows choosing. */
export function RemoteAudio({ stream, sinkId }: { stream: MediaStream; sinkId: string | null }) {
  const ref = useSrcObject<HTMLAudioElement>(stream);
  useEffect(() => {
    const element = ref.current as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (sinkId !== null && element?.setSinkId) void element.setSinkId(sinkId).catch(() => undefined);
  }, [ref, sinkId]);
  return <audio ref={ref} autoPlay />;
}
