import type { Db } from '@/lib/db';
import type { SessionRoleName } from './session-roles';
import type { SessionStatusName } from './session-lifecycle';

export interface MySessionSummary {
  id: string;
  title: string;
  status: SessionStatusName;
  role: SessionRoleName;
  scheduledAt: Date | null;
  createdAt: Date;
  roundKinds: string[];
  otherMembers: string[];
}

/** The caller's sessions, newest first (history review with filters and paging builds on this). */
export async function findMySessions(db: Db, userId: string, take = 50): Promise<MySessionSummary[]> {
  const memberships = await db.sessionMember.findMany({
    where: { userId },
    orderBy: { session: { createdAt: 'desc' } },
    take,
    select: {
      role: true,
      session: {
        select: {
          id: true,
          title: true,
          status: true,
          scheduledAt: true,
          createdAt: true,
          rounds: { select: { kind: true }, orderBy: { position: 'asc' } },
          members: { where: { userId: { not: userId } }, select: { user: { select: { name: true } } } },
        },
      },
    },
  });
  return memberships.map(({ role, session }) => ({
    id: session.id,
    title: session.title,
    status: session.status,
    role,
    scheduledAt: session.scheduledAt,
    createdAt: session.createdAt,
    roundKinds: session.rounds.map((round) => round.kind),
    otherMembers: session.members.map((member) => member.user.name),
  }));
}
