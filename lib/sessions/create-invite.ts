import { z } from 'zod';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { invalidInput } from './field-errors';
import { getInviterMembership } from './get-membership';
import { generateInviteToken, hashInviteToken } from './invite-token';
import type { FieldErrors } from '@/lib/errors';

export const DEFAULT_INVITE_HOURS = 72;

/** Who an invite to a classic session brings in: the candidate, or a shadow interviewer beside the lead. */
export const INVITE_KINDS = ['CANDIDATE', 'SHADOW'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

const createInviteSchema = z.object({
  inviteeEmail: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(z.email('Enter a valid email address, or leave it empty.').optional())
    .optional(),
  inviteAs: z.enum(INVITE_KINDS, 'Choose who the invite is for.').default('CANDIDATE'),
  expiresInHours: z.coerce.number().int().min(1, 'At least one hour.').max(24 * 30, 'At most 30 days.').default(DEFAULT_INVITE_HOURS),
});

export interface CreatedInvite {
  id: string;
  /** Shown once; the database keeps only its hash. */
  token: string;
  expiresAt: Date;
  inviteeEmail: string | null;
  kind: InviteKind | 'PEER';
}

/**
 * An invite for a session that has not finished; any earlier unused invites stay valid until revoked. In a peer
 * session it invites the partner (as PEER), and only while the session has one peer. Only the lead interviewer
 * invites to a classic session: a candidate (CANDIDATE member) or a shadow interviewer (an INTERVIEWER member who
 * is not the session's creator, so the room tells them apart).
 */
export async function createInvite(db: Db, sessionId: string, userId: string, input: unknown): Promise<CreatedInvite> {
  const membership = await getInviterMembership(db, sessionId, userId);
  const isPeerSession = membership.role === 'PEER';
  const parsed = createInviteSchema.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  if (isPeerSession && parsed.data.inviteAs === 'SHADOW') throw new AppError('INVALID_INPUT', 'A peer session has no shadow interviewer: you two take turns.');
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
      role: isPeerSession ? 'PEER' : parsed.data.inviteAs === 'SHADOW' ? 'INTERVIEWER' : 'CANDIDATE',
      inviteeEmail: parsed.data.inviteeEmail ?? null,
      expiresAt,
      createdById: userId,
    },
    select: { id: true, inviteeEmail: true, role: true },
  });
  return { id: invite.id, token, expiresAt, inviteeEmail: invite.inviteeEmail, kind: inviteKindOf(invite.role) };
}

/** The invite's kind from the role it grants. */
export function inviteKindOf(role: 'INTERVIEWER' | 'CANDIDATE' | 'PEER'): InviteKind | 'PEER' {
  return role === 'INTERVIEWER' ? 'SHADOW' : role;
}

/** The invite form between submissions: the link just made, or what to refill after a refusal. */
export type CreateInviteState =
  | { status: 'idle'; attempt: number }
  | { status: 'created'; attempt: number; inviteId: string; token: string; inviteeEmail: string | null; expiresAt: string; kind: InviteKind | 'PEER' }
  | { status: 'error'; attempt: number; message: string; fieldErrors: FieldErrors; values: { inviteeEmail: string; expiresInHours: string; inviteAs: string } };
