import { z } from 'zod';

// Order matters: it is the order the full E6 loop runs in and the order pickers list the rounds.
export const ROUND_KINDS = [
  'SQL',
  'PYTHON_ETL',
  'DATA_MODELING',
  'SYSTEM_DESIGN',
  'PRODUCT_SENSE',
  'BEHAVIORAL',
] as const;

export type RoundKind = (typeof ROUND_KINDS)[number];

export const roundKindSchema = z.enum(ROUND_KINDS);

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  SQL: 'SQL',
  PYTHON_ETL: 'Python & ETL',
  DATA_MODELING: 'Data modeling',
  SYSTEM_DESIGN: 'Distributed system design',
  PRODUCT_SENSE: 'Product sense & metrics',
  BEHAVIORAL: 'Leadership & behavioral',
};
