import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { WithEvents } from '@/lib/events/domain-event';
import { loadControlledRound } from '@/lib/sessions/load-controlled-round';
import { hasSqlEditor } from './sql-editor-rounds';

/**
 * Turns the round editor's SQL colours on or off for everyone in the room (the round's interviewer only, in a live
 * session, in a round whose editor holds SQL). Only the display changes: the text is the same either way.
 */
export async function setSqlHighlighting(
  db: Db,
  sessionId: string,
  roundId: string,
  userId: string,
  isEnabled: boolean,
): Promise<WithEvents<{ isSqlHighlighted: boolean }>> {
  return db.$transaction(async (tx) => {
    const round = await loadControlledRound(tx, sessionId, roundId, userId);
    if (!hasSqlEditor(round.kind)) throw new AppError('INVALID_INPUT', 'Only an SQL or data-modeling round colours SQL.');
    await tx.round.update({ where: { id: roundId }, data: { sqlHighlighting: isEnabled } });
    await tx.sessionEvent.create({ data: { sessionId, roundId, type: isEnabled ? 'sql-highlighting.on' : 'sql-highlighting.off', actorId: userId } });
    return { isSqlHighlighted: isEnabled, events: [{ type: 'session-changed', sessionId, reason: 'sql-highlighting.toggled' }] };
  });
}
