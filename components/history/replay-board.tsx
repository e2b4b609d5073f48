'use client';

import { useMemo } from 'react';
import * as Y from 'yjs';
import { readStoredScene } from '@/lib/boards/board-scene';
import { renderBoardSvg } from '@/lib/boards/render-board-svg';
import { decodeUpdate } from '@/lib/realtime/update-encoding';

// The board as it stood at a moment of the replay: its logged updates up to that time applied to a fresh Y.Doc
// and drawn with the report's SVG renderer (no Excalidraw here: the replay stays light).

interface ReplayBoardProps {
  steps: { at: number; update: string }[];
  /** Wall-clock time (ms) the replay shows. */
  at: number;
  label: string;
}

export function ReplayBoard({ steps, at, label }: ReplayBoardProps) {
  const decoded = useMemo(() => steps.map((step) => ({ at: step.at, update: decodeUpdate(step.update) })), [steps]);
  let count = 0;
  while (count < decoded.length && decoded[count]!.at <= at) count += 1;
  const svg = useMemo(() => {
    const doc = new Y.Doc();
    for (const step of decoded.slice(0, count)) Y.applyUpdate(doc, step.update);
    const drawn = renderBoardSvg(readStoredScene(doc), label);
    doc.destroy();
    return drawn;
  }, [decoded, count, label]);
  return (
    <div className="replay-board" data-testid="replay-board" data-steps={count}>
      {/* Drawn by lib/boards/render-board-svg.ts, which escapes every string it writes. */}
      <div className="board-image" dangerouslySetInnerHTML={{ __html: svg }} />
    </div>
  );
}
