import type { CallSignal, IceServer } from '@/lib/calls/call-types';

// One RTCPeerConnection to one other participant, negotiated with the "perfect negotiation" pattern: either side
// may renegotiate (an ICE restart after a failure or a network change), and when both offer at once the polite
// side yields. Who is polite is decided by participant id, so both sides agree without asking. The impolite side
// also makes the first offer, with one audio and one video transceiver; the polite side answers on those, so a
// pair never ends up with doubled transceivers. Changing a microphone, muting or turning the camera off swaps
// the track on a transceiver (replaceTrack): no renegotiation, no glitch for the other side.

export type LinkHealth = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface OutgoingTracks {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
}

export interface LinkStats {
  inboundAudioBytes: number;
  inboundVideoBytes: number;
  framesDecoded: number;
  outboundAudioBytes: number;
  /** 0..1, the other side's voice as received. */
  audioLevel: number;
}

interface PeerLinkOptions {
  isPolite: boolean;
  iceServers: IceServer[];
  outgoing: OutgoingTracks;
  send: (signal: CallSignal) => void;
  onChange: () => void;
}

/** ICE restarts tried after a failure before the link gives up and says why. */
const MAX_ICE_RESTARTS = 2;
const KINDS = ['audio', 'video'] as const;

export class PeerLink {
  readonly pc: RTCPeerConnection;
  /** What the other participant sends, audio and video, as one stream for the tile's elements. */
  readonly stream = new MediaStream();
  state: LinkHealth = 'connecting';
  stats: LinkStats = { inboundAudioBytes: 0, inboundVideoBytes: 0, framesDecoded: 0, outboundAudioBytes: 0, audioLevel: 0 };
  private isMakingOffer = false;
  private isIgnoringOffer = false;
  private isSettingRemoteAnswerPending = false;
  private hasAttachedOutgoing = false;
  private restarts = 0;
  private outgoing: OutgoingTracks;
  /** Signals are applied one at a time, in the order they came: a candidate must not overtake its offer. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: PeerLinkOptions) {
    this.outgoing = options.outgoing;
    this.pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.pc.ontrack = ({ track }) => {
      this.stream.addTrack(track);
      options.onChange();
    };
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) options.send({ candidate: candidate.toJSON() as { candidate: string } });
    };
    this.pc.onnegotiationneeded = () => void this.offer();
    this.pc.onconnectionstatechange = () => this.onConnectionState();
    if (!options.isPolite) {
      // sendrecv even without a track (listen-only, camera off): a track added later is a replaceTrack away.
      for (const kind of KINDS) this.pc.addTransceiver(this.outgoing[kind] ?? kind, { direction: 'sendrecv' });
      this.hasAttachedOutgoing = true;
    }
  }

  receive(signal: CallSignal): void {
    this.queue = this.queue.then(() => this.apply(signal)).catch((error: unknown) => console.warn('call: a signal could not be applied', error));
  }

  /** Sends other tracks (another microphone, muted, camera off) on the same transceivers. */
  async setOutgoing(outgoing: OutgoingTracks): Promise<void> {
    this.outgoing = outgoing;
    if (!this.hasAttachedOutgoing) return;
    await Promise.all(this.transceivers().map(([kind, transceiver]) => transceiver.sender.replaceTrack(outgoing[kind])));
  }

  /** A new network path (the browser came back online, or ICE failed): gather candidates again. */
  restartIce(): void {
    if (this.pc.connectionState !== 'closed') this.pc.restartIce();
  }

  async collectStats(): Promise<void> {
    const next: LinkStats = { inboundAudioBytes: 0, inboundVideoBytes: 0, framesDecoded: 0, outboundAudioBytes: 0, audioLevel: 0 };
    const report = await this.pc.getStats();
    report.forEach((entry: Record<string, unknown>) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
        next.inboundAudioBytes += Number(entry.bytesReceived ?? 0);
        next.audioLevel = Math.max(next.audioLevel, Number(entry.audioLevel ?? 0));
      } else if (entry.type === 'inbound-rtp' && entry.kind === 'video') {
        next.inboundVideoBytes += Number(entry.bytesReceived ?? 0);
        next.framesDecoded += Number(entry.framesDecoded ?? 0);
      } else if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
        next.outboundAudioBytes += Number(entry.bytesSent ?? 0);
      }
    });
    this.stats = next;
  }

  close(): void {
    this.pc.onconnectionstatechange = null;
    this.pc.close();
    for (const track of this.stream.getTracks()) track.stop();
  }

  private async offer(): Promise<void> {
    try {
      this.isMakingOffer = true;
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch (error) {
      console.warn('call: could not make an offer', error);
    } finally {
      this.isMakingOffer = false;
    }
  }

  private async apply(signal: CallSignal): Promise<void> {
    if (this.pc.signalingState === 'closed') return;
    if (signal.description) {
      const { description } = signal;
      const isReadyForOffer = !this.isMakingOffer && (this.pc.signalingState === 'stable' || this.isSettingRemoteAnswerPending);
      const isCollision = description.type === 'offer' && !isReadyForOffer;
      this.isIgnoringOffer = !this.options.isPolite && isCollision;
      if (this.isIgnoringOffer) return;
      this.isSettingRemoteAnswerPending = description.type === 'answer';
      await this.pc.setRemoteDescription(description);
      this.isSettingRemoteAnswerPending = false;
      if (description.type === 'offer') {
        await this.attachOutgoing();
        await this.pc.setLocalDescription();
        this.sendDescription();
      }
      return;
    }
    try {
      await this.pc.addIceCandidate(signal.candidate);
    } catch (error) {
      // A candidate of an offer this side ignored (a collision it won) has nowhere to go; anything else is real.
      if (!this.isIgnoringOffer) throw error;
    }
  }

  /** The polite side sends its tracks on the transceivers the first offer created. */
  private async attachOutgoing(): Promise<void> {
    if (this.hasAttachedOutgoing) return;
    this.hasAttachedOutgoing = true;
    for (const [kind, transceiver] of this.transceivers()) {
      transceiver.direction = 'sendrecv';
      await transceiver.sender.replaceTrack(this.outgoing[kind]);
    }
  }

  private transceivers(): ['audio' | 'video', RTCRtpTransceiver][] {
    return this.pc.getTransceivers().flatMap((transceiver) => {
      const kind = transceiver.receiver.track.kind;
      return kind === 'audio' || kind === 'video' ? [[kind, transceiver] as ['audio' | 'video', RTCRtpTransceiver]] : [];
    });
  }

  private sendDescription(): void {
    const description = this.pc.localDescription;
    if (description && (description.type === 'offer' || description.type === 'answer')) this.options.send({ description: { type: description.type, sdp: description.sdp } });
  }

  private onConnectionState(): void {
    const connection = this.pc.connectionState;
    if (connection === 'connected') {
      this.restarts = 0;
      this.state = 'connected';
    } else if (connection === 'disconnected') {
      // Often a brief loss the browser recovers from by itself; a restart follows if it turns into 'failed'.
      this.state = 'reconnecting';
    } else if (connection === 'failed') {
      if (this.restarts < MAX_ICE_RESTARTS) {
        this.restarts += 1;
        this.state = 'reconnecting';
        this.pc.restartIce();
      } else {
        this.state = 'failed';
      }
    } else if (connection === 'new' || connection === 'connecting') {
      if (this.state !== 'reconnecting') this.state = 'connecting';
    }
    this.options.onChange();
  }
}
