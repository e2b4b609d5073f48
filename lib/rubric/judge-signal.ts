import type { SignalRule } from './signal-types';

// Judges a signal from the interviewer's marks, per its rule (signal-types.ts). Pure and free of rubric
// text, so the room's panel, the debrief, the feedback page and the tests all share one judgement.

/**
 * - MET: the rule holds (in time, in order, or shown at all).
 * - LATE: a TIMED signal marked after its window.
 * - OUT_OF_ORDER: an ORDERED signal marked at or after the signal it must precede.
 * - NOT_MET: an ORDERED signal marked while its pair never was, where the pair is the evidence needed.
 * - NOT_OBSERVED: no mark.
 */
export type SignalJudgement = 'MET' | 'LATE' | 'OUT_OF_ORDER' | 'NOT_MET' | 'NOT_OBSERVED';

export interface SignalMarks {
  /** The round's elapsed time at the signal's first mark, or null. */
  markedAtElapsedMs: number | null;
  /** ORDERED rules: the first mark of the signal this one must precede. */
  pairMarkedAtElapsedMs?: number | null;
}

export function judgeSignal(rule: SignalRule, marks: SignalMarks): SignalJudgement {
  const markedAt = marks.markedAtElapsedMs;
  if (markedAt === null) return 'NOT_OBSERVED';
  switch (rule.kind) {
    case 'PRESENCE':
      return 'MET';
    case 'TIMED':
      // "Within the first two minutes" includes 2:00 itself.
      return markedAt <= rule.withinSeconds * 1000 ? 'MET' : 'LATE';
    case 'ORDERED': {
      const pairAt = marks.pairMarkedAtElapsedMs ?? null;
      if (pairAt === null) return rule.whenPairAbsent;
      return markedAt < pairAt ? 'MET' : 'OUT_OF_ORDER';
    }
  }
}

export interface SignalOutcome {
  judgement: SignalJudgement;
  /** What counts: the interviewer's override when there is one, else whether the judgement is MET. */
  isMet: boolean;
  isOverridden: boolean;
}

/** The judgement with the interviewer's override applied on top. */
export function resolveSignalOutcome(rule: SignalRule, marks: SignalMarks, override: 'MET' | 'NOT_MET' | null): SignalOutcome {
  const judgement = judgeSignal(rule, marks);
  if (override !== null) return { judgement, isMet: override === 'MET', isOverridden: true };
  return { judgement, isMet: judgement === 'MET', isOverridden: false };
}

/** The verdict in the words of its rule: a timed signal is "In time" or "Late", an ordered one "In order"... */
export function describeOutcome(rule: SignalRule, outcome: SignalOutcome): string {
  if (outcome.isOverridden) return outcome.isMet ? 'Met (interviewer’s call)' : 'Not met (interviewer’s call)';
  switch (outcome.judgement) {
    case 'MET':
      return rule.kind === 'TIMED' ? 'In time' : rule.kind === 'ORDERED' ? 'In order' : 'Shown';
    case 'LATE':
      return 'Late';
    case 'OUT_OF_ORDER':
      return 'Out of order';
    case 'NOT_MET':
      return 'Not met';
    case 'NOT_OBSERVED':
      return 'Not observed';
  }
}

/** A short, readable statement of a rule, naming the paired signal by the label the caller passes. */
export function describeRule(rule: SignalRule, pairLabel?: string): string {
  switch (rule.kind) {
    case 'PRESENCE':
      return 'Any time in the round';
    case 'TIMED':
      return rule.withinSeconds % 60 === 0 ? `Within the first ${rule.withinSeconds / 60} min` : `Within the first ${rule.withinSeconds} s`;
    case 'ORDERED':
      return `Before “${pairLabel ?? rule.before}”`;
  }
}
