import type { Db } from '@/lib/db';
import { findCurrentMatchRequest } from '@/lib/peer/find-current-match-request';
import type { MatchRequestView } from '@/lib/peer/match-request-view';
import type { MemberSeat } from '@/lib/sessions/session-view';

// The home page's panels for one user, each scoped by the user's own memberships, invites or requests. Five
// queries, each on an index (SessionMember.userId, Invite.inviteeEmail, MatchRequest.userId, FeedbackRelease via
// the session's members), none of which touches interviewer-only material: a candidate's dashboard says that
// feedback was published, never what it says.

const UPCOMING_LIMIT = 5;
const INVITATION_LIMIT = 5;

export interface DashboardSession {
  id: string;
  title: string;
  scheduledAt: string | null;
  /** Where the user sits in it, as the room says. */
  seat: MemberSeat;
}

export interface DashboardInvitation {
  inviteId: string;
  sessionTitle: string;
  invitedBy: string;
  /** A shadow interviewer's seat, or the candidate's / partner's. */
  seat: 'CANDIDATE' | 'SHADOW' | 'PEER';
  expiresAt: string;
}

export interface DashboardFeedback {
  sessionId: string;
  sessionTitle: string;
  interviewerName: string;
  publishedAt: string;
}

export interface Dashboard {
  /** Sessions running now: one click back into the room. */
  live: DashboardSession[];
  /** Sessions not started yet, soonest first (unscheduled ones last). */
  upcoming: DashboardSession[];
  /** Open invites addressed to the user's email for sessions they have not joined. */
  invitations: DashboardInvitation[];
  /** Their practice request still waiting, or a match they have not joined yet. */
  practice: MatchRequestView | null;
  /** The most recent feedback someone published to the user as candidate or peer. */
  latestFeedback: DashboardFeedback | null;
  /** How many sessions have published feedback for the user: the progress page's headline. */
  sessionsWithFeedback: number;
  /** Never been in a session, with nothing waiting: the page shows the first things to do. */
  isNewcomer: boolean;
}

export async function getDashboard(db: Db, user: { id: string; email: string }, options: { noShowWindowMs: number; now?: Date }): Promise<Dashboard> {
  const now = options.now ?? new Date();
  const userId = user.id;
  const [memberships, membershipCount, invites, practice, releases] = await Promise.all([
    db.sessionMember.findMany({
      where: { userId, session: { status: { in: ['LIVE', 'SCHEDULED'] } } },
      select: { role: true, session: { select: { id: true, title: true, status: true, scheduledAt: true, createdAt: true, createdById: true } } },
      orderBy: [{ session: { scheduledAt: { sort: 'asc', nulls: 'last' } } }, { session: { createdAt: 'desc' } }],
      take: 50,
    }),
    db.sessionMember.count({ where: { userId } }),
    db.invite.findMany({
      where: {
        inviteeEmail: user.email.toLowerCase(),
        redeemedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
        session: { status: { in: ['LIVE', 'SCHEDULED'] }, members: { none: { userId } } },
      },
      select: { id: true, role: true, expiresAt: true, createdBy: { select: { name: true } }, session: { select: { title: true } } },
      orderBy: { expiresAt: 'asc' },
      take: INVITATION_LIMIT,
    }),
    findCurrentMatchRequest(db, userId, options.noShowWindowMs, now),
    // Releases by someone else in sessions where the user was candidate or peer (an interviewer's own does not count).
    db.feedbackRelease.findMany({
      where: { interviewerId: { not: userId }, session: { members: { some: { userId, role: { in: ['CANDIDATE', 'PEER'] } } } } },
      select: { sessionId: true, publishedAt: true, interviewer: { select: { name: true } }, session: { select: { title: true } } },
      orderBy: { publishedAt: 'desc' },
    }),
  ]);

  const sessions = memberships.map(({ role, session }) => ({
    status: session.status,
    view: {
      id: session.id,
      title: session.title,
      scheduledAt: session.scheduledAt?.toISOString() ?? null,
      seat: (role === 'INTERVIEWER' ? (session.createdById === userId ? 'LEAD' : 'SHADOW') : role) as MemberSeat,
    },
  }));
  const latest = releases[0];
  return {
    live: sessions.filter((session) => session.status === 'LIVE').map((session) => session.view),
    upcoming: sessions
      .filter((session) => session.status === 'SCHEDULED')
      .slice(0, UPCOMING_LIMIT)
      .map((session) => session.view),
    invitations: invites.map((invite) => ({
      inviteId: invite.id,
      sessionTitle: invite.session.title,
      invitedBy: invite.createdBy.name,
      seat: invite.role === 'INTERVIEWER' ? 'SHADOW' : invite.role,
      expiresAt: invite.expiresAt.toISOString(),
    })),
    practice,
    latestFeedback: latest
      ? { sessionId: latest.sessionId, sessionTitle: latest.session.title, interviewerName: latest.interviewer.name, publishedAt: latest.publishedAt.toISOString() }
      : null,
    sessionsWithFeedback: new Set(releases.map((release) => release.sessionId)).size,
    isNewcomer: membershipCount === 0 && invites.length === 0 && practice === null,
  };
}
