import type { Db } from '@/lib/db';
import { SIGNAL_CATALOG } from '@/lib/rubric/signal-catalog';
import type { DebriefView } from './debrief-view';
import { SIGNAL_ENTRY_SELECT, toSignalEntryView, toWrapUpView, WRAP_UP_SELECT } from './get-scorecard-view';
import { loadInterviewedRounds } from './load-interviewed-rounds';
import { rubricSignalViews } from './rubric-signal-views';

const AUDIT_LINES = 200;
const LABELS = new Map(SIGNAL_CATALOG.map((signal) => [signal.key, signal.label]));

/** The loop debrief for an interviewer of the session (FORBIDDEN for a candidate, NOT_FOUND for a stranger). */
export async function getDebriefView(db: Db, sessionId: string, userId: string): Promise<DebriefView> {
  const { session, rounds } = await loadInterviewedRounds(db, sessionId, userId);
  const roundIds = rounds.map((round) => round.id);
  const [scorecards, loopCalls, releases, audit, members] = await Promise.all([
    db.scorecard.findMany({
      where: { sessionId, roundId: { in: roundIds } },
      orderBy: { createdAt: 'asc' },
      select: {
        roundId: true,
        interviewerId: true,
        interviewer: { select: { name: true } },
        ...WRAP_UP_SELECT,
        updatedAt: true,
        signals: { select: SIGNAL_ENTRY_SELECT },
      },
    }),
    db.loopDebrief.findMany({ where: { sessionId }, select: { interviewerId: true, interviewer: { select: { name: true } }, staffBarCall: true, rationale: true, updatedAt: true } }),
    db.feedbackRelease.findMany({ where: { sessionId }, select: { interviewerId: true, interviewer: { select: { name: true } }, publishedAt: true, openedAt: true } }),
    db.rubricAuditEntry.findMany({ where: { sessionId }, orderBy: { id: 'desc' }, take: AUDIT_LINES }),
    db.sessionMember.findMany({ where: { sessionId }, select: { userId: true, role: true, user: { select: { name: true } } } }),
  ]);
  const names = new Map(members.map((member) => [member.userId, member.user.name]));
  // Whose loop calls and releases concern these rounds: in a peer session, not the peer's call about the viewer.
  const sessionInterviewers = members.filter((member) => member.role === 'INTERVIEWER').map((member) => member.userId);
  const colleagues = new Set(rounds.flatMap((round) => (round.interviewerId ? [round.interviewerId] : sessionInterviewers)));
  const positions = new Map(rounds.map((round) => [round.id, round.position]));

  const roundViews = rounds.map((round) => ({
    roundId: round.id,
    position: round.position,
    kind: round.kind,
    status: round.status,
    elapsedMs: round.elapsedMs,
    durationMs: round.durationMs,
    questionsAsked: round._count.questions,
    signals: rubricSignalViews(round.kind),
    scorecards: scorecards
      .filter((scorecard) => scorecard.roundId === round.id)
      .map((scorecard) => ({
        interviewerId: scorecard.interviewerId,
        interviewerName: scorecard.interviewer.name,
        entries: Object.fromEntries(scorecard.signals.map((row) => [row.signalKey, toSignalEntryView(row)])),
        wrapUp: toWrapUpView(scorecard),
        updatedAt: scorecard.updatedAt.toISOString(),
      })),
  }));

  const coverageGaps = roundViews.flatMap((round) =>
    round.signals
      .filter((signal) =>
        round.scorecards.every((scorecard) => {
          const entry = scorecard.entries[signal.key];
          return !entry || (entry.markedAtElapsedMs === null && entry.rating === null);
        }),
      )
      .map((signal) => ({ roundId: round.roundId, roundPosition: round.position, signalKey: signal.key, label: signal.label })),
  );

  return {
    sessionId,
    title: session.title,
    status: session.status,
    viewerId: userId,
    // Peer sessions: the partner, as the candidate of the rounds the viewer interviews.
    candidateNames: [...new Set(rounds.flatMap((round) => (round.candidateId ? [round.candidateId] : [])))].flatMap((id) => (names.has(id) ? [names.get(id)!] : [])).concat(
      members.filter((member) => member.role === 'CANDIDATE').map((member) => member.user.name),
    ),
    rounds: roundViews,
    loopCalls: loopCalls.filter((call) => colleagues.has(call.interviewerId)).map((call) => ({
      interviewerId: call.interviewerId,
      interviewerName: call.interviewer.name,
      staffBarCall: call.staffBarCall,
      rationale: call.rationale,
      updatedAt: call.updatedAt.toISOString(),
    })),
    coverageGaps,
    releases: releases.filter((release) => colleagues.has(release.interviewerId)).map((release) => ({
      interviewerId: release.interviewerId,
      interviewerName: release.interviewer.name,
      publishedAt: release.publishedAt.toISOString(),
      openedAt: release.openedAt?.toISOString() ?? null,
    })),
    audit: audit
      // A peer session's audit also covers rounds the viewer was the candidate of, and the partner's own loop call
      // (session-wide lines): those lines stay hidden, as the releases and loop calls above do.
      .filter((line) => (line.roundId === null ? colleagues.has(line.actorId) : positions.has(line.roundId)))
      .map((line) => ({
        id: line.id.toString(),
        at: line.createdAt.toISOString(),
        actorName: names.get(line.actorId) ?? 'A former member',
        action: line.action,
        roundPosition: line.roundId ? (positions.get(line.roundId) ?? null) : null,
        signalLabel: line.signalKey ? (LABELS.get(line.signalKey) ?? line.signalKey) : null,
        changes: line.changes as Record<string, unknown>,
      })),
  };
}
