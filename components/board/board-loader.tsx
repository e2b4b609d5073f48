'use client';

import dynamic from 'next/dynamic';

// Excalidraw is large: it is a chunk of its own, fetched the first time a board is shown. Its fonts come from
// mockloop (public/excalidraw/, copied from the package at build time), never from a CDN: Excalidraw reads
// this path when it loads a font.
const BOARD_ASSET_PATH = '/excalidraw/';

export const SharedBoard = dynamic(
  async () => {
    (window as Window & { EXCALIDRAW_ASSET_PATH?: string }).EXCALIDRAW_ASSET_PATH = BOARD_ASSET_PATH;
    return (await import('./shared-board')).SharedBoard;
  },
  { ssr: false, loading: () => <p className="editor-placeholder muted">Loading the board…</p> },
);
