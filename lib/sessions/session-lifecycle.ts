import { AppError } from '@/lib/errors';
import { SessionStatus } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

export const SESSION_STATUSES = enumValues(SessionStatus);

export type SessionStatusName = (typeof SESSION_STATUSES)[number];

// scheduled → live → completed, and a session that has not finished can be cancelled. Nothing leaves a final state.
const ALLOWED: Record<SessionStatusName, SessionStatusName[]> = {
  SCHEDULED: ['LIVE', 'CANCELLED'],
  LIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

const DESCRIPTIONS: Record<SessionStatusName, string> = {
  SCHEDULED: 'has not started yet',
  LIVE: 'is live',
  COMPLETED: 'has already finished',
  CANCELLED: 'was cancelled',
};

export function canTransition(from: SessionStatusName, to: SessionStatusName): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(from: SessionStatusName, to: SessionStatusName): void {
  if (!canTransition(from, to)) {
    throw new AppError('CONFLICT', `This session ${DESCRIPTIONS[from]}, so it cannot become ${to.toLowerCase()}.`);
  }
}

export function isFinal(status: SessionStatusName): boolean {
  return ALLOWED[status].length === 0;
}
