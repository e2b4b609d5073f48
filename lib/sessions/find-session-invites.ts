import type { Db } from '@/lib/db';
import { inviteKindOf, type InviteKind } from './create-invite';
import { getInviterMembership } from './get-membership';

export interface InviteSummary {
  id: string;
  inviteeEmail: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  redeemedAt: Date | null;
  redeemedByName: string | null;
  kind: InviteKind | 'PEER';
}

export async function findSessionInvites(db: Db, sessionId: string, userId: string): Promise<InviteSummary[]> {
  await getInviterMembership(db, sessionId, userId);
  const invites = await db.invite.findMany({
    where: { sessionId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, role: true, inviteeEmail: true, expiresAt: true, revokedAt: true, redeemedAt: true, redeemedBy: { select: { name: true } } },
  });
  return invites.map(({ redeemedBy, role, ...invite }) => ({ ...invite, kind: inviteKindOf(role), redeemedByName: redeemedBy?.name ?? null }));
}
