import type { Db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import { renderBoardSvg } from '@/lib/boards/render-board-svg';
import { storedBoardScene } from '@/lib/boards/stored-board-scene';
import { describeOutcome, resolveSignalOutcome } from '@/lib/rubric/judge-signal';
import { findSignalsForRound } from '@/lib/rubric/signal-catalog';
import type { DebriefRoundView } from '@/lib/scorecards/debrief-view';
import type { FeedbackRoundView, FeedbackView } from '@/lib/scorecards/feedback-view';
import { getDebriefView } from '@/lib/scorecards/get-debrief-view';
import { getCandidateFeedback } from '@/lib/scorecards/get-feedback-view';
import { getSessionView } from '@/lib/sessions/get-session-view';
import { findSqlChecks } from '@/lib/sql-check/find-sql-checks';
import type { RoundView } from '@/lib/sessions/session-view';
import { SESSION_REPORT_VERSION, type ReportMark, type ReportRound, type ReportScorecard, type ReportTwist, type SessionReport } from './session-report';

/**
 * The session report for one viewer (NOT_FOUND unless a member), decided round by round: for a round they
 * interview, every scorecard and their private notes; for a round they were the candidate in, the session itself
 * plus feedback only as far as it was published to them (reading it here counts as opening it, like the feedback
 * page). A classic session's interviewer interviews every round and its candidate none; a peer, half of them.
 */
export async function getSessionReport(db: Db, sessionId: string, userId: string): Promise<SessionReport> {
  const session = await getSessionView(db, sessionId, userId);
  const interviewsAny = session.rounds.some((round) => round.viewerRole === 'INTERVIEWER');
  const isCandidateAny = session.rounds.some((round) => round.viewerRole === 'CANDIDATE');
  const debrief = interviewsAny ? await getDebriefView(db, sessionId, userId) : null;
  const feedback = isCandidateAny ? await findPublishedFeedback(db, sessionId, userId) : null;
  // SQL checks only exist after a round ended; the candidate sees their result beside the expected rows then.
  const sqlChecks = await findSqlChecks(
    db,
    session.rounds.filter((round) => round.kind === 'SQL' && round.clock.status === 'ENDED').map((round) => round.id),
    new Set(session.rounds.filter((round) => round.viewerRole === 'INTERVIEWER').map((round) => round.id)),
  );

  const rounds = await Promise.all(
    session.rounds.map(async (round): Promise<ReportRound> => {
      const stored = await loadStoredDocument(db, round.editorDocumentId);
      const isInterviewer = round.viewerRole === 'INTERVIEWER';
      const scored = isInterviewer
        ? fromDebrief(debrief?.rounds.find((candidate) => candidate.roundId === round.id))
        : fromFeedback(feedback?.rounds.find((candidate) => candidate.roundId === round.id));
      // round.notesDocumentId is set only for the round's interviewer (get-session-view).
      const notes = round.notesDocumentId ? await loadStoredDocument(db, round.notesDocumentId) : null;
      const storedBoard = round.boardDocumentId ? await loadStoredDocument(db, round.boardDocumentId) : null;
      const boardScene = storedBoard ? storedBoardScene(storedBoard) : [];
      return {
        roundId: round.id,
        position: round.position,
        kind: round.kind,
        status: round.clock.status,
        durationMs: round.clock.durationMs,
        elapsedMs: round.clock.elapsedMs,
        overtimeMs: Math.max(0, round.clock.elapsedMs - round.clock.durationMs),
        firstWindowMs: firstWindowOf(round),
        questionsAsked: round.questions.filter((question) => question.revealedAt !== null).length,
        questions: round.questions
          .filter((question) => question.revealedAt !== null)
          .map((question) => ({
            title: question.title,
            difficulty: question.difficulty,
            revealedAtElapsedMs: question.revealedAtElapsedMs,
            completedAtElapsedMs: question.completedAtElapsedMs,
            spentMs:
              question.revealedAtElapsedMs !== null && question.completedAtElapsedMs !== null
                ? question.completedAtElapsedMs - question.revealedAtElapsedMs
                : null,
          })),
        finalText: stored ? storedDocumentText(stored) : '',
        editorDocumentId: round.editorDocumentId,
        // A board shown in the room, or drawn on before it was hidden.
        ...(round.boardDocumentId && (round.isBoardEnabled || boardScene.length > 0)
          ? { board: { documentId: round.boardDocumentId, elements: boardScene, svg: renderBoardSvg(boardScene, `Round ${round.position + 1} board`) } }
          : {}),
        viewerRole: round.viewerRole,
        twists: twistsOf(round),
        ...(round.notesDocumentId ? { privateNotes: notes ? storedDocumentText(notes) : '' } : {}),
        ...(sqlChecks.has(round.id) ? { sqlChecks: sqlChecks.get(round.id) } : {}),
        ...scored,
      };
    }),
  );

  const notes = session.notesDocumentId ? await loadStoredDocument(db, session.notesDocumentId) : null;
  return {
    version: SESSION_REPORT_VERSION,
    sessionId,
    title: session.title,
    status: session.status,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    viewerRole: session.viewerRole,
    participants: session.members.map((member) => ({ name: member.name, role: member.role })),
    feedback: !isCandidateAny ? 'ALL' : feedback ? 'PUBLISHED' : 'NONE',
    rounds,
    // The debrief's calls are the viewer's colleagues' (in a peer session, their own); the feedback's, those
    // published to them. Their union is never the same call twice: nobody is both about one viewer.
    loopCalls: [...(debrief?.loopCalls ?? []), ...(feedback?.loopCalls ?? [])].map((call) => ({
      interviewerName: call.interviewerName,
      staffBarCall: call.staffBarCall,
      rationale: call.rationale,
    })),
    ...(notes ? { privateNotes: storedDocumentText(notes) } : {}),
  };
}

async function findPublishedFeedback(db: Db, sessionId: string, userId: string): Promise<FeedbackView | null> {
  try {
    return await getCandidateFeedback(db, sessionId, userId);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

function firstWindowOf(round: RoundView): number | null {
  const timed = findSignalsForRound(round.kind).find((signal) => signal.rule.kind === 'TIMED');
  return timed?.rule.kind === 'TIMED' ? timed.rule.withinSeconds * 1000 : null;
}

/** The round's fired twists; the probed signal comes from the guides, which only an interviewer's view carries. */
function twistsOf(round: RoundView): ReportTwist[] {
  return round.firedTwists.map((fired) => {
    const guide = round.questions.find((question) => question.id === fired.roundQuestionId)?.guide;
    const twist = guide?.twists.find((candidate) => candidate.key === fired.twistKey);
    return {
      title: fired.title,
      prompt: fired.prompt,
      firedAtElapsedMs: fired.firedAtElapsedMs,
      firedAt: fired.firedAt,
      ...(guide && twist ? { probesSignalKey: twist.probesSignalKey, probesSignalLabel: guide.signalLabels[twist.probesSignalKey] ?? twist.probesSignalKey } : {}),
    };
  });
}

type Scored = Pick<ReportRound, 'marks' | 'scorecards'>;

const byTime = (a: ReportMark, b: ReportMark) => a.elapsedMs - b.elapsedMs;

/** Every interviewer's scorecard with all notes (the viewer interviews this round). */
function fromDebrief(round: DebriefRoundView | undefined): Scored {
  if (!round) return { marks: [], scorecards: [] };
  const marks: ReportMark[] = [];
  const scorecards: ReportScorecard[] = round.scorecards.map((scorecard) => ({
    interviewerName: scorecard.interviewerName,
    ...scorecard.wrapUp,
    signals: round.signals.map((signal) => {
      const entry = scorecard.entries[signal.key];
      const pairMark = signal.rule.kind === 'ORDERED' ? (scorecard.entries[signal.rule.before]?.markedAtElapsedMs ?? null) : null;
      const markedAtElapsedMs = entry?.markedAtElapsedMs ?? null;
      const outcome = resolveSignalOutcome(signal.rule, { markedAtElapsedMs, pairMarkedAtElapsedMs: pairMark }, entry?.override?.verdict ?? null);
      const verdict = describeOutcome(signal.rule, outcome);
      if (markedAtElapsedMs !== null) {
        marks.push({ signalKey: signal.key, label: signal.label, interviewerName: scorecard.interviewerName, elapsedMs: markedAtElapsedMs, markedAt: entry?.markedAt ?? null, verdict, isMet: outcome.isMet });
      }
      return { key: signal.key, label: signal.label, verdict, isMet: outcome.isMet, rating: entry?.rating ?? null, note: entry?.note || null, isNoteShared: entry?.noteShareable ?? false };
    }),
  }));
  return { marks: marks.sort(byTime), scorecards };
}

/** What was published to the candidate: shared notes only. */
function fromFeedback(round: FeedbackRoundView | undefined): Scored {
  if (!round) return { marks: [], scorecards: [] };
  const marks: ReportMark[] = [];
  const scorecards: ReportScorecard[] = round.scorecards.map((scorecard) => ({
    interviewerName: scorecard.interviewerName,
    recommendation: scorecard.recommendation,
    levelEstimate: scorecard.levelEstimate,
    strengths: scorecard.strengths,
    growthAreas: scorecard.growthAreas,
    problemsSolved: scorecard.problemsSolved,
    signals: scorecard.signals.map((signal) => {
      const verdict = describeOutcome(signal.rule, signal);
      if (signal.markedAtElapsedMs !== null) {
        marks.push({ signalKey: signal.key, label: signal.label, interviewerName: scorecard.interviewerName, elapsedMs: signal.markedAtElapsedMs, markedAt: signal.markedAt, verdict, isMet: signal.isMet });
      }
      return { key: signal.key, label: signal.label, verdict, isMet: signal.isMet, rating: signal.rating, note: signal.sharedNote, isNoteShared: signal.sharedNote !== null };
    }),
  }));
  return { marks: marks.sort(byTime), scorecards };
}

