'use client';

import dynamic from 'next/dynamic';
import { useState, type ComponentProps } from 'react';

// The player replays Yjs updates, so it brings Yjs: a chunk of its own, fetched when someone opens the replay.
const ReplayPlayer = dynamic(() => import('./replay-player').then((module) => module.ReplayPlayer), {
  ssr: false,
  loading: () => <p className="muted">Loading the replay…</p>,
});

/** "Replay how it was written", closed until asked for; opening it loads the player. */
export function ReplaySection(props: ComponentProps<typeof ReplayPlayer>) {
  const [wasOpened, setWasOpened] = useState(false);
  return (
    <details className="report-replay" onToggle={(event) => event.currentTarget.open && setWasOpened(true)}>
      <summary>{props.replay.audio.length > 0 ? 'Replay how it was written, with the recorded voices' : 'Replay how it was written'}</summary>
      {wasOpened ? <ReplayPlayer {...props} /> : null}
    </details>
  );
}
