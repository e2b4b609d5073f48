import { AppError } from '../errors';
import { findContentRoot } from '../content/find-content-root';
import type { RoundKind } from '../rounds/round-kind';
import { loadSignalCatalog } from './load-signal-catalog';
import type { Signal } from './signal-types';

// Read once per process from content/rubric/*.yaml. Server-only: lint keeps components/ from importing it.
export const SIGNAL_CATALOG: readonly Signal[] = loadSignalCatalog(findContentRoot());

const BY_KEY = new Map(SIGNAL_CATALOG.map((signal) => [signal.key, signal]));

export function getSignal(key: string): Signal {
  const signal = BY_KEY.get(key);
  if (!signal) throw new AppError('NOT_FOUND', `Unknown signal "${key}".`);
  return signal;
}

export function findSignalsForRound(kind: RoundKind): Signal[] {
  return SIGNAL_CATALOG.filter((signal) => signal.roundKind === kind);
}
