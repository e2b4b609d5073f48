import type { Db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { resolveSignalOutcome } from '@/lib/rubric/judge-signal';
import type { FeedbackRoundView, FeedbackScorecardView, FeedbackView } from './feedback-view';
import { loadInterviewedRounds, loadRoundsWithRoles } from './load-interviewed-rounds';
import { resolveFeedbackAuthors } from './resolve-feedback-authors';
import { rubricSignalViews } from './rubric-signal-views';
import { toWrapUpView, WRAP_UP_SELECT } from './get-scorecard-view';

type LoadedRound = Awaited<ReturnType<typeof loadRoundsWithRoles>>['rounds'][number];

/**
 * The feedback published to the caller as a candidate. NOT_FOUND until some interviewer of their rounds has
 * published: before that, nothing of the rubric leaves the server. Opening it marks those releases as read,
 * after which they can no longer be unpublished.
 */
export async function getCandidateFeedback(db: Db, sessionId: string, userId: string): Promise<FeedbackView> {
  const { session, rounds } = await loadRoundsWithRoles(db, sessionId, userId);
  const candidateRounds = rounds.filter((round) => round.viewerRole === 'CANDIDATE');
  const [releases, interviewers] = await Promise.all([
    db.feedbackRelease.findMany({ where: { sessionId }, select: { interviewerId: true } }),
    db.sessionMember.findMany({ where: { sessionId, role: 'INTERVIEWER' }, select: { userId: true } }),
  ]);
  const published = new Set(releases.map((release) => release.interviewerId));
  const sessionInterviewers = interviewers.map((member) => member.userId);
  const sources = new Map(candidateRounds.map((round) => [round.id, resolveFeedbackAuthors(round, sessionInterviewers, published)]));
  const authors = new Set([...sources.values()].flat());
  if (authors.size === 0) throw new AppError('NOT_FOUND', 'No feedback has been published to you for this session yet.');

  const view = await buildFeedbackView(db, session, candidateRounds, sources, [...authors], false);
  await db.feedbackRelease.updateMany({ where: { sessionId, interviewerId: { in: [...authors] }, openedAt: null }, data: { openedAt: new Date() } });
  return view;
}

/** What the candidate will see of the caller's own feedback, published or not; opens nothing. */
export async function getFeedbackPreview(db: Db, sessionId: string, userId: string): Promise<FeedbackView> {
  const { session, rounds } = await loadInterviewedRounds(db, sessionId, userId);
  const sources = new Map(rounds.map((round) => [round.id, [userId]]));
  return buildFeedbackView(db, session, rounds, sources, [userId], true);
}

export interface PeerFeedback {
  /** What the partner published about the rounds the caller was the candidate in; null until they publish. */
  received: FeedbackView | null;
  /** A preview of the caller's own feedback on the rounds they interviewed, as the partner will see it. */
  given: FeedbackView;
}

/** Both sides for a peer: each only about the rounds the caller played that role in. Opens what it receives. */
export async function getPeerFeedback(db: Db, sessionId: string, userId: string): Promise<PeerFeedback> {
  const given = await getFeedbackPreview(db, sessionId, userId);
  try {
    return { received: await getCandidateFeedback(db, sessionId, userId), given };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return { received: null, given };
    throw error;
  }
}

async function buildFeedbackView(
  db: Db,
  session: { id: string; title: string },
  rounds: LoadedRound[],
  sources: Map<string, string[]>,
  authorIds: string[],
  isPreview: boolean,
): Promise<FeedbackView> {
  const [scorecards, loopCalls] = await Promise.all([
    db.scorecard.findMany({
      where: { sessionId: session.id, roundId: { in: rounds.map((round) => round.id) }, interviewerId: { in: authorIds } },
      orderBy: { createdAt: 'asc' },
      select: {
        roundId: true,
        interviewerId: true,
        interviewer: { select: { name: true } },
        ...WRAP_UP_SELECT,
        signals: { select: { signalKey: true, rating: true, note: true, noteShareable: true, markedAtElapsedMs: true, markedAt: true, verdictOverride: true } },
      },
    }),
    db.loopDebrief.findMany({
      where: { sessionId: session.id, interviewerId: { in: authorIds } },
      select: { interviewer: { select: { name: true } }, staffBarCall: true, rationale: true },
    }),
  ]);

  const roundViews: FeedbackRoundView[] = rounds
    .map((round) => {
      const signals = rubricSignalViews(round.kind);
      const allowed = new Set(sources.get(round.id) ?? []);
      const cards: FeedbackScorecardView[] = scorecards
        .filter((scorecard) => scorecard.roundId === round.id && allowed.has(scorecard.interviewerId))
        .map((scorecard) => {
          const entries = new Map(scorecard.signals.map((row) => [row.signalKey, row]));
          return {
            interviewerName: scorecard.interviewer.name,
            ...toWrapUpView(scorecard),
            signals: signals.map((signal) => {
              const entry = entries.get(signal.key);
              const pairMark = signal.rule.kind === 'ORDERED' ? (entries.get(signal.rule.before)?.markedAtElapsedMs ?? null) : null;
              const markedAtElapsedMs = entry?.markedAtElapsedMs ?? null;
              const outcome = resolveSignalOutcome(signal.rule, { markedAtElapsedMs, pairMarkedAtElapsedMs: pairMark }, entry?.verdictOverride ?? null);
              return {
                key: signal.key,
                label: signal.label,
                rule: signal.rule,
                ...(signal.pairLabel ? { pairLabel: signal.pairLabel } : {}),
                markedAtElapsedMs,
                markedAt: entry?.markedAt?.toISOString() ?? null,
                ...outcome,
                rating: entry?.rating ?? null,
                ratingAnchor: entry?.rating ? signal.anchors[entry.rating] : null,
                sharedNote: entry?.noteShareable && entry.note.trim() ? entry.note : null,
              };
            }),
          };
        });
      return {
        roundId: round.id,
        position: round.position,
        kind: round.kind,
        elapsedMs: round.elapsedMs,
        durationMs: round.durationMs,
        questionsAsked: round._count.questions,
        scorecards: cards,
      };
    })
    .filter((round) => round.scorecards.length > 0);

  return {
    sessionId: session.id,
    title: session.title,
    isPreview,
    rounds: roundViews,
    loopCalls: loopCalls.map((call) => ({ interviewerName: call.interviewer.name, staffBarCall: call.staffBarCall, rationale: call.rationale })),
  };
}
