import { describe, expect, it } from 'vitest';

import { isAppError } from '../errors';
import { ROUND_KINDS } from '../rounds/round-kind';
import { findSignalsForRound, getSignal, SIGNAL_CATALOG } from './signal-catalog';
import { SIGNAL_KEY_PATTERN, signalSchema } from './signal-types';

// Keys are stored in recorded sessions. Every key here has shipped: renaming or deleting one must
// fail this test. Add new keys to the end; never edit or remove a line.
const SHIPPED_SIGNAL_KEYS = [
  'sql.names-partition-filter',
  'sql.states-grain-first',
  'sql.decomposes-with-ctes',
  'sql.prunes-before-join',
  'sql.picks-join-strategy',
  'sql.mitigates-skew',
  'sql.guards-nulls-and-types',
  'sql.controls-join-fan-out',
  'sql.fluent-window-functions',
  'sql.verifies-without-execution',
  'python.asks-input-size-and-frequency',
  'python.agrees-contract-first',
  'python.chooses-right-structures',
  'python.streams-with-bounded-memory',
  'python.handles-dirty-input',
  'python.tests-by-hand',
  'python.reviewable-code',
  'python.discusses-100x-scale',
  'modeling.states-grain',
  'modeling.clarifies-access-patterns',
  'modeling.chooses-fact-type',
  'modeling.ties-history-to-question',
  'modeling.defends-scd-choice',
  'modeling.compares-star-and-obt',
  'modeling.resolves-many-to-many',
  'modeling.isolates-volatile-attributes',
  'modeling.plans-late-arriving-data',
  'modeling.designs-physical-layout',
  'design.clarifies-sla',
  'design.estimates-before-architecture',
  'design.justifies-architecture',
  'design.idempotent-sink',
  'design.handles-late-data',
  'design.sizes-reprocessing',
  'design.partitions-for-hot-keys',
  'design.operational-runbook',
  'design.prefers-log-based-cdc',
  'design.evolves-schema-safely',
  'product.defines-north-star-and-guardrails',
  'product.checks-integrity-first',
  'product.segments-population',
  'product.states-hypothesis-first',
  'product.specifies-query',
  'product.checks-internal-external-events',
  'product.checks-metric-mechanics',
  'product.recommends-conditional-actions',
  'product.names-leading-metrics',
  'product.weighs-metric-trade-offs',
  'behavioral.confirms-competency',
  'behavioral.frames-problem-before-solution',
  'behavioral.names-rejected-alternatives',
  'behavioral.quantifies-impact',
  'behavioral.uses-first-person-scope',
  'behavioral.influences-without-authority',
  'behavioral.de-risks-and-commits',
  'behavioral.owns-failures',
  'behavioral.multiplies-others',
  'sql.reasons-about-query-plan',
] as const;

describe('signal catalog', () => {
  it.each(SHIPPED_SIGNAL_KEYS)('still contains shipped key %s', (key) => {
    expect(getSignal(key).key).toBe(key);
  });

  it('parses every signal with its schema', () => {
    for (const signal of SIGNAL_CATALOG) {
      const result = signalSchema.safeParse(signal);
      expect(result.success, `${signal.key}: ${result.error?.message}`).toBe(true);
    }
  });

  it('has unique keys across all rounds, each matching the stable-key pattern', () => {
    const keys = SIGNAL_CATALOG.map((signal) => signal.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(SIGNAL_KEY_PATTERN);
  });

  it.each(ROUND_KINDS)('gives %s at least six signals and a 120 s TIMED first-two-minutes signal', (kind) => {
    const signals = findSignalsForRound(kind);
    expect(signals.length).toBeGreaterThanOrEqual(6);
    expect(signals.every((signal) => signal.roundKind === kind)).toBe(true);
    expect(signals.some((signal) => signal.rule.kind === 'TIMED' && signal.rule.withinSeconds === 120)).toBe(true);
  });

  it('orders signals only against existing signals of the same round, without cycles', () => {
    for (const signal of SIGNAL_CATALOG) {
      if (signal.rule.kind !== 'ORDERED') continue;
      const pair = getSignal(signal.rule.before);
      expect(pair.roundKind, `${signal.key} -> ${pair.key}`).toBe(signal.roundKind);
      expect(pair.key).not.toBe(signal.key);
      // a pair ordered back onto this signal could never be met by both
      expect(pair.rule.kind === 'ORDERED' && pair.rule.before === signal.key).toBe(false);
    }
  });

  it('throws NOT_FOUND for an unknown key', () => {
    let caught: unknown;
    try {
      getSignal('sql.does-not-exist');
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('NOT_FOUND');
  });

  it('rejects a key whose prefix names another round', () => {
    const [sqlSignal] = findSignalsForRound('SQL');
    expect(signalSchema.safeParse({ ...sqlSignal, roundKind: 'BEHAVIORAL' }).success).toBe(false);
  });
});
