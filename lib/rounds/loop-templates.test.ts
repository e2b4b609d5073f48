import { describe, expect, it } from 'vitest';

import { AppError, isAppError } from '../errors';
import { buildCustomLoop, buildPeerSwapLoop } from './chosen-loops';
import {
  buildSingleRoundLoop,
  E6_FULL_LOOP,
  MAX_LOOP_ROUNDS,
  SQL_VELOCITY_DRILL,
} from './loop-templates';
import { ROUND_KINDS, type RoundKind } from './round-kind';

function invalidInputOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('loop templates', () => {
  it('runs all six rounds once in the full E6 loop', () => {
    const kinds = E6_FULL_LOOP.rounds.map((round) => round.kind);
    expect(kinds).toHaveLength(6);
    expect(new Set(kinds)).toEqual(new Set(ROUND_KINDS));
    expect(kinds[0]).toBe('SQL');
    expect(kinds.at(-1)).toBe('BEHAVIORAL');
  });

  it('drills SQL with one round of five problems', () => {
    expect(SQL_VELOCITY_DRILL.rounds).toEqual([{ kind: 'SQL', questionCount: 5 }]);
  });

  it.each(ROUND_KINDS)('builds a single-round loop for %s', (kind) => {
    const loop = buildSingleRoundLoop(kind);
    expect(loop.key).toBe('SINGLE_ROUND');
    expect(loop.rounds.map((round) => round.kind)).toEqual([kind]);
  });

  it('builds a custom loop in the order given', () => {
    const loop = buildCustomLoop(['BEHAVIORAL', 'SQL', 'SQL']);
    expect(loop.rounds.map((round) => round.kind)).toEqual(['BEHAVIORAL', 'SQL', 'SQL']);
  });

  it('rejects an empty loop', () => {
    const error = invalidInputOf(() => buildCustomLoop([]));
    expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
  });

  it(`rejects more than ${MAX_LOOP_ROUNDS} rounds`, () => {
    const kinds: RoundKind[] = [...ROUND_KINDS, 'SQL', 'PYTHON_ETL', 'DATA_MODELING'];
    expect(kinds.length).toBeGreaterThan(MAX_LOOP_ROUNDS);
    const error = invalidInputOf(() => buildCustomLoop(kinds));
    expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
  });

  it('rejects a third round of one kind, which the bank cannot fill without repeats', () => {
    const error = invalidInputOf(() => buildCustomLoop(['SQL', 'SQL', 'SQL']));
    expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
  });

  it('rejects an unknown round kind from untyped input', () => {
    const error = invalidInputOf(() => buildCustomLoop(['SQL', 'CODING'] as unknown as RoundKind[]));
    expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
  });
});

describe('buildPeerSwapLoop', () => {
  it('plays each kind twice in a row, the creator interviewing first', () => {
    const loop = buildPeerSwapLoop(['SQL', 'DATA_MODELING']);
    expect(loop.key).toBe('PEER_SWAP');
    expect(loop.rounds.map((round) => [round.kind, round.interviewer])).toEqual([
      ['SQL', 'CREATOR'],
      ['SQL', 'PARTNER'],
      ['DATA_MODELING', 'CREATOR'],
      ['DATA_MODELING', 'PARTNER'],
    ]);
  });

  it('refuses no rounds, a kind twice, and more than fits a loop', () => {
    expect(() => buildPeerSwapLoop([])).toThrow(AppError);
    expect(() => buildPeerSwapLoop(['SQL', 'SQL'])).toThrow(/once/);
    expect(() => buildPeerSwapLoop(['SQL', 'PYTHON_ETL', 'DATA_MODELING', 'SYSTEM_DESIGN', 'PRODUCT_SENSE'])).toThrow(/at most 4/);
  });
});
