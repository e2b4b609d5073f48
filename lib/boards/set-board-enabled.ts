import type { Db } from '@/lib/db';
import type { WithEvents } from '@/lib/events/domain-event';
import { loadControlledRound } from '@/lib/sessions/load-controlled-round';

/**
 * Shows or hides the round's board in the room (the round's interviewer only, in a live session). The board's
 * document exists either way: hiding it keeps what was drawn, and the report shows it.
 */
export async function setBoardEnabled(
  db: Db,
  sessionId: string,
  roundId: string,
  userId: string,
  isEnabled: boolean,
): Promise<WithEvents<{ isBoardEnabled: boolean }>> {
  return db.$transaction(async (tx) => {
    await loadControlledRound(tx, sessionId, roundId, userId);
    await tx.round.update({ where: { id: roundId }, data: { boardEnabled: isEnabled } });
    await tx.sessionEvent.create({ data: { sessionId, roundId, type: isEnabled ? 'board.shown' : 'board.hidden', actorId: userId } });
    return { isBoardEnabled: isEnabled, events: [{ type: 'session-changed', sessionId, reason: 'board.toggled' }] };
  });
}
