import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb, signInViaApi } from './support/accounts';
import { endRound } from './support/room-pages';

// After a SQL round: run each answer against the test data from the report and read the verdict and the rows.

test('after the SQL round ends, the report checks each marked answer: a match, and a mismatch with its rows highlighted', async ({ browser }) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const questions = await db.question.findMany({ where: { builtInSlug: { in: ['sql-page-event-sessions', 'sql-creator-action-counts'] } }, orderBy: { builtInSlug: 'desc' } });
  const { id: sessionId } = await createSession(db, interviewer.id, {
    title: `SQL check ${randomBytes(4).toString('hex')}`,
    template: 'SQL_VELOCITY_DRILL',
    questionIds: { '0': questions.map((question) => question.id) },
  });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });

  const context = await browser.newContext();
  await signInViaApi(context.request, interviewer);
  const page = await context.newPage();
  await page.goto(`/sessions/${sessionId}`);
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('button', { name: 'Start round' }).click();
  await page.getByRole('button', { name: 'Reveal next question' }).click();
  await expect(page.getByText('2 of 2 shown')).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Round 1 editor' });
  await editor.click();
  await page.keyboard.type(
    [
      '-- Q1',
      "WITH l AS (SELECT user_id, event_ts, LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev FROM page_events WHERE ds = '2024-01-01')",
      "SELECT user_id, event_ts, SUM(CASE WHEN prev IS NULL OR date_diff('second', prev, event_ts) > 1800 THEN 1 ELSE 0 END) OVER (PARTITION BY user_id ORDER BY event_ts ROWS UNBOUNDED PRECEDING) FROM l;",
      '-- Q2',
      'SELECT creator_id, action, COUNT(*), COUNT(DISTINCT viewer_id) FROM creator_actions GROUP BY 1, 2;',
    ].join('\n'),
  );
  await expect(page.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  await endRound(page);
  // The server's acknowledgement, before leaving the room: the report offers checks of ended rounds only.
  await expect(page.getByTestId('timer-remaining')).toHaveText('Ended');

  await page.goto(`/sessions/${sessionId}/report`);
  const [first, second] = [page.getByTestId('sql-check').nth(0), page.getByTestId('sql-check').nth(1)];
  await first.getByRole('button', { name: 'Run check' }).click();
  await expect(first.getByRole('status')).toHaveText('Match: 11 row(s), as expected.');

  await second.getByRole('button', { name: 'Run check' }).click();
  await expect(second.getByRole('status')).toHaveText('Mismatch: 2 missing, 2 extra row(s)');
  // The day before's and the day after's rows are the extras; the day's own counts for those keys are missing.
  await expect(second.locator('tr[data-mark="EXTRA"]')).toHaveCount(2);
  await expect(second.locator('tr[data-mark="MISSING"]')).toHaveCount(2);
  await expect(second.locator('tr[data-mark="EXTRA"]').first()).toContainText('extra');

  // Stored: the verdicts are there on the next visit without running anything again.
  await page.reload();
  await expect(page.getByTestId('sql-check').nth(1).getByRole('status')).toContainText('Mismatch');
  await context.close();

  // The candidate reads the same verdict and counts, but not the extra rows: they are test data outside the
  // expected result (creator_actions rows of other days), which stays with the interviewer.
  const candidateContext = await browser.newContext();
  await signInViaApi(candidateContext.request, candidate);
  const candidatePage = await candidateContext.newPage();
  await candidatePage.goto(`/sessions/${sessionId}/report`);
  const checked = candidatePage.getByTestId('sql-check').nth(1);
  await expect(checked.getByRole('status')).toHaveText('Mismatch: 2 missing, 2 extra row(s)');
  await expect(checked.locator('tr[data-mark="MISSING"]')).toHaveCount(2);
  await expect(checked.locator('tr[data-mark="EXTRA"]')).toHaveCount(0);
  await expect(checked.getByText("shown to the round's interviewer only", { exact: false })).toBeVisible();
  await candidateContext.close();
});
