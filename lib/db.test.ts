import { describe, expect, it } from 'vitest';
import { preparedStatementName } from './db';

describe('preparedStatementName', () => {
  it('names only statements that open with the prepared marker; the rest run unnamed', () => {
    expect(preparedStatementName('SELECT 1')).toBe('');
    expect(preparedStatementName('SELECT 1 /* prepared: late-marker */')).toBe('');
    expect(preparedStatementName('/* prepared: Not-Lowercase */ SELECT 1')).toBe('');
    expect(preparedStatementName('/* prepared: append-rows */ SELECT 1')).toMatch(/^append-rows-[0-9a-f]{12}$/);
  });

  it('gives one text one name, and another text under the same marker another name', () => {
    const first = preparedStatementName('/* prepared: append-rows */ SELECT 1');
    expect(preparedStatementName('/* prepared: append-rows */ SELECT 1')).toBe(first);
    expect(preparedStatementName('/* prepared: append-rows */ SELECT 2')).not.toBe(first);
  });
});
