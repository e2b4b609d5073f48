// The shapes the call's socket events carry, shared by the browser and the server. No zod here: the browser
// imports this module (types only), and the schemas live in lib/realtime/contract.ts.

/** One ICE server as RTCPeerConnection takes it: STUN without credentials, TURN with short-lived ones. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** What a participant shows the others of their media: a muted microphone, a camera turned off. */
export interface CallMediaState {
  isMuted: boolean;
  isCameraOff: boolean;
}

/** One socket in a session's call (a user in two tabs is two participants, one peer connection each). */
export interface CallParticipant extends CallMediaState {
  /** The socket's id: signals are addressed to it, and it decides who is polite in a negotiation. */
  id: string;
  userId: string;
  name: string;
}

export interface CallJoined {
  /** The caller's own participant id (its socket's id). */
  selfId: string;
  /** Everyone already in the call, the caller excluded. */
  participants: CallParticipant[];
  /** Empty when none are configured: the call then works on one machine or a LAN only. */
  iceServers: IceServer[];
}

export interface SessionDescriptionMessage {
  type: 'offer' | 'answer';
  sdp: string;
}

export interface IceCandidateMessage {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
}

/** What one participant sends another to set up their connection: an offer or answer, or an ICE candidate. */
export type CallSignal = { description: SessionDescriptionMessage; candidate?: never } | { candidate: IceCandidateMessage; description?: never };

/** Why a participant is no longer in the call: they left, or their connection to the server dropped. */
export type CallLeaveReason = 'left' | 'dropped';

/** A mesh: each participant sends their media to every other, so upload grows with each person. Four is the cap. */
export const MAX_CALL_PARTICIPANTS = 4;
