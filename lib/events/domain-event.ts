import type { RoundClock } from '@/lib/timer/round-clock';
import type { FiredTwistGuide, FiredTwistView } from '@/lib/twists/fired-twist-view';

// What a lib command changed, for the people who should hear of it. A command returns its events beside its
// result (after its transaction has committed) and never sends anything itself: one publisher in the server
// (server/realtime/publish-domain-events.ts) turns them into socket emits and registry calls, whether the command
// ran from a socket handler or from a server action (which hands them over through lib/events/domain-event-bus.ts).

export type DomainEvent =
  /** The session's view changed: everyone in it refetches (reason e.g. "round.end", "feedback.published"). */
  | { type: 'session-changed'; sessionId: string; reason: string }
  /** These documents are read-only from now on (their round or session ended); the database already says so. */
  | { type: 'documents-closed'; documentIds: string[] }
  /** A round's clock changed: everyone in the session gets the new clock. */
  | { type: 'round-clock'; sessionId: string; roundId: string; clock: RoundClock; timerVersion: number }
  /** A twist was sprung: the room sees the twist, the round's interviewers its guide. */
  | { type: 'twist-fired'; sessionId: string; roundInterviewerId: string | null; twist: FiredTwistView; guide: FiredTwistGuide };

/** A command's result with what it changed. */
export type WithEvents<T> = T & { events: DomainEvent[] };
