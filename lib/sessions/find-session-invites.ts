import type { Db } from '@/lib/db';
import { getHostMembership } from './get-membership';

export interface InviteSummary {
  id: string;
  inviteeEmail: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  redeemedAt: Date | null;
  redeemedByName: string | null;
}

export async function findSessionInvites(db: Db, sessionId: string, userId: string): Promise<InviteSummary[]> {
  await getHostMembership(db, sessionId, userId);
  const invites = await db.invite.findMany({
    where: { sessionId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, inviteeEmail: true, expiresAt: true, revokedAt: true, redeemedAt: true, redeemedBy: { select: { name: true } } },
  });
  return invites.map(({ redeemedBy, ...invite }) => ({ ...invite, redeemedByName: redeemedBy?.name ?? null }));
}
