import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { findSignalsForRound } from '@/lib/rubric/signal-catalog';
import { clockOf } from '@/lib/sessions/load-controlled-round';
import { elapsedAt } from '@/lib/timer/round-clock';
import { getScorecardView } from './get-scorecard-view';
import { assertNotLocked, loadScoredRound } from './load-scored-round';
import { recordRubricAudit } from './record-rubric-audit';
import type { ScorecardCommand } from './scorecard-commands.schema';
import type { ScorecardView } from './scorecard-view';

type ScoredRound = Awaited<ReturnType<typeof loadScoredRound>>;

const AUDIT_ACTIONS: Record<ScorecardCommand['type'], string> = {
  mark: 'signal.mark',
  unmark: 'signal.unmark',
  signal: 'signal.save',
  'wrap-up': 'wrap-up.save',
};

/**
 * Applies one scorecard write for the caller, on the caller's own scorecard only (a lead and a shadow each
 * write their own rows), with an audit line in the same transaction. Returns the scorecard as it now is.
 */
export async function applyScorecardCommand(db: Db, sessionId: string, userId: string, command: ScorecardCommand): Promise<ScorecardView> {
  return db.$transaction(async (tx) => {
    const round = await loadScoredRound(tx, sessionId, command.roundId, userId);
    if ('signalKey' in command && !findSignalsForRound(round.kind).some((signal) => signal.key === command.signalKey)) {
      throw new AppError('INVALID_INPUT', `"${command.signalKey}" is not a signal of this round.`);
    }
    await assertNotLocked(tx, sessionId, userId);
    // INSERT ... ON CONFLICT DO NOTHING: two first writes at once (autosaves, tabs) both find one scorecard.
    // (An upsert with an empty update is a SELECT then an INSERT in Prisma, and the second INSERT fails.)
    await tx.scorecard.createMany({ data: [{ sessionId, roundId: round.id, interviewerId: userId }], skipDuplicates: true });
    const scorecard = await tx.scorecard.findUniqueOrThrow({
      where: { roundId_interviewerId: { roundId: round.id, interviewerId: userId } },
      select: { id: true },
    });

    const changes = await applyChange(tx, round, scorecard.id, command);
    if (changes) {
      await tx.scorecard.update({ where: { id: scorecard.id }, data: { updatedAt: new Date() } });
      await recordRubricAudit(tx, {
        sessionId,
        actorId: userId,
        action: AUDIT_ACTIONS[command.type],
        roundId: round.id,
        ...('signalKey' in command ? { signalKey: command.signalKey } : {}),
        changes,
      });
    }
    return getScorecardView(tx, sessionId, round.id, userId);
  });
}

/** Writes the command's fields; returns what changed, or null when nothing did (a repeated mark). */
async function applyChange(tx: DbTx, round: ScoredRound, scorecardId: string, command: ScorecardCommand): Promise<Record<string, unknown> | null> {
  switch (command.type) {
    case 'mark': {
      if (round.status !== 'RUNNING' && round.status !== 'PAUSED') {
        throw new AppError('CONFLICT', 'Marks record the round clock: start the round first, or override the verdict after it.');
      }
      const now = new Date();
      const markedAtElapsedMs = elapsedAt(clockOf(round), now.getTime());
      await tx.signalScore.createMany({ data: [{ scorecardId, signalKey: command.signalKey }], skipDuplicates: true });
      // Only the first mark counts: a double click or a second tab keeps the earlier moment.
      const { count } = await tx.signalScore.updateMany({
        where: { scorecardId, signalKey: command.signalKey, markedAtElapsedMs: null },
        data: { markedAtElapsedMs, markedAt: now },
      });
      return count === 0 ? null : { markedAtElapsedMs };
    }
    case 'unmark': {
      const { count } = await tx.signalScore.updateMany({
        where: { scorecardId, signalKey: command.signalKey, markedAtElapsedMs: { not: null } },
        data: { markedAtElapsedMs: null, markedAt: null },
      });
      return count === 0 ? null : { markedAtElapsedMs: null };
    }
    case 'signal': {
      const data = {
        ...(command.rating !== undefined ? { rating: command.rating } : {}),
        ...(command.note !== undefined ? { note: command.note } : {}),
        ...(command.noteShareable !== undefined ? { noteShareable: command.noteShareable } : {}),
        ...(command.override !== undefined
          ? { verdictOverride: command.override?.verdict ?? null, overrideReason: command.override?.reason ?? null }
          : {}),
      };
      await tx.signalScore.upsert({
        where: { scorecardId_signalKey: { scorecardId, signalKey: command.signalKey } },
        create: { scorecardId, signalKey: command.signalKey, ...data },
        update: data,
      });
      return data;
    }
    case 'wrap-up': {
      if (command.problemsSolved !== undefined && command.problemsSolved !== null) {
        if (round.kind !== 'SQL') throw new AppError('INVALID_INPUT', 'Problems solved is recorded for SQL rounds only.');
        if (command.problemsSolved > round._count.questions) {
          throw new AppError('INVALID_INPUT', `Only ${round._count.questions} problem(s) were asked in this round.`, {
            fieldErrors: { problemsSolved: [`at most ${round._count.questions}`] },
          });
        }
      }
      const { type: _type, roundId: _roundId, ...data } = command;
      await tx.scorecard.update({ where: { id: scorecardId }, data });
      return data;
    }
  }
}
