import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { publishFeedback } from '@/lib/scorecards/feedback-release';
import { completeScoredSession } from '../factories/scored-session-factory';
import { createSessionBetween } from '../factories/session-factory';
import { createAccount, getE2eDb, signInViaApi, type E2eAccount } from './support/accounts';

// Two SQL drills, played and published through lib/, a week apart; the candidate's progress page draws one
// point per session, labelled on the chart, with the same numbers in a data table.

const PARTITION = 'sql.names-partition-filter';
const GRAIN = 'sql.states-grain-first';
const FIFTEEN_MINUTES = 15 * 60_000;
const DAY = 24 * 60 * 60_000;

async function publishedDrill(interviewer: E2eAccount, candidate: E2eAccount, title: string, heldAt: Date, solved: number, grain: 'E5' | 'E6') {
  const db = await getE2eDb();
  const sessionId = await createSessionBetween(db, interviewer.id, candidate, { title, template: 'SQL_VELOCITY_DRILL' });
  await completeScoredSession(db, sessionId, interviewer.id, [
    {
      elapsedMs: FIFTEEN_MINUTES,
      questionsRevealed: 3,
      scorecards: [
        { interviewerId: interviewer.id, marks: [PARTITION], ratings: { [PARTITION]: 'E6', [GRAIN]: grain }, recommendation: 'YES', problemsSolved: solved },
      ],
    },
  ]);
  // The session took place on a given day (the lib stamps "now" when it starts).
  await db.interviewSession.update({ where: { id: sessionId }, data: { startedAt: heldAt } });
  await publishFeedback(db, sessionId, interviewer.id);
  return sessionId;
}

test('the progress page asks a visitor to sign in and explains an empty history', async ({ page, browser }) => {
  await page.goto('/progress');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=(%2F|\/)progress$/);

  const newcomer = await createAccount();
  const context = await browser.newContext();
  await signInViaApi(context.request, newcomer);
  const own = await context.newPage();
  await own.goto('/progress');
  await expect(own.getByRole('heading', { level: 2, name: 'Nothing to chart yet' })).toBeVisible();
  await expect(own.getByText(/once an interviewer completes a session and publishes/i)).toBeVisible();
  await expect(own.getByTestId('chart-point')).toHaveCount(0);
  await context.close();
});

test('a candidate sees one point per published session, labelled on the chart, with a data table', async ({ browser }) => {
  const interviewer = await createAccount({ name: 'Ivy Interviewer' });
  const candidate = await createAccount({ name: 'Cam Candidate' });
  const tag = randomBytes(3).toString('hex');
  const now = Date.now();
  await publishedDrill(interviewer, candidate, `First drill ${tag}`, new Date(now - 7 * DAY), 2, 'E5');
  await publishedDrill(interviewer, candidate, `Second drill ${tag}`, new Date(now), 3, 'E6');

  const context = await browser.newContext();
  await signInViaApi(context.request, candidate);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(page.getByText('From the feedback published to you in 2 sessions')).toBeVisible();

  // One point per session, each with its value written on the chart, oldest first.
  const pace = page.getByRole('figure', { name: 'SQL problems solved, and in what time' });
  await expect(pace.getByTestId('chart-point')).toHaveCount(2);
  await expect(pace.getByTestId('chart-point')).toHaveText(['2 in 15:00', '3 in 15:00']);
  await expect(pace.getByRole('img', { name: /SQL problems solved, and in what time.*From 2 in 15:00 on .* to 3 in 15:00 on .*, over 2 sessions/ })).toBeVisible();

  const ratings = page.getByRole('figure', { name: 'SQL: signal ratings' });
  await expect(ratings.getByTestId('chart-point')).toHaveText(['5.5', '6.0']);
  const recommendations = page.getByRole('figure', { name: 'SQL: recommendations' });
  await expect(recommendations.getByTestId('chart-point')).toHaveText(['Yes', 'Yes']);
  // The first-two-minutes chart has two series: this session's rate and the running one.
  const firstTwoMinutes = page.getByRole('figure', { name: 'First-two-minutes hit rate' });
  await expect(firstTwoMinutes.getByTestId('chart-point')).toHaveCount(4);

  // The text alternative: a real table, one row per session.
  await pace.getByText('Data table').click();
  const table = pace.getByRole('table', { name: 'SQL problems solved, and in what time' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText(`First drill ${tag}`);
  await expect(table.getByRole('row').nth(1)).toContainText('2 solved in 15:00 on the round clock');
  await expect(table.getByRole('row').nth(2)).toContainText(`Second drill ${tag}`);
  await expect(table.getByRole('row').nth(2)).toContainText('3 solved in 15:00 on the round clock');

  await context.close();
});
