import { describe, expect, it } from 'vitest';
import { describeEmptyHistory } from './describe-empty-history';

describe('describeEmptyHistory', () => {
  it('names the status and round kind', () => {
    expect(describeEmptyHistory({ status: 'COMPLETED', roundKind: 'SQL' })).toBe('No completed SQL sessions match.');
  });

  it('adds the role, the dates and the search', () => {
    expect(describeEmptyHistory({ role: 'CANDIDATE', from: '2026-11-01', to: '2026-11-30', q: 'hana' })).toBe(
      'No sessions as candidate between 1 Nov 2026 and 30 Nov 2026 match “hana”.',
    );
    expect(describeEmptyHistory({ from: '2026-11-01' })).toBe('No sessions from 1 Nov 2026 on match.');
    expect(describeEmptyHistory({ status: 'CANCELLED', to: '2026-01-31' })).toBe('No cancelled sessions up to 31 Jan 2026 match.');
  });
});
