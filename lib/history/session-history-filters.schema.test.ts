import { describe, expect, it } from 'vitest';
import { formatHistoryCursor, isNarrowed, parseSessionHistoryFilters } from './session-history-filters.schema';

describe('parseSessionHistoryFilters', () => {
  it('reads every filter from search parameters', () => {
    const cursor = formatHistoryCursor({ sessionDate: new Date('2026-11-20T10:15:00.123Z'), id: 'cmabc123' });
    const { filters, ignored } = parseSessionHistoryFilters({
      roundKind: 'SQL',
      status: 'COMPLETED',
      role: 'CANDIDATE',
      from: '2026-11-01',
      to: '2026-11-30',
      q: '  Hana  ',
      after: cursor,
    });
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      roundKind: 'SQL',
      status: 'COMPLETED',
      role: 'CANDIDATE',
      from: '2026-11-01',
      to: '2026-11-30',
      q: 'Hana',
      after: { sessionDate: new Date('2026-11-20T10:15:00.123Z'), id: 'cmabc123' },
    });
    expect(isNarrowed(filters)).toBe(true);
  });

  it('treats blank values as absent, silently, and takes the first of repeated parameters', () => {
    const { filters, ignored } = parseSessionHistoryFilters({ roundKind: '', status: ['LIVE', 'COMPLETED'], q: '   ' });
    expect(filters).toEqual({ status: 'LIVE' });
    expect(ignored).toEqual([]);
    expect(isNarrowed({})).toBe(false);
  });

  it('drops each unusable value on its own, with a sentence saying which and why', () => {
    const { filters, ignored } = parseSessionHistoryFilters({
      roundKind: 'sql',
      status: 'COMPLETED',
      from: '2026-02-30',
      before: '12.<script>',
    });
    expect(filters).toEqual({ status: 'COMPLETED' });
    expect(ignored).toEqual([
      'Round “sql” is not a round of the loop, so all rounds are shown.',
      'From “2026-02-30” is not a date (YYYY-MM-DD), so it was left out.',
      'That page link is not valid, so the list starts from the newest session.',
    ]);
  });

  it('abbreviates long rejected values in the message', () => {
    const { ignored } = parseSessionHistoryFilters({ status: 'X'.repeat(300) });
    expect(ignored[0]).toBe(`Status “${'X'.repeat(40)}…” does not exist, so every status is shown.`);
  });

  it('drops a date range that ends before it starts, and a link that pages both ways', () => {
    const cursor = formatHistoryCursor({ sessionDate: new Date(0), id: 'a' });
    const { filters, ignored } = parseSessionHistoryFilters({ from: '2026-12-01', to: '2026-11-01', after: cursor, before: cursor });
    expect(filters).toEqual({});
    expect(ignored).toEqual([
      'From 2026-12-01 is after To 2026-11-01, so the dates were left out.',
      'That page link is not valid, so the list starts from the newest session.',
    ]);
  });
});
