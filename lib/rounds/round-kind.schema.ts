import { z } from 'zod';
import { ROUND_KINDS } from './round-kind';

// Apart from round-kind.ts so that the browser, which reads the kinds and their labels, never downloads zod.
export const roundKindSchema = z.enum(ROUND_KINDS);
