'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import { HANDSHAKE_RATE_LIMITED, HANDSHAKE_UNAUTHENTICATED, HANDSHAKE_RETRY_AFTER_MS } from '@/lib/realtime/socket-events';
import type { RoundClockState } from '@/lib/sessions/control-round-timer';
import type { SessionView } from '@/lib/sessions/session-view';
import { estimateClockOffset, type ClockSample } from '@/lib/timer/clock-offset';
import type { FiredTwistView } from '@/lib/twists/fired-twist-view';
import { mergeFiredTwists } from '@/lib/twists/merge-fired-twists';
import { LatestAnswerGate } from './latest-answer-gate';
import { sendCommand, type RoomSocket } from './socket-request';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface RoomConnection {
  /** Null until the first connection: editors open once there is a socket to sync over. */
  socket: RoomSocket | null;
  /** The socket for session commands: null unless connected AND joined (the server refuses commands before). */
  commandSocket: RoomSocket | null;
  view: SessionView;
  connection: ConnectionState;
  onlineUserIds: ReadonlySet<string>;
  /** serverTime ≈ Date.now() + clockOffset. */
  clockOffset: number;
  /** Why the room cannot be used right now (signed out, removed from the session ...), if it cannot. */
  fatalError: string | null;
  /** The socket was refused for want of a valid sign-in: the page offers to sign in again. */
  isSignedOut: boolean;
  /** Asks for a fresh view (after a command whose broadcast might be slower than its ack). */
  refresh: () => void;
  /** Applies a clock from an ack; older versions than the one shown are ignored. */
  applyClock: (state: RoundClockState) => void;
  /** Shows a fired twist (from an ack) without waiting for its broadcast. */
  applyFiredTwist: (twist: FiredTwistView) => void;
}

const PING_SAMPLES = 5;
const PING_INTERVAL_MS = 60_000;

/** A round's clock only moves forward in version: a late broadcast or an older view never rewinds it. */
function withClock(view: SessionView, state: RoundClockState): SessionView {
  const round = view.rounds.find((candidate) => candidate.id === state.roundId);
  if (!round || state.timerVersion < round.timerVersion) return view;
  return {
    ...view,
    rounds: view.rounds.map((candidate) =>
      candidate.id === state.roundId ? { ...candidate, clock: state.clock, timerVersion: state.timerVersion } : candidate,
    ),
  };
}

function withFiredTwist(view: SessionView, twist: FiredTwistView): SessionView {
  return {
    ...view,
    rounds: view.rounds.map((round) => (round.id === twist.roundId ? { ...round, firedTwists: mergeFiredTwists(round.firedTwists, [twist]) } : round)),
  };
}

/** A fetched view never rewinds a clock, nor drops a twist a broadcast showed while it was on its way. */
function keepNewerState(current: SessionView, next: SessionView): SessionView {
  return {
    ...next,
    rounds: next.rounds.map((round) => {
      const shown = current.rounds.find((candidate) => candidate.id === round.id);
      if (!shown) return round;
      const kept = { ...round, firedTwists: mergeFiredTwists(shown.firedTwists, round.firedTwists) };
      return shown.timerVersion > round.timerVersion ? { ...kept, clock: shown.clock, timerVersion: shown.timerVersion } : kept;
    }),
  };
}

async function sampleClock(socket: RoomSocket): Promise<ClockSample[]> {
  const samples: ClockSample[] = [];
  for (let index = 0; index < PING_SAMPLES && socket.connected; index += 1) {
    const sentAt = Date.now();
    const ack = await sendCommand(socket, 'clock:ping');
    if (!ack.ok) break;
    samples.push({ sentAt, serverNow: ack.data.serverNow, receivedAt: Date.now() });
  }
  return samples;
}

/** One socket.io connection for the room: the live view, presence, connection state and the server's clock. */
export function useRoomSocket(initialView: SessionView): RoomConnection {
  const sessionId = initialView.id;
  const [socket, setSocket] = useState<RoomSocket | null>(null);
  const [view, setView] = useState(initialView);
  const [isConnected, setIsConnected] = useState(false);
  const [isJoined, setIsJoined] = useState(false);
  const [hasConnected, setHasConnected] = useState(false);
  const [isBrowserOffline, setIsBrowserOffline] = useState(false);
  const [onlineUserIds, setOnlineUserIds] = useState<ReadonlySet<string>>(() => new Set());
  const [clockOffset, setClockOffset] = useState(0);
  const [fatalError, setFatalError] = useState<string | null>(null);
  const [isSignedOut, setIsSignedOut] = useState(false);

  // Read by the presence handler: someone online who is not yet a member has just joined through an invite.
  const memberIds = useRef(new Set(initialView.members.map((member) => member.userId)));
  useEffect(() => {
    memberIds.current = new Set(view.members.map((member) => member.userId));
  }, [view.members]);

  const applyClock = useCallback((state: RoundClockState) => setView((current) => withClock(current, state)), []);
  const applyFiredTwist = useCallback((twist: FiredTwistView) => setView((current) => withFiredTwist(current, twist)), []);

  // The server answers view requests concurrently, so an answer to an older request can arrive after a newer
  // one (end the round, then complete the session: the first reload may finish last and show the session
  // live again). A stale view never overwrites a newer one.
  const viewAnswers = useRef(new LatestAnswerGate());
  const fetchView = useCallback(
    async (connection: RoomSocket, event: 'session:get' | 'session:join') => {
      const number = viewAnswers.current.next();
      const ack = await sendCommand(connection, event, { sessionId });
      if (ack.ok && viewAnswers.current.accept(number)) setView((current) => keepNewerState(current, ack.data));
      return ack;
    },
    [sessionId],
  );

  const refresh = useCallback(() => {
    if (!socket?.connected) return;
    void fetchView(socket, 'session:get');
  }, [socket, fetchView]);

  useEffect(() => {
    // Same origin, websocket only: the session cookie rides on the upgrade request.
    const connection: RoomSocket = io({ transports: ['websocket'] });
    let isPingSampleFromAck = false;
    let pingTimer: ReturnType<typeof setInterval> | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    const syncClock = async () => {
      const samples = await sampleClock(connection);
      if (samples.length > 0) {
        isPingSampleFromAck = true;
        setClockOffset(estimateClockOffset(samples));
      }
    };

    const join = async () => {
      const ack = await fetchView(connection, 'session:join');
      if (ack.ok) {
        setIsJoined(connection.connected);
        setFatalError(null);
      } else if (ack.code === 'NOT_FOUND' || ack.code === 'FORBIDDEN') {
        setFatalError(ack.message);
      } else {
        setFatalError(`Could not join the live session: ${ack.message}`);
      }
    };

    connection.on('connect', () => {
      setSocket(connection);
      setIsConnected(true);
      setHasConnected(true);
      void join();
      void syncClock();
    });
    connection.on('disconnect', (reason) => {
      setIsConnected(false);
      setIsJoined(false);
      // The server closed this socket on purpose; socket.io will not retry that by itself.
      if (reason === 'io server disconnect') connection.connect();
    });
    connection.on('connect_error', (error) => {
      if (error.message === HANDSHAKE_UNAUTHENTICATED) {
        setIsSignedOut(true);
        setFatalError('Your sign-in has expired. Sign in again to rejoin the session.');
      }
      // A refusal by the server's middleware is final for socket.io; this one passes, so try again later.
      if (error.message === HANDSHAKE_RATE_LIMITED) retryTimer = setTimeout(() => connection.connect(), HANDSHAKE_RETRY_AFTER_MS);
    });
    const reload = () => {
      void fetchView(connection, 'session:get');
    };
    connection.on('session:changed', (payload) => {
      if (payload.sessionId === sessionId) reload();
    });
    connection.on('round:clock', (payload) => {
      if (payload.sessionId !== sessionId) return;
      // Until a ping has answered, a broadcast's own timestamp is the best estimate of the server's clock.
      if (!isPingSampleFromAck) setClockOffset(payload.serverNow - Date.now());
      setView((current) => withClock(current, payload));
    });
    connection.on('twist:fired', (payload) => {
      if (payload.sessionId === sessionId) setView((current) => withFiredTwist(current, payload.twist));
    });
    connection.on('presence:changed', (payload) => {
      if (payload.sessionId !== sessionId) return;
      setOnlineUserIds(new Set(payload.onlineUserIds));
      if (payload.onlineUserIds.some((userId) => !memberIds.current.has(userId))) reload();
    });

    pingTimer = setInterval(() => {
      if (connection.connected) void syncClock();
    }, PING_INTERVAL_MS);

    const onOffline = () => setIsBrowserOffline(true);
    const onOnline = () => setIsBrowserOffline(false);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    return () => {
      if (pingTimer) clearInterval(pingTimer);
      if (retryTimer) clearTimeout(retryTimer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      connection.removeAllListeners();
      connection.disconnect();
    };
  }, [sessionId, fetchView]);

  const connection: ConnectionState = isConnected ? 'connected' : isBrowserOffline ? 'offline' : hasConnected ? 'reconnecting' : 'connecting';
  return {
    socket,
    commandSocket: isConnected && isJoined ? socket : null,
    view,
    connection,
    onlineUserIds,
    clockOffset,
    fatalError,
    isSignedOut,
    refresh,
    applyClock,
    applyFiredTwist,
  };
}
