import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { getSessionReport } from '@/lib/history/get-session-report';
import { buildSignUpInput } from '../../factories/user-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import { resultOf, runCheck, playSqlRound as playSqlRoundOn, type PlayedRound } from './sql-round';

// A short limit keeps the hostile cases quick; they must end with a clear error within it (plus the grace the
// sandbox allows an interrupted query).
const TIMEOUT_MS = 2_000;
const live = withLiveTestServer({ SQL_CHECK_TIMEOUT_MS: String(TIMEOUT_MS), SIGN_IN_MAX_ATTEMPTS_PER_IP: '1000' });

const CORRECT_SESSIONS = `WITH ordered AS (
  SELECT user_id, event_ts, LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev_ts
  FROM page_events
  WHERE ds = '2024-01-01'
)
SELECT user_id, event_ts,
       SUM(CASE WHEN prev_ts IS NULL OR date_diff('second', prev_ts, event_ts) > 30 * 60 THEN 1 ELSE 0 END)
         OVER (PARTITION BY user_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_id
FROM ordered
ORDER BY user_id, event_ts;`;

// The syllabus's own spelling, which truncates a 30 min 50 s gap to 30 minutes.
const WRONG_SESSIONS = CORRECT_SESSIONS.replace("date_diff('second', prev_ts, event_ts) > 30 * 60", "DATEDIFF('minute', prev_ts, event_ts) > 30");

function playSqlRound(slugs: string[], document: string, options?: { end?: boolean }): Promise<PlayedRound> {
  return playSqlRoundOn(live, slugs, document, options);
}

describe('post-round SQL check', () => {
  it('gives a correct sessionization answer a match, and a wrong one a mismatch naming the differing rows', async () => {
    const correct = await playSqlRound(['sql-page-event-sessions'], CORRECT_SESSIONS);
    const match = resultOf((await runCheck(correct.candidate, correct, 0)).ack);
    expect(match).toMatchObject({ verdict: 'MATCH', answerSource: 'WHOLE_DOCUMENT', missingRows: 0, extraRows: 0, duplicatedRows: 0 });
    expect(match.answer!.rows).toHaveLength(11);

    const wrong = await playSqlRound(['sql-page-event-sessions'], WRONG_SESSIONS);
    const { ack } = await runCheck(wrong.interviewer, wrong, 0);
    const mismatch = resultOf(ack);
    expect(mismatch).toMatchObject({ verdict: 'MISMATCH', missingRows: 3, extraRows: 3, duplicatedRows: 0 });
    // User 2's events after the 30 min 50 s gap: session 1 in the answer, session 2 expected.
    const differing = (table: typeof mismatch.answer, marks: string[], mark: string) => table!.rows.filter((_, index) => marks[index] === mark);
    expect(differing(mismatch.answer, mismatch.answerMarks, 'EXTRA')).toEqual([
      [2, '2024-01-01 08:30:50', 1],
      [2, '2024-01-01 08:45:00', 1],
      [2, '2024-01-01 08:45:00', 1],
    ]);
    expect(differing(mismatch.expected, mismatch.expectedMarks, 'MISSING')).toEqual([
      [2, '2024-01-01 08:30:50', 2],
      [2, '2024-01-01 08:45:00', 2],
      [2, '2024-01-01 08:45:00', 2],
    ]);
    // The interviewer gets what the data is built to catch; the stored row is the one the report shows.
    expect(ack.ok && ack.data.exposes?.length).toBeGreaterThan(0);
    const stored = await live.db.sqlCheckRun.findUniqueOrThrow({ where: { roundQuestionId: wrong.roundQuestionIds[0] } });
    expect(stored.status).toBe('MISMATCH');
    const candidateReport = await getSessionReport(live.db, wrong.sessionId, (await live.db.sessionMember.findFirstOrThrow({ where: { sessionId: wrong.sessionId, role: 'CANDIDATE' } })).userId);
    expect(candidateReport.rounds[0]!.sqlChecks![0]!.run!.result.verdict).toBe('MISMATCH');
    expect(candidateReport.rounds[0]!.sqlChecks![0]!.exposes).toBeUndefined();
  });

  it('ends file reads, an exploding cross join and an endless recursive CTE with a clear error in time, and the server stays healthy', async () => {
    const played = await playSqlRound(
      ['sql-page-event-sessions', 'sql-creator-action-counts', 'sql-week-over-week-retention', 'sql-top-posts-per-country', 'sql-ad-ctr-by-objective'],
      `-- Q1
${CORRECT_SESSIONS}
-- Q2
SELECT * FROM read_csv('/etc/passwd');
-- Q3
SELECT COUNT(DISTINCT a.range * 1000 + b.range) FROM range(1000000) a CROSS JOIN range(1000) b;
-- Q4
WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT MAX(n) FROM forever;
-- Q5
COPY (SELECT 1) TO '/tmp/mockloop-sql-check-escape.csv'; ATTACH '/tmp/mockloop-escape.db'; SELECT 1;`,
    );
    // Interrupted at the deadline, not run to the end: the cross join takes far longer and the recursion never
    // ends, so a loose margin still fails without the deadline, and does not fail on a loaded two-core machine.
    const limitMs = TIMEOUT_MS + 6_000;

    const fileRead = await runCheck(played.candidate, played, 1);
    expect(resultOf(fileRead.ack)).toMatchObject({ verdict: 'ERROR', errorKind: 'FORBIDDEN' });
    expect(resultOf(fileRead.ack).message).toMatch(/Not allowed in the SQL check/);
    expect(JSON.stringify(fileRead.ack)).not.toContain('root:');

    // While the cross join runs, the server answers other requests: the check is off the event loop, so health
    // answers before the check ends (a blocked loop would answer only after it). The pause lets DuckDB start.
    const crossJoin = runCheck(played.candidate, played, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = await Promise.race([
      fetch(`${live.server.baseUrl}/api/health`).then((health) => `health ${health.status}`),
      crossJoin.then(() => 'the check'),
    ]);
    expect(first).toBe('health 200');
    const exploded = await crossJoin;
    expect(resultOf(exploded.ack).verdict).toBe('ERROR');
    expect(['TIMEOUT', 'OUT_OF_MEMORY']).toContain(resultOf(exploded.ack).errorKind);
    expect(exploded.ms).toBeLessThan(limitMs);

    const endless = await runCheck(played.interviewer, played, 3);
    expect(resultOf(endless.ack)).toMatchObject({ verdict: 'ERROR', errorKind: 'TIMEOUT' });
    expect(resultOf(endless.ack).message).toMatch(/longer than the 2 s limit/);
    expect(endless.ms).toBeLessThan(limitMs);

    const escape = await runCheck(played.interviewer, played, 4);
    expect(resultOf(escape.ack)).toMatchObject({ verdict: 'ERROR', errorKind: 'FORBIDDEN' });

    // Afterwards: healthy, and another check still works.
    expect((await fetch(`${live.server.baseUrl}/api/health`)).status).toBe(200);
    expect(resultOf((await runCheck(played.candidate, played, 0)).ack).verdict).toBe('MATCH');
    expect(await live.db.sqlCheckRun.count({ where: { roundId: played.roundId } })).toBe(5);
  });

  it('refuses while the round runs, and to strangers; a double submit stores one result', async () => {
    const played = await playSqlRound(['sql-page-event-sessions'], CORRECT_SESSIONS, { end: false });
    const during = (await runCheck(played.candidate, played, 0)).ack;
    expect(during).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await live.db.sqlCheckRun.count({ where: { roundId: played.roundId } })).toBe(0);

    const strangerInput = buildSignUpInput();
    await registerUser(live.db, strangerInput);
    const stranger = await live.signIn(strangerInput);
    expect((await runCheck(stranger, played, 0)).ack).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const ended = await playSqlRound(['sql-page-event-sessions'], CORRECT_SESSIONS);
    const [first, second] = await Promise.all([runCheck(ended.candidate, ended, 0), runCheck(ended.interviewer, ended, 0)]);
    expect(resultOf(first.ack).verdict).toBe('MATCH');
    expect(resultOf(second.ack).verdict).toBe('MATCH');
    expect(await live.db.sqlCheckRun.count({ where: { roundId: ended.roundId } })).toBe(1);
    expect((await runCheck(stranger, ended, 0)).ack).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('never sends the candidate the fixture, the reference query or what it catches, on the page or in the exports', async () => {
    const played = await playSqlRound(['sql-page-event-sessions'], WRONG_SESSIONS);
    await runCheck(played.interviewer, played, 0);
    const secrets = ['CREATE TABLE page_events', 'opens_session', 'gap_seconds', 'reads as 30 in minutes', 'What the test data catches'];
    for (const path of [`/sessions/${played.sessionId}/report`, `/sessions/${played.sessionId}/report/export?format=json`, `/sessions/${played.sessionId}/report/export?format=markdown`]) {
      const body = await (await played.candidate.fetch(path)).text();
      expect(body, path).toMatch(/Mismatch|MISMATCH/);
      for (const secret of secrets) expect(body, `${path}: ${secret}`).not.toContain(secret);
    }
    const interviewerPage = await (await played.interviewer.fetch(`/sessions/${played.sessionId}/report`)).text();
    expect(interviewerPage).toContain('What the test data catches');
  });
});
