'use client';

import { useEffect, useState } from 'react';
import type { ConnectionState } from './use-room-socket';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

interface ConnectionIndicatorProps {
  connection: ConnectionState;
  /** Local edits the server has not confirmed as stored, across every open document. */
  unsyncedCount: number;
}

// While typing online every edit is unsynced for the few milliseconds its save takes; the count is worth
// showing only when saving lags behind or the connection is down.
const SHOW_LAG_AFTER_MS = 1_500;

export function ConnectionIndicator({ connection, unsyncedCount }: ConnectionIndicatorProps) {
  const hasUnsynced = unsyncedCount > 0;
  const [isLagging, setIsLagging] = useState(false);
  useEffect(() => {
    if (!hasUnsynced) return;
    const timer = setTimeout(() => setIsLagging(true), SHOW_LAG_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setIsLagging(false);
    };
  }, [hasUnsynced]);
  const showCount = hasUnsynced && (isLagging || connection !== 'connected');

  useEffect(() => {
    if (!hasUnsynced) return;
    // Edits are kept in memory until stored; leaving now would lose them.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsynced]);

  return (
    <p className={`connection connection-${connection}`} role="status" data-testid="connection" data-unsynced={unsyncedCount}>
      <span className="connection-dot" aria-hidden="true" />
      {LABELS[connection]}
      {showCount ? (
        <span className="unsynced">
          {' · '}
          {unsyncedCount} unsynced edit{unsyncedCount === 1 ? '' : 's'}
        </span>
      ) : null}
    </p>
  );
}
