import type { Prisma } from '@/lib/generated/prisma/client';

// A fired twist as everyone in the room may see it: what the candidate was shown and when. The interviewer-only
// side (strong answer, probed signal) is never part of this shape; see FiredTwistGuide.

export interface FiredTwistView {
  id: string;
  roundId: string;
  roundQuestionId: string;
  twistKey: string;
  title: string;
  prompt: string;
  firedAt: string;
  firedAtElapsedMs: number;
}

/** For a round's interviewers only: what the twist probes and what a strong answer covers. */
export interface FiredTwistGuide {
  firedTwistId: string;
  roundId: string;
  roundQuestionId: string;
  twistKey: string;
  probesSignalKey: string;
  probesSignalLabel: string;
  strongAnswer: string;
}

/** The columns every fired-twist read selects (all of them candidate-safe). */
export const FIRED_TWIST_SELECT = {
  id: true,
  roundId: true,
  roundQuestionId: true,
  twistKey: true,
  title: true,
  prompt: true,
  firedAt: true,
  firedAtElapsedMs: true,
} satisfies Prisma.FiredTwistSelect;

type FiredTwistRow = Prisma.FiredTwistGetPayload<{ select: typeof FIRED_TWIST_SELECT }>;

export function toFiredTwistView(row: FiredTwistRow): FiredTwistView {
  return { ...row, firedAt: row.firedAt.toISOString() };
}
