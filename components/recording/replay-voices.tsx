'use client';

import { useEffect, useRef, useState } from 'react';
import type { ReplayAudioTrack } from '@/lib/recordings/find-replay-audio';
import { formatElapsed } from '@/lib/timer/round-clock';

/** Further apart than this and an audio element is moved to the replay clock (closer, it plays on undisturbed). */
const DRIFT_TOLERANCE_S = 0.35;

interface ReplayVoicesProps {
  tracks: ReplayAudioTrack[];
  /** The replay clock: wall time (ms) being shown. */
  clockAt: number;
  isPlaying: boolean;
  speed: number;
}

/**
 * One <audio> per recorded track, held to the replay clock: each plays while the clock is inside its stretch, at
 * the replay's speed, and is moved whenever the clock moves away from it (a seek, a jump to a mark, drift).
 */
export function ReplayVoices({ tracks, clockAt, isPlaying, speed }: ReplayVoicesProps) {
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLAudioElement>());
  /** Audio elements still seeking to their end to learn their duration: the clock leaves them alone until then. */
  const revealing = useRef(new Set<HTMLAudioElement>());
  const [revealedCount, setRevealedCount] = useState(0);

  useEffect(() => {
    for (const track of tracks) {
      const audio = elements.current.get(track.trackId);
      if (!audio || revealing.current.has(audio)) continue;
      const target = (clockAt - track.startedAt) / 1000;
      const length = Number.isFinite(audio.duration) ? audio.duration : track.durationMs / 1000;
      const isInside = target >= 0 && target < length;
      audio.playbackRate = speed;
      const clamped = Math.min(Math.max(target, 0), length);
      if (Math.abs(audio.currentTime - clamped) > DRIFT_TOLERANCE_S) audio.currentTime = clamped;
      if (isPlaying && isInside && audio.paused) void audio.play().catch(() => undefined);
      else if ((!isPlaying || !isInside) && !audio.paused) audio.pause();
    }
  }, [tracks, clockAt, isPlaying, speed, revealedCount]);

  const remove = async (track: ReplayAudioTrack) => {
    const response = await fetch(track.url, { method: 'DELETE' });
    if (response.ok) {
      setDeleted(new Set([...deleted, track.trackId]));
      setMessage('Your recorded voice was deleted.');
    } else setMessage('Your recorded voice could not be deleted. Try again.');
  };

  return (
    <div className="replay-voices" aria-label="Recorded voices">
      {tracks
        .filter((track) => !deleted.has(track.trackId))
        .map((track) => (
          <div key={track.trackId} className="replay-voice">
            <span>
              🎙 {track.name} · {formatElapsed(track.durationMs)}
            </span>
            <audio
              ref={(element) => {
                if (element) elements.current.set(track.trackId, element);
                else elements.current.delete(track.trackId);
              }}
              src={track.url}
              preload="auto"
              data-testid="replay-audio"
              data-started-at={track.startedAt}
              onLoadedMetadata={(event) => {
                const audio = event.currentTarget;
                revealing.current.add(audio);
                revealDuration(audio, () => {
                  revealing.current.delete(audio);
                  setRevealedCount((count) => count + 1);
                });
              }}
            />
            {track.isOwn ? (
              <button type="button" className="button small" onClick={() => void remove(track)}>
                Delete my voice
              </button>
            ) : null}
          </div>
        ))}
      {message ? <p className="muted" role="status">{message}</p> : null}
    </div>
  );
}

/**
 * MediaRecorder writes WebM without a duration, so the browser reports Infinity until it has read to the end:
 * seek far past the end once, which makes it find the real length, then come back. Any other seek meanwhile
 * (the replay clock syncing the element) would cancel this one, hence `onRevealed`: the caller holds its seeks
 * until the duration is known.
 */
function revealDuration(audio: HTMLAudioElement, onRevealed: () => void): void {
  if (Number.isFinite(audio.duration)) {
    onRevealed();
    return;
  }
  const back = () => {
    if (!Number.isFinite(audio.duration)) return;
    audio.removeEventListener('durationchange', back);
    audio.currentTime = 0;
    onRevealed();
  };
  audio.addEventListener('durationchange', back);
  audio.currentTime = Number.MAX_SAFE_INTEGER;
}
