import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { WithEvents } from '@/lib/events/domain-event';
import { storedTwistSchema } from '@/lib/questions/question-views';
import { SIGNAL_CATALOG } from '@/lib/rubric/signal-catalog';
import { clockOf, loadControlledRound } from '@/lib/sessions/load-controlled-round';
import { elapsedAt } from '@/lib/timer/round-clock';
import { FIRED_TWIST_SELECT, toFiredTwistView, type FiredTwistGuide, type FiredTwistView } from './fired-twist-view';

export interface FireTwistInput {
  roundQuestionId: string;
  twistKey: string;
}

export interface FiredTwist {
  /** Candidate-safe: what the whole room is told. */
  twist: FiredTwistView;
  /** Interviewer-only: what the round's interviewers are told. */
  guide: FiredTwistGuide;
  /** False when it had been fired already (a double click, a retried command): nothing new to announce. */
  isNew: boolean;
  /** The round's named interviewer (peer rounds), or null when every interviewer of the session runs it. */
  roundInterviewerId: string | null;
}

const NOT_RUNNING: Record<string, string> = {
  PENDING: 'Start the round before firing a twist.',
  PAUSED: 'The round is paused. Resume it to fire a twist.',
  ENDED: 'The round has ended, so its twists can no longer be fired.',
};

const SIGNAL_LABELS = new Map(SIGNAL_CATALOG.map((signal) => [signal.key, signal.label]));

/**
 * Springs one of a revealed question's scripted twists on the candidate, at the round time it happens. Only the
 * round's interviewer, only while its clock runs. Firing a twist again returns the first firing unchanged.
 */
export async function fireTwist(db: Db, sessionId: string, roundId: string, userId: string, input: FireTwistInput): Promise<WithEvents<FiredTwist>> {
  return db.$transaction(async (tx) => {
    const round = await loadControlledRound(tx, sessionId, roundId, userId);
    if (round.status !== 'RUNNING') throw new AppError('CONFLICT', NOT_RUNNING[round.status] ?? 'The round is not running.');
    const roundQuestion = await tx.roundQuestion.findFirst({
      where: { id: input.roundQuestionId, roundId },
      select: { id: true, revealedAt: true, question: { select: { guide: { select: { twists: true } } } } },
    });
    if (!roundQuestion) throw new AppError('NOT_FOUND', 'That question is not part of this round.');
    if (!roundQuestion.revealedAt) throw new AppError('CONFLICT', 'Reveal the question before firing its twists.');
    const twist = storedTwistSchema
      .array()
      .parse(roundQuestion.question.guide?.twists ?? [])
      .find((candidate) => candidate.key === input.twistKey);
    if (!twist) throw new AppError('NOT_FOUND', 'That question has no such twist.');

    const now = new Date();
    const elapsedMs = elapsedAt(clockOf(round), now.getTime());
    // ON CONFLICT DO NOTHING: a second firing (or two at once) leaves the first one as it was.
    const { count } = await tx.firedTwist.createMany({
      data: [
        {
          sessionId,
          roundId,
          roundQuestionId: roundQuestion.id,
          twistKey: twist.key,
          title: twist.title,
          prompt: twist.prompt,
          firedById: userId,
          firedAt: now,
          firedAtElapsedMs: elapsedMs,
        },
      ],
      skipDuplicates: true,
    });
    const row = await tx.firedTwist.findUniqueOrThrow({
      where: { roundQuestionId_twistKey: { roundQuestionId: roundQuestion.id, twistKey: twist.key } },
      select: FIRED_TWIST_SELECT,
    });
    if (count === 1) {
      await tx.sessionEvent.create({
        data: { sessionId, roundId, type: 'twist.fired', actorId: userId, payload: { firedTwistId: row.id, twistKey: twist.key, elapsedMs } },
      });
    }
    const fired: FiredTwist = {
      twist: toFiredTwistView(row),
      guide: {
        firedTwistId: row.id,
        roundId,
        roundQuestionId: roundQuestion.id,
        twistKey: twist.key,
        probesSignalKey: twist.probesSignalKey,
        probesSignalLabel: SIGNAL_LABELS.get(twist.probesSignalKey) ?? twist.probesSignalKey,
        strongAnswer: twist.strongAnswer,
      },
      isNew: count === 1,
      roundInterviewerId: round.interviewerId,
    };
    // A repeat firing announces nothing: the room already has it.
    const { twist: shown, guide, roundInterviewerId } = fired;
    return { ...fired, events: fired.isNew ? [{ type: 'twist-fired', sessionId, roundInterviewerId, twist: shown, guide }] : [] };
  });
}
