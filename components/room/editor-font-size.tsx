'use client';

import { useEffect, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'mockloop:editor-font-size';
const SIZES = [12, 13, 14, 16, 18, 20, 22] as const;
const DEFAULT_SIZE = 14;

function storedSize(): number {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  return (SIZES as readonly number[]).includes(stored) ? stored : DEFAULT_SIZE;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function setStoredSize(size: number): void {
  localStorage.setItem(STORAGE_KEY, String(size));
  for (const listener of listeners) listener();
}

/**
 * The reader's editor text size, kept in this browser (a preference of the person, not of the session): it sets
 * `--editor-font-size`, which the shared editor's theme reads.
 */
export function EditorFontSize() {
  // The server renders the default; the browser's stored choice takes over on hydration.
  const size = useSyncExternalStore(subscribe, storedSize, () => DEFAULT_SIZE);

  useEffect(() => {
    document.documentElement.style.setProperty('--editor-font-size', `${size}px`);
  }, [size]);

  const index = SIZES.indexOf(size as (typeof SIZES)[number]);
  const step = (by: number) => setStoredSize(SIZES[Math.min(Math.max(index + by, 0), SIZES.length - 1)]!);

  return (
    <span className="editor-font-size" role="group" aria-label="Editor text size">
      <button type="button" className="icon-button" title="Smaller editor text" disabled={index <= 0} onClick={() => step(-1)}>
        A−<span className="visually-hidden"> smaller editor text</span>
      </button>
      <span className="muted" aria-live="polite">
        {size}px
      </span>
      <button type="button" className="icon-button" title="Larger editor text" disabled={index >= SIZES.length - 1} onClick={() => step(1)}>
        A+<span className="visually-hidden"> larger editor text</span>
      </button>
    </span>
  );
}
