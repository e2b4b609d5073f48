import type { CallLeaveReason, CallMediaState, CallParticipant, CallSignal, IceServer } from '@/lib/calls/call-types';
import type { BroadcastPayload } from '@/lib/realtime/contract';
import { sendCommand, type RoomSocket } from '@/components/room/socket-request';
import { PeerLink, type LinkHealth, type LinkStats, type OutgoingTracks } from './peer-link';

// The browser's side of one session's call: who is in it, one PeerLink per other participant, and the signalling
// over the room's socket. Framework-free (the panel renders its snapshots). After a socket reconnect the server
// has forgotten this participant (a new socket, a new id): rejoin() enters again and every link starts over.

export type RemoteStatus = LinkHealth | CallLeaveReason;

export interface RemoteParticipant extends CallParticipant {
  state: RemoteStatus;
  stream: MediaStream | null;
  stats: LinkStats | null;
  /** Why a failed link failed, in words a user can act on. */
  failure: string | null;
}

export interface CallSnapshot {
  phase: 'joining' | 'joined' | 'rejoining' | 'refused';
  /** Why the server refused the join (full, session over ...), when it did. */
  error: string | null;
  remotes: RemoteParticipant[];
  /** Audio bytes sent to everyone, as the browser counts them: stops growing while muted. */
  outboundAudioBytes: number;
}

const STATS_INTERVAL_MS = 500;
/** Signals from a participant whose join has not been seen yet (never expected, but kept rather than lost). */
const MAX_EARLY_SIGNALS = 64;

interface CallSessionOptions {
  sessionId: string;
  outgoing: OutgoingTracks;
  media: CallMediaState;
  onChange: (snapshot: CallSnapshot) => void;
}

export class CallSession {
  private socket: RoomSocket | null = null;
  private selfId: string | null = null;
  private iceServers: IceServer[] = [];
  private readonly links = new Map<string, PeerLink>();
  private readonly remotes = new Map<string, RemoteParticipant>();
  private readonly earlySignals = new Map<string, CallSignal[]>();
  private phase: CallSnapshot['phase'] = 'joining';
  private error: string | null = null;
  private outgoing: OutgoingTracks;
  private media: CallMediaState;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private isLeaving = false;

  constructor(private readonly options: CallSessionOptions) {
    this.outgoing = options.outgoing;
    this.media = options.media;
  }

  /** Joins over `socket` (a fresh one after a reconnect): links to everyone already in the call start over. */
  async join(socket: RoomSocket): Promise<void> {
    this.detach();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.phase = this.selfId ? 'rejoining' : 'joining';
    this.socket = socket;
    socket.on('call:joined', this.onJoined);
    socket.on('call:left', this.onLeft);
    socket.on('call:state-changed', this.onStateChanged);
    socket.on('call:signalled', this.onSignalled);
    this.emit();
    const ack = await sendCommand(socket, 'call:join', { sessionId: this.options.sessionId, ...this.media });
    if (this.isLeaving || this.socket !== socket) return;
    if (!ack.ok) {
      this.phase = 'refused';
      this.error = ack.message;
      this.emit();
      return;
    }
    this.selfId = ack.data.selfId;
    this.iceServers = ack.data.iceServers;
    this.phase = 'joined';
    this.error = null;
    // Tiles of a previous connection: who is still here comes back in the answer.
    for (const [id, remote] of this.remotes) if (remote.state !== 'left' && remote.state !== 'dropped') this.remotes.delete(id);
    for (const participant of ack.data.participants) this.addRemote(participant);
    this.statsTimer ??= setInterval(() => void this.collectStats(), STATS_INTERVAL_MS);
    this.emit();
  }

  /** The socket this session last joined over (the panel rejoins when the room's socket is a new one). */
  get joinedSocket(): RoomSocket | null {
    return this.socket;
  }

  async leave(): Promise<void> {
    this.isLeaving = true;
    const socket = this.socket;
    this.detach();
    if (this.statsTimer) clearInterval(this.statsTimer);
    for (const link of this.links.values()) link.close();
    this.links.clear();
    if (socket?.connected) await sendCommand(socket, 'call:leave', { sessionId: this.options.sessionId });
  }

  setOutgoing(outgoing: OutgoingTracks): void {
    this.outgoing = outgoing;
    for (const link of this.links.values()) void link.setOutgoing(outgoing);
  }

  setMedia(media: CallMediaState): void {
    this.media = media;
    if (this.socket?.connected && this.phase === 'joined') void sendCommand(this.socket, 'call:state', { sessionId: this.options.sessionId, ...media });
  }

  /** The network changed (back online, another interface): every link looks for a path again. */
  restartIce(): void {
    for (const link of this.links.values()) link.restartIce();
  }

  dismiss(participantId: string): void {
    this.remotes.delete(participantId);
    this.emit();
  }

  private addRemote(participant: CallParticipant): void {
    if (!this.selfId || participant.id === this.selfId) return;
    // Someone back after a drop (a new socket, a new id) takes the place of their old tile.
    for (const [id, remote] of this.remotes) if (remote.userId === participant.userId && (remote.state === 'left' || remote.state === 'dropped')) this.remotes.delete(id);
    this.links.get(participant.id)?.close();
    const to = participant.id;
    const link = new PeerLink({
      // Both sides compare the same two ids, so exactly one of them is polite.
      isPolite: this.selfId > participant.id,
      iceServers: this.iceServers,
      outgoing: this.outgoing,
      send: (signal) => {
        // A refusal means the other participant has gone; their call:left is on its way.
        if (this.socket?.connected) void sendCommand(this.socket, 'call:signal', { sessionId: this.options.sessionId, to, ...signal });
      },
      onChange: () => this.syncLink(to),
    });
    this.links.set(to, link);
    this.remotes.set(to, { ...participant, state: 'connecting', stream: link.stream, stats: null, failure: null });
    for (const signal of this.earlySignals.get(to) ?? []) link.receive(signal);
    this.earlySignals.delete(to);
  }

  private syncLink(participantId: string): void {
    const link = this.links.get(participantId);
    const remote = this.remotes.get(participantId);
    if (!link || !remote) return;
    this.remotes.set(participantId, { ...remote, state: link.state, stats: link.stats, failure: link.state === 'failed' ? this.failureMessage(remote.name) : null });
    this.emit();
  }

  private failureMessage(name: string): string {
    return this.iceServers.some((server) => server.urls.some((url) => /^turns?:/i.test(url)))
      ? `No connection to ${name}, even through the TURN relay: a firewall, proxy or VPN on either side is probably blocking it.`
      : `No connection to ${name}: this server has no TURN relay configured, so calls only connect when both browsers can reach each other directly (same network, or a permissive one). A restrictive network on either side blocks it.`;
  }

  private readonly onJoined = ({ sessionId, participant }: BroadcastPayload<'call:joined'>) => {
    if (sessionId !== this.options.sessionId || this.phase !== 'joined') return;
    this.addRemote(participant);
    this.emit();
  };

  private readonly onLeft = ({ sessionId, participantId, reason }: BroadcastPayload<'call:left'>) => {
    if (sessionId !== this.options.sessionId) return;
    this.links.get(participantId)?.close();
    this.links.delete(participantId);
    const remote = this.remotes.get(participantId);
    // The server noticed an old connection's end after its owner was already back on a new one: nothing to say.
    const isBackAlready = [...this.remotes.values()].some((other) => other.id !== participantId && other.userId === remote?.userId && other.state !== 'left' && other.state !== 'dropped');
    if (remote && isBackAlready) this.remotes.delete(participantId);
    else if (remote) this.remotes.set(participantId, { ...remote, state: reason, stream: null, failure: null });
    this.emit();
  };

  private readonly onStateChanged = ({ sessionId, participantId, isMuted, isCameraOff }: BroadcastPayload<'call:state-changed'>) => {
    const remote = this.remotes.get(participantId);
    if (sessionId !== this.options.sessionId || !remote) return;
    this.remotes.set(participantId, { ...remote, isMuted, isCameraOff });
    this.emit();
  };

  private readonly onSignalled = ({ sessionId, from, ...signal }: BroadcastPayload<'call:signalled'>) => {
    if (sessionId !== this.options.sessionId) return;
    const link = this.links.get(from);
    if (link) return link.receive(signal as CallSignal);
    const early = this.earlySignals.get(from) ?? [];
    if (early.length < MAX_EARLY_SIGNALS) this.earlySignals.set(from, [...early, signal as CallSignal]);
  };

  private async collectStats(): Promise<void> {
    await Promise.all([...this.links.values()].map((link) => link.collectStats().catch(() => undefined)));
    for (const [id, link] of this.links) {
      const remote = this.remotes.get(id);
      if (remote) this.remotes.set(id, { ...remote, stats: link.stats });
    }
    this.emit();
  }

  private detach(): void {
    if (!this.socket) return;
    this.socket.off('call:joined', this.onJoined);
    this.socket.off('call:left', this.onLeft);
    this.socket.off('call:state-changed', this.onStateChanged);
    this.socket.off('call:signalled', this.onSignalled);
  }

  private emit(): void {
    if (this.isLeaving) return;
    const outboundAudioBytes = [...this.links.values()].reduce((total, link) => total + link.stats.outboundAudioBytes, 0);
    this.options.onChange({ phase: this.phase, error: this.error, remotes: [...this.remotes.values()], outboundAudioBytes });
  }
}
