import { describe, expect, it } from 'vitest';
import { roleInRound } from './session-roles';

describe('roleInRound', () => {
  it('uses the session role unless the round names its own interviewer', () => {
    const open = { interviewerId: null, candidateId: null };
    expect(roleInRound('a', 'INTERVIEWER', open)).toBe('INTERVIEWER');
    expect(roleInRound('b', 'CANDIDATE', open)).toBe('CANDIDATE');
    const swapped = { interviewerId: 'b', candidateId: 'a' };
    expect(roleInRound('a', 'INTERVIEWER', swapped)).toBe('CANDIDATE');
    expect(roleInRound('b', 'CANDIDATE', swapped)).toBe('INTERVIEWER');
  });
});
