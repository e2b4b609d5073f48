'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { RoomSocket } from '@/components/room/socket-request';

// The room's entry to the call. Only this button ships with the room: the call itself (WebRTC, device handling,
// tiles) is a chunk of its own, downloaded when someone opens it.
const CallPanel = dynamic(() => import('./call-panel').then((module) => module.CallPanel), {
  ssr: false,
  loading: () => <p className="muted">Loading the call…</p>,
});

interface CallDockProps {
  socket: RoomSocket | null;
  sessionId: string;
  viewerName: string;
}

export function CallDock({ socket, sessionId, viewerName }: CallDockProps) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div className="call-dock">
      {isOpen ? (
        <CallPanel socket={socket} sessionId={sessionId} viewerName={viewerName} onClose={() => setIsOpen(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setIsOpen(true)}>
          Join the call
        </button>
      )}
    </div>
  );
}
