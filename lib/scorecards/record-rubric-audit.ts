import type { DbTx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

const MAX_AUDITED_TEXT = 200;

export interface RubricAuditInput {
  sessionId: string;
  actorId: string;
  action: string;
  roundId?: string;
  signalKey?: string;
  changes?: Record<string, unknown>;
}

/** Long text is abbreviated: the audit says who changed what and when; the scorecard holds the text. */
function abbreviate(changes: Record<string, unknown>): Prisma.InputJsonObject {
  return Object.fromEntries(
    Object.entries(changes).map(([field, value]) => [
      field,
      typeof value === 'string' && value.length > MAX_AUDITED_TEXT ? `${value.slice(0, MAX_AUDITED_TEXT)}…` : (value as Prisma.InputJsonValue | null),
    ]),
  );
}

/** One line of the rubric's audit trail, written in the same transaction as the change it describes. */
export async function recordRubricAudit(tx: DbTx, entry: RubricAuditInput): Promise<void> {
  await tx.rubricAuditEntry.create({
    data: {
      sessionId: entry.sessionId,
      actorId: entry.actorId,
      action: entry.action,
      roundId: entry.roundId ?? null,
      signalKey: entry.signalKey ?? null,
      changes: abbreviate(entry.changes ?? {}),
    },
  });
}
