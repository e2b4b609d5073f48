import { describe, expect, it } from 'vitest';
import { findPathProblem } from './find-path-problem';

describe('findPathProblem', () => {
  it('accepts the paths the app links to, whatever their query', () => {
    for (const target of ['/', '/sessions/abc/report/export', '/questions/caf%C3%A9', '/sign-in?callbackUrl=%ZZ', '/x?q=%00']) {
      expect(findPathProblem(target), target).toBeNull();
    }
  });

  it('names malformed %-encoding and control characters in the path', () => {
    for (const target of ['/%ZZ', '/sessions/%', '/questions/%E0%A4%A', '/sessions/%C3']) {
      expect(findPathProblem(target), target).toBe('The address has malformed %-encoding.');
    }
    for (const target of ['/sessions/%00/report/export', '/a%0Ab', '/a%7F', '/a%09?x=1']) {
      expect(findPathProblem(target), target).toBe('The address contains a control character.');
    }
  });
});
