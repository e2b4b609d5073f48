import { AppError } from '../errors';
import type { RoundKind } from '../rounds/round-kind';
import type { Signal } from './signal-types';
import { BEHAVIORAL_SIGNALS } from './signals/behavioral';
import { DATA_MODELING_SIGNALS } from './signals/data-modeling';
import { PRODUCT_SENSE_SIGNALS } from './signals/product-sense';
import { PYTHON_ETL_SIGNALS } from './signals/python-etl';
import { SQL_SIGNALS } from './signals/sql';
import { SYSTEM_DESIGN_SIGNALS } from './signals/system-design';

export const SIGNAL_CATALOG: readonly Signal[] = [
  ...SQL_SIGNALS,
  ...PYTHON_ETL_SIGNALS,
  ...DATA_MODELING_SIGNALS,
  ...SYSTEM_DESIGN_SIGNALS,
  ...PRODUCT_SENSE_SIGNALS,
  ...BEHAVIORAL_SIGNALS,
];

const BY_KEY = new Map(SIGNAL_CATALOG.map((signal) => [signal.key, signal]));

export function getSignal(key: string): Signal {
  const signal = BY_KEY.get(key);
  if (!signal) throw new AppError('NOT_FOUND', `Unknown signal "${key}".`);
  return signal;
}

export function findSignalsForRound(kind: RoundKind): Signal[] {
  return SIGNAL_CATALOG.filter((signal) => signal.roundKind === kind);
}
