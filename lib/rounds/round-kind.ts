import { RoundKind as RoundKindEnum } from '@/lib/generated/prisma/enums';
import { enumValues } from '@/lib/enum-values';

// Read from the schema's enum, whose order matters: it is the order the full E6 loop runs in and pickers list the rounds.
export const ROUND_KINDS = enumValues(RoundKindEnum);

export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  SQL: 'SQL',
  PYTHON_ETL: 'Python & ETL',
  DATA_MODELING: 'Data modeling',
  SYSTEM_DESIGN: 'Distributed system design',
  PRODUCT_SENSE: 'Product sense & metrics',
  BEHAVIORAL: 'Leadership & behavioral',
};
