import type { RoundKind } from '@/lib/rounds/round-kind';
import type { PeerLevelName } from './peer-level';

/** A request as its owner sees it: still waiting, or matched into a session. */
export type MatchRequestView =
  | {
      status: 'WAITING';
      requestId: string;
      roundKinds: RoundKind[];
      level: PeerLevelName;
      windowStart: string;
      windowEnd: string;
      isPriority: boolean;
    }
  | { status: 'MATCHED'; requestId: string; sessionId: string; partnerId: string };

export function toWaitingView(request: {
  id: string;
  roundKinds: RoundKind[];
  level: PeerLevelName;
  windowStart: Date;
  windowEnd: Date;
  isPriority: boolean;
}): MatchRequestView {
  return {
    status: 'WAITING',
    requestId: request.id,
    roundKinds: request.roundKinds,
    level: request.level,
    windowStart: request.windowStart.toISOString(),
    windowEnd: request.windowEnd.toISOString(),
    isPriority: request.isPriority,
  };
}
