'use client';

import { useSyncExternalStore } from 'react';

const TICK_MS = 250;

function subscribe(onTick: () => void): () => void {
  const interval = setInterval(onTick, TICK_MS);
  // A throttled background tab may skip ticks; waking up re-reads the clock at once.
  document.addEventListener('visibilitychange', onTick);
  return () => {
    clearInterval(interval);
    document.removeEventListener('visibilitychange', onTick);
  };
}

// Quantised so React sees one stable value per tick rather than a new one on every read.
const readNow = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;
const readNothingOnServer = () => null;

/** The browser's time, re-rendering every 250 ms; null while rendering on the server (times are derived, never sent). */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, readNow, readNothingOnServer);
}
