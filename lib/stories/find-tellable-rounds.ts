import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { roleInRound } from '@/lib/sessions/session-roles';
import type { TellableRoundView } from './story-views';

/** Behavioral rounds of the caller's sessions that have started: the candidates for "told in". */
function behavioralRoundsOf(userId: string): Prisma.RoundWhereInput {
  return { kind: 'BEHAVIORAL', status: { not: 'PENDING' }, session: { members: { some: { userId } } } };
}

const ROUND_SELECT = {
  id: true,
  position: true,
  interviewerId: true,
  candidateId: true,
  session: { select: { id: true, title: true, startedAt: true, createdAt: true, members: { select: { userId: true, role: true } } } },
} satisfies Prisma.RoundSelect;

type RoundRow = Prisma.RoundGetPayload<{ select: typeof ROUND_SELECT }>;

function wasCandidate(userId: string, round: RoundRow): boolean {
  const role = round.session.members.find((member) => member.userId === userId)?.role;
  return role !== undefined && roleInRound(userId, role, round) === 'CANDIDATE';
}

function toTellableRound(round: RoundRow): TellableRoundView {
  return {
    roundId: round.id,
    sessionId: round.session.id,
    sessionTitle: round.session.title,
    heldAt: (round.session.startedAt ?? round.session.createdAt).toISOString(),
    roundPosition: round.position,
  };
}

/** The behavioral rounds the caller was the candidate in (not those they interviewed), newest session first. */
export async function findTellableRounds(db: Db, userId: string): Promise<TellableRoundView[]> {
  const rounds = await db.round.findMany({ where: behavioralRoundsOf(userId), select: ROUND_SELECT });
  return rounds
    .filter((round) => wasCandidate(userId, round))
    .map(toTellableRound)
    .sort((a, b) => b.heldAt.localeCompare(a.heldAt) || a.roundPosition - b.roundPosition);
}

/** One such round by id, or null. */
export async function findTellableRound(db: Db, userId: string, roundId: string): Promise<TellableRoundView | null> {
  const round = await db.round.findFirst({ where: { AND: [{ id: roundId }, behavioralRoundsOf(userId)] }, select: ROUND_SELECT });
  return round && wasCandidate(userId, round) ? toTellableRound(round) : null;
}
