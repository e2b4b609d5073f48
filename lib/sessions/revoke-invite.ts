import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getInviterMembership } from './get-membership';

export async function revokeInvite(db: Db, sessionId: string, inviteId: string, userId: string): Promise<void> {
  await getInviterMembership(db, sessionId, userId);
  const { count } = await db.invite.updateMany({
    where: { id: inviteId, sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('NOT_FOUND', 'That invite does not exist or was already revoked.');
}
