import type { Db } from '@/lib/db';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import type { RecommendationName, SignalRatingName, VerdictOverride } from '@/lib/scorecards/scorecard-vocabulary';
import { advanceRound } from '@/lib/sessions/advance-round';
import { changeSessionStatus } from '@/lib/sessions/change-session-status';
import { controlRoundTimer } from '@/lib/sessions/control-round-timer';
import { revealNextQuestion } from '@/lib/sessions/reveal-next-question';

export interface ScorecardPlan {
  interviewerId: string;
  /** Marked while the round runs, so at about 0:00 of its clock: a timed signal marked here is in time. */
  marks?: string[];
  ratings?: Record<string, SignalRatingName>;
  overrides?: Record<string, VerdictOverride>;
  recommendation?: RecommendationName;
  problemsSolved?: number;
}

export interface RoundPlan {
  /** The round clock's elapsed time once the session is over (the test's own clock runs for milliseconds). */
  elapsedMs: number;
  /** Questions revealed in all, at least the one starting the round reveals. */
  questionsRevealed?: number;
  scorecards: ScorecardPlan[];
}

/**
 * Plays a session through lib/ the way its interviewers would: start it, run each round (reveal, mark, end),
 * complete it, then rate and wrap up. Publishing is left to the test. `leadId` drives the clock; every
 * interviewer in a plan must already be a member of the session.
 */
export async function completeScoredSession(db: Db, sessionId: string, leadId: string, plans: RoundPlan[]): Promise<string[]> {
  const rounds = await db.round.findMany({ where: { sessionId }, orderBy: { position: 'asc' }, select: { id: true } });
  if (rounds.length !== plans.length) throw new Error(`The session has ${rounds.length} round(s), the plan ${plans.length}.`);
  await changeSessionStatus(db, sessionId, leadId, 'LIVE');
  for (const [position, plan] of plans.entries()) {
    const roundId = rounds[position]!.id;
    if (position > 0) await advanceRound(db, sessionId, rounds[position - 1]!.id, leadId);
    await controlRoundTimer(db, sessionId, roundId, leadId, 'start');
    for (let revealed = 1; revealed < (plan.questionsRevealed ?? 1); revealed += 1) await revealNextQuestion(db, sessionId, roundId, leadId);
    for (const scorecard of plan.scorecards) {
      for (const signalKey of scorecard.marks ?? []) await applyScorecardCommand(db, sessionId, scorecard.interviewerId, { type: 'mark', roundId, signalKey });
    }
    await controlRoundTimer(db, sessionId, roundId, leadId, 'end');
  }
  await changeSessionStatus(db, sessionId, leadId, 'COMPLETED');

  for (const [position, plan] of plans.entries()) {
    const roundId = rounds[position]!.id;
    await db.round.update({ where: { id: roundId }, data: { elapsedMs: plan.elapsedMs } });
    for (const scorecard of plan.scorecards) {
      const save = (command: Parameters<typeof applyScorecardCommand>[3]) => applyScorecardCommand(db, sessionId, scorecard.interviewerId, command);
      for (const [signalKey, rating] of Object.entries(scorecard.ratings ?? {})) await save({ type: 'signal', roundId, signalKey, rating });
      for (const [signalKey, verdict] of Object.entries(scorecard.overrides ?? {})) {
        await save({ type: 'signal', roundId, signalKey, override: { verdict, reason: 'Seen from the notes, not the clicks.' } });
      }
      await save({
        type: 'wrap-up',
        roundId,
        ...(scorecard.recommendation ? { recommendation: scorecard.recommendation } : {}),
        ...(scorecard.problemsSolved !== undefined ? { problemsSolved: scorecard.problemsSolved } : {}),
        strengths: 'Clear structure.',
      });
    }
  }
  return rounds.map((round) => round.id);
}
