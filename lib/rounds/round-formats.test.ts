import { describe, expect, it } from 'vitest';

import { getSignal } from '../rubric/signal-catalog';
import { roundFormatSchema } from './round-format.schema';
import { getRoundFormat, ROUND_FORMAT_VERSION } from './round-formats';
import { ROUND_KINDS } from './round-kind';

describe('round formats', () => {
  it('runs SQL as a velocity filter: 30 minutes, at most five problems, 6 minutes each', () => {
    const sql = getRoundFormat('SQL');
    expect(sql.durationMinutes).toBe(30);
    expect(sql.maxQuestions).toBe(5);
    expect(sql.perQuestionBudgetMinutes).toBe(6);
  });

  it.each(ROUND_KINDS)('%s parses, is plain-text only and survives a JSON round trip', (kind) => {
    const format = getRoundFormat(kind);
    expect(roundFormatSchema.parse(format)).toEqual(format);
    expect(format.kind).toBe(kind);
    expect(format.version).toBe(ROUND_FORMAT_VERSION);
    expect(format.editor).toEqual({ mode: 'PLAIN_TEXT', hasAutocomplete: false, canExecute: false });
    expect(format.perQuestionBudgetMinutes * format.maxQuestions).toBe(format.durationMinutes);
    expect(JSON.parse(JSON.stringify(format))).toEqual(format);
  });

  it.each(ROUND_KINDS)('%s scores its first two minutes with a 120 s TIMED signal of the same round', (kind) => {
    const signal = getSignal(getRoundFormat(kind).firstTwoMinutes.signalKey);
    expect(signal.roundKind).toBe(kind);
    expect(signal.rule).toEqual({ kind: 'TIMED', withinSeconds: 120 });
  });

  it('hands out copies, so a stored session format cannot be changed through the catalog', () => {
    const copy = getRoundFormat('SQL');
    copy.durationMinutes = 99;
    copy.firstTwoMinutes.expectation = 'changed';
    expect(getRoundFormat('SQL').durationMinutes).toBe(30);
    expect(getRoundFormat('SQL').firstTwoMinutes.expectation).not.toBe('changed');
  });
});
