import { describe, expect, it } from 'vitest';
import { escapeLikePattern } from './escape-like-pattern';

describe('escapeLikePattern', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(escapeLikePattern('100%_done\\now')).toBe('100\\%\\_done\\\\now');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeLikePattern('Hana Sato')).toBe('Hana Sato');
  });
});
