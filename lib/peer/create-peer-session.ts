import { inTransaction, type Db, type DbTx } from '@/lib/db';
import type { RoundKind } from '@/lib/rounds/round-kind';
import { createSession } from '@/lib/sessions/create-session';
import { addSecondPeer } from '@/lib/sessions/redeem-invite';

export interface PeerSessionInput {
  hostId: string;
  guestId: string;
  /** Each kind becomes two rounds: one with the host interviewing, one with the guest interviewing. */
  roundKinds: RoundKind[];
  title: string;
  scheduledAt?: Date | null;
}

/**
 * The session two matched peers practise in: the role-swap loop (each kind twice, the host interviewing
 * first, then the guest, with different questions), the host as its creator and the guest joined as the
 * second peer exactly as an invite would join them. Runs in the caller's transaction when given one.
 */
export async function createPeerSession(db: Db | DbTx, input: PeerSessionInput): Promise<{ id: string }> {
  const { hostId, guestId, roundKinds, title, scheduledAt } = input;
  return inTransaction(db, async (tx) => {
    const session = await createSession(tx, hostId, {
      title,
      template: 'PEER_SWAP',
      roundKinds,
      ...(scheduledAt ? { scheduledAt: scheduledAt.toISOString() } : {}),
    });
    await addSecondPeer(tx, session.id, guestId);
    return session;
  });
}
