'use client';

import { useEffect, useState } from 'react';

// The loudness of one's own microphone, for the pre-join meter and the "speaking" ring on one's own tile. (The
// others' loudness comes from the peer connection's statistics instead: no audio graph per remote stream.)

let sharedContext: AudioContext | null = null;
const SAMPLE_MS = 100;

/** 0..1, sampled ten times a second; 0 without a track. */
export function useAudioLevel(track: MediaStreamTrack | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!track || typeof AudioContext === 'undefined') return;
    sharedContext ??= new AudioContext();
    const context = sharedContext;
    void context.resume().catch(() => undefined);
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      // RMS scaled so that normal speech fills most of the meter.
      const next = Math.min(1, Math.sqrt(sum / samples.length) * 4);
      setLevel((current) => (Math.abs(current - next) < 0.02 ? current : next));
    }, SAMPLE_MS);
    return () => {
      clearInterval(timer);
      source.disconnect();
      setLevel(0);
    };
  }, [track]);
  return level;
}
