import { z } from 'zod';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { invalidInput } from './field-errors';
import { getHostMembership } from './get-membership';
import { generateInviteToken, hashInviteToken } from './invite-token';
import type { FieldErrors } from '@/lib/errors';

export const DEFAULT_INVITE_HOURS = 72;

const createInviteSchema = z.object({
  inviteeEmail: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(z.email('Enter a valid email address, or leave it empty.').optional())
    .optional(),
  expiresInHours: z.coerce.number().int().min(1, 'At least one hour.').max(24 * 30, 'At most 30 days.').default(DEFAULT_INVITE_HOURS),
});

export interface CreatedInvite {
  id: string;
  /** Shown once; the database keeps only its hash. */
  token: string;
  expiresAt: Date;
  inviteeEmail: string | null;
}

/**
 * An invite for a session that has not finished; any earlier unused invites stay valid until revoked. In a peer
 * session it invites the partner (as PEER), and only while the session has one peer.
 */
export async function createInvite(db: Db, sessionId: string, userId: string, input: unknown): Promise<CreatedInvite> {
  const membership = await getHostMembership(db, sessionId, userId);
  const isPeerSession = membership.role === 'PEER';
  const parsed = createInviteSchema.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const session = await db.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true, _count: { select: { members: true } } } });
  if (session.status === 'COMPLETED' || session.status === 'CANCELLED') {
    throw new AppError('CONFLICT', 'This session has ended; invites can no longer be created for it.');
  }
  if (isPeerSession && session._count.members >= 2) throw new AppError('CONFLICT', 'Your partner has already joined this session.');
  const token = generateInviteToken();
  const expiresAt = new Date(Date.now() + parsed.data.expiresInHours * 3_600_000);
  const invite = await db.invite.create({
    data: {
      sessionId,
      tokenHash: hashInviteToken(token),
      role: isPeerSession ? 'PEER' : 'CANDIDATE',
      inviteeEmail: parsed.data.inviteeEmail ?? null,
      expiresAt,
      createdById: userId,
    },
    select: { id: true, inviteeEmail: true },
  });
  return { id: invite.id, token, expiresAt, inviteeEmail: invite.inviteeEmail };
}

/** The invite form between submissions: the link just made, or what to refill after a refusal. */
export type CreateInviteState =
  | { status: 'idle'; attempt: number }
  | { status: 'created'; attempt: number; inviteId: string; token: string; inviteeEmail: string | null; expiresAt: string }
  | { status: 'error'; attempt: number; message: string; fieldErrors: FieldErrors; values: { inviteeEmail: string; expiresInHours: string } };
