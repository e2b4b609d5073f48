import type { Db } from '@/lib/db';
import { renderMarkdown } from '@/lib/markdown/render-markdown';
import { roundFormatSchema } from '@/lib/rounds/round-format.schema';
import { getSessionAccess } from './get-session-access';
import { GUIDE_SELECT, toGuideView, type QuestionGuideView } from '@/lib/questions/question-views';
import type { MemberSeat, RoundView, SessionView, SwapOptionView } from './session-view';
import type { RoundKind } from '@/lib/rounds/round-kind';
import { swappableQuestionsWhere } from './swap-planned-question';
import { resolveFeedbackAuthors } from '@/lib/scorecards/resolve-feedback-authors';
import { canRunSession } from './session-roles';
import { FIRED_TWIST_SELECT, toFiredTwistView } from '@/lib/twists/fired-twist-view';

/**
 * The session as `userId` may see it (NOT_FOUND unless a member). Guides and notes are fetched only for the rounds
 * the viewer interviews (roleInRound), so a peer never receives the partner's material for the other rounds.
 */
export async function getSessionView(db: Db, sessionId: string, userId: string): Promise<SessionView> {
  const { membership, roleIn } = await getSessionAccess(db, sessionId, userId);
  const session = await db.interviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      status: true,
      scheduledAt: true,
      startedAt: true,
      endedAt: true,
      currentRoundIndex: true,
      createdById: true,
      members: { select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { joinedAt: 'asc' } },
      documents: { select: { id: true, kind: true, roundId: true, isReadOnly: true } },
      rounds: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          position: true,
          kind: true,
          format: true,
          interviewerId: true,
          candidateId: true,
          status: true,
          durationMs: true,
          elapsedMs: true,
          runningSince: true,
          timerVersion: true,
          boardEnabled: true,
          sqlHighlighting: true,
          firedTwists: { select: FIRED_TWIST_SELECT, orderBy: [{ firedAtElapsedMs: 'asc' }, { firedAt: 'asc' }] },
          questions: {
            orderBy: { position: 'asc' },
            select: {
              id: true,
              position: true,
              questionId: true,
              revealedAt: true,
              revealedAtElapsedMs: true,
              completedAt: true,
              completedAtElapsedMs: true,
              question: { select: { title: true, difficulty: true, prompt: true } },
            },
          },
        },
      },
    },
  });

  const rolesByRound = new Map(session.rounds.map((round) => [round.id, roleIn(round)]));
  const guideQuestionIds = session.rounds
    .filter((round) => rolesByRound.get(round.id) === 'INTERVIEWER')
    .flatMap((round) => round.questions.map((question) => question.questionId));
  const guides = await findGuides(db, guideQuestionIds);
  const swapOptions = await findSwapOptions(
    db,
    userId,
    session.rounds.filter((round) => round.status === 'PENDING' && rolesByRound.get(round.id) === 'INTERVIEWER').map((round) => round.kind),
    session.rounds.flatMap((round) => round.questions.map((question) => question.questionId)),
  );

  const rounds: RoundView[] = session.rounds.map((round) => {
    const viewerRole = rolesByRound.get(round.id) ?? 'CANDIDATE';
    const editor = session.documents.find((document) => document.roundId === round.id && document.kind === 'ROUND_EDITOR');
    if (!editor) throw new Error(`round ${round.id} has no editor document`);
    const board = session.documents.find((document) => document.roundId === round.id && document.kind === 'BOARD');
    const visibleQuestions = viewerRole === 'INTERVIEWER' ? round.questions : round.questions.filter((question) => question.revealedAt);
    const roundNotes = session.documents.find((document) => document.roundId === round.id && document.kind === 'INTERVIEWER_NOTES');
    return {
      id: round.id,
      position: round.position,
      kind: round.kind,
      format: roundFormatSchema.parse(round.format),
      viewerRole,
      interviewerId: round.interviewerId,
      candidateId: round.candidateId,
      clock: {
        status: round.status,
        durationMs: round.durationMs,
        elapsedMs: round.elapsedMs,
        runningSince: round.runningSince?.getTime() ?? null,
      },
      timerVersion: round.timerVersion,
      editorDocumentId: editor.id,
      isReadOnly: editor.isReadOnly,
      ...(board ? { boardDocumentId: board.id } : {}),
      isBoardEnabled: round.boardEnabled,
      isSqlHighlighted: round.sqlHighlighting,
      plannedQuestionCount: round.questions.length,
      questions: visibleQuestions.map((question) => ({
        id: question.id,
        position: question.position,
        title: question.question.title,
        difficulty: question.question.difficulty,
        promptHtml: renderMarkdown(question.question.prompt),
        revealedAt: question.revealedAt?.toISOString() ?? null,
        revealedAtElapsedMs: question.revealedAtElapsedMs,
        completedAt: question.completedAt?.toISOString() ?? null,
        completedAtElapsedMs: question.completedAtElapsedMs,
        ...(viewerRole === 'INTERVIEWER' && guides.has(question.questionId) ? { guide: guides.get(question.questionId) } : {}),
      })),
      firedTwists: round.firedTwists.map(toFiredTwistView),
      ...(viewerRole === 'INTERVIEWER' && round.status === 'PENDING' ? { swapOptions: swapOptions.filter((option) => option.kind === round.kind).map(({ kind: _kind, ...option }) => option) } : {}),
      ...(viewerRole === 'INTERVIEWER' && roundNotes ? { notesDocumentId: roundNotes.id } : {}),
    };
  });

  const notes = session.documents.find((document) => document.kind === 'INTERVIEWER_NOTES' && document.roundId === null);
  const hasPublishedFeedback = await hasFeedbackFor(db, session, rolesByRound);
  return {
    id: session.id,
    title: session.title,
    status: session.status,
    scheduledAt: session.scheduledAt?.toISOString() ?? null,
    startedAt: session.startedAt?.toISOString() ?? null,
    endedAt: session.endedAt?.toISOString() ?? null,
    currentRoundIndex: session.currentRoundIndex,
    viewerId: userId,
    viewerRole: membership.role,
    canRunSession: canRunSession(membership.role),
    canInvite: membership.role === 'PEER' || (membership.role === 'INTERVIEWER' && session.createdById === userId),
    members: session.members.map((member) => ({ userId: member.userId, name: member.user.name, role: member.role, seat: seatOf(member, session.createdById) })),
    rounds,
    ...(membership.role === 'INTERVIEWER' && notes ? { notesDocumentId: notes.id } : {}),
    hasPublishedFeedback,
    serverNow: Date.now(),
  };
}

function seatOf(member: { userId: string; role: SessionView['viewerRole'] }, leadId: string): MemberSeat {
  if (member.role === 'INTERVIEWER') return member.userId === leadId ? 'LEAD' : 'SHADOW';
  return member.role;
}

/** One query for every round the viewer may still re-plan: the questions of those kinds the session does not use. */
async function findSwapOptions(db: Db, userId: string, kinds: RoundKind[], usedQuestionIds: string[]): Promise<(SwapOptionView & { kind: RoundKind })[]> {
  if (kinds.length === 0) return [];
  const rows = await db.question.findMany({
    where: { OR: [...new Set(kinds)].map((kind) => swappableQuestionsWhere(userId, kind, usedQuestionIds)) },
    select: { id: true, title: true, difficulty: true, roundKind: true },
    orderBy: [{ roundKind: 'asc' }, { title: 'asc' }],
  });
  return rows.map((row) => ({ questionId: row.id, title: row.title, difficulty: row.difficulty, kind: row.roundKind }));
}

async function findGuides(db: Db, questionIds: string[]): Promise<Map<string, QuestionGuideView>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db.questionGuide.findMany({
    where: { questionId: { in: questionIds } },
    select: { questionId: true, ...GUIDE_SELECT },
  });
  return new Map(rows.map(({ questionId, ...guide }) => [questionId, toGuideView(guide)]));
}

/** Has an interviewer of a round the viewer was candidate in published? (An interviewer's own release does not count.) */
async function hasFeedbackFor(
  db: Db,
  session: { id: string; members: { userId: string; role: string }[]; rounds: { id: string; interviewerId: string | null }[] },
  rolesByRound: Map<string, 'INTERVIEWER' | 'CANDIDATE'>,
): Promise<boolean> {
  const candidateRounds = session.rounds.filter((round) => rolesByRound.get(round.id) === 'CANDIDATE');
  if (candidateRounds.length === 0) return false;
  const releases = await db.feedbackRelease.findMany({ where: { sessionId: session.id }, select: { interviewerId: true } });
  if (releases.length === 0) return false;
  const published = new Set(releases.map((release) => release.interviewerId));
  const sessionInterviewers = session.members.filter((member) => member.role === 'INTERVIEWER').map((member) => member.userId);
  return candidateRounds.some((round) => resolveFeedbackAuthors(round, sessionInterviewers, published).length > 0);
}
