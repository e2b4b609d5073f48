// Browser and server clocks disagree by seconds or more. The client estimates the offset NTP-style from a
// few ping round trips and renders the server's clock, so two screens show the same remaining time.

export interface ClockSample {
  /** Client time when the ping was sent. */
  sentAt: number;
  /** Server time in the reply. */
  serverNow: number;
  /** Client time when the reply arrived. */
  receivedAt: number;
}

/** serverTime ≈ clientTime + offset. The sample with the shortest round trip has the least uncertainty. */
export function estimateClockOffset(samples: ClockSample[]): number {
  if (samples.length === 0) return 0;
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  const midpoint = best.sentAt + (best.receivedAt - best.sentAt) / 2;
  return best.serverNow - midpoint;
}
