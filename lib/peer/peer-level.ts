import { PeerLevel } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

// The level a user practises at, lowest first: the order is what "within one step" is measured on.
export const PEER_LEVELS = enumValues(PeerLevel);

export type PeerLevelName = (typeof PEER_LEVELS)[number];

export const PEER_LEVEL_LABELS: Record<PeerLevelName, string> = {
  E4: 'E4 (mid-level)',
  E5: 'E5 (senior)',
  E6: 'E6 (staff)',
  E7: 'E7 (senior staff)',
};
