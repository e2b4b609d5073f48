import { describe, expect, it } from 'vitest';
import { findRequestTargetProblem } from './find-request-target-problem';

describe('findRequestTargetProblem', () => {
  it('accepts the addresses the app links to, and queries the pages read leniently', () => {
    for (const target of ['/', '/sessions/abc/report/export', '/questions/caf%C3%A9', '/sign-in?callbackUrl=%ZZ', '/sign-in?callbackUrl=/%0A/x', '/q?x=%2500']) {
      expect(findRequestTargetProblem(target), target).toBeNull();
    }
  });

  it('names malformed %-encoding and control characters in the path, and a NUL anywhere', () => {
    for (const target of ['/%ZZ', '/sessions/%', '/questions/%E0%A4%A', '/sessions/%C3']) {
      expect(findRequestTargetProblem(target), target).toBe('The address has malformed %-encoding.');
    }
    for (const target of ['/sessions/%00/report/export', '/a%0Ab', '/a%7F', '/a%09?x=1']) {
      expect(findRequestTargetProblem(target), target).toBe('The address contains a control character.');
    }
    for (const target of ['/questions?q=%00', '/sessions?cursor=a&q=x%00y']) {
      expect(findRequestTargetProblem(target), target).toBe('The address contains a NUL character.');
    }
  });
});
