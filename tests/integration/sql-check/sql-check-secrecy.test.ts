import { describe, expect, it } from 'vitest';
import type { SqlCheckResult } from '@/lib/sql-check/sql-check-result';
import { withLiveTestServer } from '../../support/live-test-server';
import { expectNoneOf, fetchPage } from '../../support/page-text';
import { playSqlRound, resultOf, runCheck, type PlayedRound } from './sql-round';

// What a candidate can learn from the post-round SQL check, through every channel they have: the run-check
// action's response, the report's HTML and RSC payload, and the Markdown and JSON exports. The test tables stay
// interviewer-only (README): an answer may not read the catalog, change settings, write to the server's output,
// or show fixture rows that are not part of the expected result.

const live = withLiveTestServer({ SIGN_IN_MAX_ATTEMPTS_PER_IP: '1000' });

const SLUG = 'sql-page-event-sessions';

/** From the page_events fixture: its DDL, and rows of neighbouring partitions that the expected result leaves out. */
const FIXTURE_SECRETS = ['CREATE TABLE page_events', 'page_events(user_id BIGINT', '2024-01-02 00:10:00', '2023-12-31 23:50:00', '00:10:00', '23:50:00'];

const CORRECT_SESSIONS = `WITH ordered AS (
  SELECT user_id, event_ts, LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev_ts
  FROM page_events
  WHERE ds = '2024-01-01'
)
SELECT user_id, event_ts,
       SUM(CASE WHEN prev_ts IS NULL OR date_diff('second', prev_ts, event_ts) > 30 * 60 THEN 1 ELSE 0 END)
         OVER (PARTITION BY user_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_id
FROM ordered`;

/** Everything the candidate can fetch about the session's checks, as one text per channel. */
async function candidateChannels(played: PlayedRound, actionResponse: string): Promise<Record<string, string>> {
  const report = `/sessions/${played.sessionId}/report`;
  return {
    action: actionResponse,
    html: (await fetchPage(played.candidate, report)).text,
    rsc: (await fetchPage(played.candidate, report, true)).text,
    json: await (await played.candidate.fetch(`${report}/export?format=json`)).text(),
    markdown: await (await played.candidate.fetch(`${report}/export?format=markdown`)).text(),
  };
}

async function checkAsCandidate(answer: string): Promise<{ played: PlayedRound; result: SqlCheckResult; channels: Record<string, string> }> {
  const played = await playSqlRound(live, [SLUG], answer);
  const { ack, raw } = await runCheck(played.candidate, played, 0);
  const result = resultOf(ack);
  return { played, result, channels: await candidateChannels(played, raw) };
}

function expectNoSecrets(channels: Record<string, string>, where: string): void {
  for (const [channel, text] of Object.entries(channels)) expectNoneOf(FIXTURE_SECRETS, text, `${where} (${channel})`);
}

describe('what a candidate can learn from a SQL check', () => {
  it.each([
    ['the catalog as a table function', 'SELECT table_name, sql FROM duckdb_tables()'],
    ['the columns as a table function', 'SELECT * FROM duckdb_columns()'],
    ['information_schema', 'SELECT * FROM information_schema.columns'],
    ['the catalog through a system view', 'SELECT * FROM sqlite_master'],
    ['a system view shadowed by a CTE out of its scope', 'SELECT * FROM (WITH sqlite_master AS (SELECT 1 AS x) SELECT x FROM sqlite_master), sqlite_master'],
    ['a subquery over the catalog', "SELECT (SELECT string_agg(sql, ';') FROM duckdb_tables()) AS ddl"],
    ['DESCRIBE', 'DESCRIBE page_events'],
    ['a pragma table function', "CALL pragma_table_info('page_events')"],
    ['a variable set from the catalog', "SET VARIABLE leak = (SELECT string_agg(sql, ';') FROM duckdb_tables()); SELECT getvariable('leak')"],
    ['a setting', 'SET scalar_subquery_error_on_multiple_rows = false; SELECT * FROM page_events'],
    ['COPY', "COPY page_events TO '/tmp/mockloop-sql-check-copy.csv'; SELECT 1"],
    ['ATTACH', "ATTACH ':memory:' AS side; SELECT 1"],
    ['INSTALL and LOAD', 'INSTALL json; LOAD json; SELECT 1'],
    ['a temporary table', 'CREATE TEMP TABLE copied AS SELECT * FROM page_events; SELECT * FROM copied'],
    ['an error message carrying rows', "SELECT error((SELECT string_agg(CAST(event_ts AS VARCHAR), ',') FROM page_events))"],
  ])('refuses %s, and no channel shows the fixture', async (_what, answer) => {
    const { result, channels } = await checkAsCandidate(answer);
    expect(result).toMatchObject({ verdict: 'ERROR', errorKind: 'FORBIDDEN', answer: null });
    expect(result.message).toMatch(/Not allowed in the SQL check/);
    expectNoSecrets(channels, answer);
  });

  it('shows a candidate no fixture row in an error message, only what kind of error it was', async () => {
    const { played, result, channels } = await checkAsCandidate("SELECT CAST((SELECT string_agg(CAST(event_ts AS VARCHAR), ',') FROM page_events) AS INTEGER)");
    expect(result).toMatchObject({ verdict: 'ERROR', errorKind: 'SQL' });
    expect(result.message).toMatch(/^Conversion Error/);
    expectNoSecrets(channels, 'a conversion error');
    // The interviewer still reads DuckDB's whole message.
    const interviewerPage = (await fetchPage(played.interviewer, `/sessions/${played.sessionId}/report`)).text;
    expect(interviewerPage).toContain('2024-01-02 00:10:00');
  });

  it('shows a candidate the counts of rows that are not in the expected result, never the rows; the interviewer sees them', async () => {
    const { played, result, channels } = await checkAsCandidate('SELECT * FROM page_events');
    expect(result).toMatchObject({ verdict: 'MISMATCH', extraRows: 13, missingRows: 11 });
    expect(result.answer?.rows ?? []).toEqual([]);
    expectNoSecrets(channels, 'SELECT * FROM page_events');

    const interviewer = resultOf((await runCheck(played.interviewer, played, 0)).ack);
    expect(interviewer.answer!.rows).toHaveLength(13);
    expect((await fetchPage(played.interviewer, `/sessions/${played.sessionId}/report`)).text).toContain('2024-01-02 00:10:00');
  });

  it('shows a candidate matched rows as the expected rows they equal, so no digits beyond the comparison carry data', async () => {
    // Equal to the expected rows at 2 decimals, with the fixture's row count (13) hidden in the 6th.
    const hidden = await checkAsCandidate(`SELECT user_id, event_ts, session_id_raw + (SELECT count(*) FROM page_events) / 1000000.0 FROM (${CORRECT_SESSIONS.replace('AS session_id', 'AS session_id_raw')}) s`);
    expect(hidden.result.verdict).toBe('MATCH');
    expect(hidden.result.answer!.rows).toHaveLength(11);
    for (const row of hidden.result.answer!.rows) expect(Number.isInteger(row[2]), JSON.stringify(row)).toBe(true);
    expect(JSON.stringify(hidden.result)).not.toContain('.000013');
  });

  it('writes no query plan to the server output, whatever the answer asks for', async () => {
    const before = live.server.output().length;
    const pragma = await checkAsCandidate('PRAGMA enable_profiling; SELECT * FROM page_events');
    // Another check after it: profiling must not have been switched on for anything.
    const honest = await checkAsCandidate(CORRECT_SESSIONS);
    const printed = live.server.output().slice(before);
    expect(printed).not.toContain('Query Profiling Information');
    expect(printed).not.toContain('Total Time');
    expect(printed).not.toContain('page_events');
    expect(pragma.result).toMatchObject({ verdict: 'ERROR', errorKind: 'FORBIDDEN' });
    expect(pragma.result.message).toMatch(/PRAGMA/);
    expect(honest.result.verdict).toBe('MATCH');
  });

  it('still gives the candidate a mismatch with its counts and the missing expected rows', async () => {
    const wrong = CORRECT_SESSIONS.replace("date_diff('second', prev_ts, event_ts) > 30 * 60", "DATEDIFF('minute', prev_ts, event_ts) > 30");
    const { result, channels } = await checkAsCandidate(wrong);
    expect(result).toMatchObject({ verdict: 'MISMATCH', missingRows: 3, extraRows: 3, duplicatedRows: 0 });
    expect(result.answer!.rows).toHaveLength(8);
    expect(result.answerMarks.every((mark) => mark === 'MATCH')).toBe(true);
    expect(result.expected!.rows.filter((_, index) => result.expectedMarks[index] === 'MISSING')).toEqual([
      [2, '2024-01-01 08:30:50', 2],
      [2, '2024-01-01 08:45:00', 2],
      [2, '2024-01-01 08:45:00', 2],
    ]);
    expect(channels.markdown).toContain('Mismatch: 3 missing, 3 extra row(s)');
  });
});
