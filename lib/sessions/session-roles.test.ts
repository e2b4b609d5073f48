import { describe, expect, it } from 'vitest';
import { canRunSession, roleInRound } from './session-roles';

describe('roleInRound', () => {
  it('uses the session role unless the round names its own interviewer', () => {
    const open = { interviewerId: null, candidateId: null };
    expect(roleInRound('a', 'INTERVIEWER', open)).toBe('INTERVIEWER');
    expect(roleInRound('b', 'CANDIDATE', open)).toBe('CANDIDATE');
    const swapped = { interviewerId: 'b', candidateId: 'a' };
    expect(roleInRound('a', 'INTERVIEWER', swapped)).toBe('CANDIDATE');
    expect(roleInRound('b', 'CANDIDATE', swapped)).toBe('INTERVIEWER');
  });

  it('makes a peer the interviewer only of the rounds that name them', () => {
    const aInterviews = { interviewerId: 'a', candidateId: 'b' };
    const bInterviews = { interviewerId: 'b', candidateId: 'a' };
    expect(roleInRound('a', 'PEER', aInterviews)).toBe('INTERVIEWER');
    expect(roleInRound('b', 'PEER', aInterviews)).toBe('CANDIDATE');
    expect(roleInRound('a', 'PEER', bInterviews)).toBe('CANDIDATE');
    expect(roleInRound('b', 'PEER', bInterviews)).toBe('INTERVIEWER');
  });

  it('never makes a peer an interviewer of a round without named roles', () => {
    expect(roleInRound('a', 'PEER', { interviewerId: null, candidateId: null })).toBe('CANDIDATE');
  });

  it('keeps a half-filled peer round (partner not joined yet) from anyone but its named interviewer', () => {
    const waitingForInterviewer = { interviewerId: null, candidateId: 'a' };
    expect(roleInRound('a', 'PEER', waitingForInterviewer)).toBe('CANDIDATE');
    expect(roleInRound('c', 'PEER', waitingForInterviewer)).toBe('CANDIDATE');
    const waitingForCandidate = { interviewerId: 'a', candidateId: null };
    expect(roleInRound('a', 'PEER', waitingForCandidate)).toBe('INTERVIEWER');
    expect(roleInRound('c', 'INTERVIEWER', waitingForCandidate)).toBe('CANDIDATE');
  });
});

describe('canRunSession', () => {
  it('lets an interviewer or either peer run the session, never a candidate', () => {
    expect(canRunSession('INTERVIEWER')).toBe(true);
    expect(canRunSession('PEER')).toBe(true);
    expect(canRunSession('CANDIDATE')).toBe(false);
  });
});
