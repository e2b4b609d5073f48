import type { Db, DbTx } from '@/lib/db';
import { loadScoredRound, lockedReasonFor } from './load-scored-round';
import { rubricSignalViews } from './rubric-signal-views';
import { EMPTY_WRAP_UP, type ScorecardView, type SignalEntryView, type WrapUpView } from './scorecard-view';
import type { LevelEstimate } from './scorecard-vocabulary';

export const SIGNAL_ENTRY_SELECT = {
  signalKey: true,
  rating: true,
  note: true,
  noteShareable: true,
  markedAtElapsedMs: true,
  markedAt: true,
  verdictOverride: true,
  overrideReason: true,
} as const;

/** The wrap-up columns of a scorecard, read the same way by every view. */
export const WRAP_UP_SELECT = {
  recommendation: true,
  levelEstimate: true,
  strengths: true,
  growthAreas: true,
  problemsSolved: true,
} as const;

type WrapUpRow = Omit<WrapUpView, 'levelEstimate'> & { levelEstimate: string | null };

export function toWrapUpView(row: WrapUpRow): WrapUpView {
  return {
    recommendation: row.recommendation,
    levelEstimate: row.levelEstimate as LevelEstimate | null,
    strengths: row.strengths,
    growthAreas: row.growthAreas,
    problemsSolved: row.problemsSolved,
  };
}

interface SignalEntryRow {
  signalKey: string;
  rating: SignalEntryView['rating'];
  note: string;
  noteShareable: boolean;
  markedAtElapsedMs: number | null;
  markedAt: Date | null;
  verdictOverride: 'MET' | 'NOT_MET' | null;
  overrideReason: string | null;
}

export function toSignalEntryView(row: SignalEntryRow): SignalEntryView {
  return {
    signalKey: row.signalKey,
    rating: row.rating,
    note: row.note,
    noteShareable: row.noteShareable,
    markedAtElapsedMs: row.markedAtElapsedMs,
    markedAt: row.markedAt?.toISOString() ?? null,
    override: row.verdictOverride ? { verdict: row.verdictOverride, reason: row.overrideReason ?? '' } : null,
  };
}

/** The caller's own scorecard for a round they interview (empty until their first write). */
export async function getScorecardView(db: Db | DbTx, sessionId: string, roundId: string, userId: string): Promise<ScorecardView> {
  const round = await loadScoredRound(db, sessionId, roundId, userId);
  const [scorecard, lockedReason] = await Promise.all([
    db.scorecard.findUnique({
      where: { roundId_interviewerId: { roundId, interviewerId: userId } },
      select: { ...WRAP_UP_SELECT, updatedAt: true, signals: { select: SIGNAL_ENTRY_SELECT } },
    }),
    lockedReasonFor(db, sessionId, userId),
  ]);
  return {
    sessionId,
    roundId,
    roundKind: round.kind,
    roundPosition: round.position,
    roundStatus: round.status,
    signals: rubricSignalViews(round.kind),
    entries: Object.fromEntries((scorecard?.signals ?? []).map((row) => [row.signalKey, toSignalEntryView(row)])),
    wrapUp: scorecard ? toWrapUpView(scorecard) : EMPTY_WRAP_UP,
    questionsAsked: round._count.questions,
    canMark: round.status === 'RUNNING' || round.status === 'PAUSED',
    lockedReason,
    updatedAt: scorecard?.updatedAt.toISOString() ?? null,
  };
}
