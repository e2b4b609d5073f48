import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signInViaApi } from './support/accounts';

// A candidate fills their story ledger: two stories, each tagged with the competencies it proves, and the list
// of competencies without a story shrinks as they go.

async function addStory(page: Page, story: { title: string; scope: string; situation: string; competencies: string[] }): Promise<void> {
  await page.getByRole('link', { name: 'Add a story' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New story' })).toBeVisible();
  await page.getByLabel('Title').fill(story.title);
  await page.getByLabel('Scope').selectOption({ label: story.scope });
  await page.getByLabel('Situation').fill(story.situation);
  await page.getByLabel('Numbers and metrics').fill('Latency 18 h → 4 min; tickets −60%');
  for (const competency of story.competencies) await page.getByRole('checkbox', { name: competency }).check();
  await page.getByRole('button', { name: 'Save story' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Story ledger' })).toBeVisible();
  await expect(page.getByTestId('story-card').filter({ hasText: story.title })).toBeVisible();
}

test('a candidate adds two stories, tags them, and sees the uncovered competencies shrink', async ({ browser }) => {
  const candidate = await createAccount();
  const context = await browser.newContext();
  await signInViaApi(context.request, candidate);
  const page = await context.newPage();
  const id = randomBytes(4).toString('hex');

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Stories' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Story ledger' })).toBeVisible();
  const uncovered = page.getByRole('list', { name: 'Competencies without a story' }).getByRole('listitem');
  await expect(uncovered).toHaveCount(5);

  await addStory(page, {
    title: `Billing pipeline migration ${id}`,
    scope: 'Multi-org',
    situation: 'Ads billing ran a day late at 2M events per second.',
    competencies: ['Influence without authority', 'Cross-team alignment'],
  });
  await expect(uncovered).toHaveCount(3);
  await expect(page.getByTestId('coverage-summary')).toHaveText('3 of 5 competencies have no story yet.');

  await addStory(page, {
    title: `Backfill outage post-mortem ${id}`,
    scope: 'Org',
    situation: 'A 90-day backfill doubled revenue on one dashboard.',
    competencies: ['Post-mortem', 'Cross-team alignment'],
  });
  await expect(uncovered).toHaveCount(2);
  await expect(uncovered).toHaveText(['Mentoring', 'Pushing back with data']);

  // Editing a story's tags moves the coverage too.
  await page.getByRole('link', { name: `Edit Backfill outage post-mortem ${id}` }).click();
  await page.getByRole('checkbox', { name: 'Mentoring' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(uncovered).toHaveText(['Pushing back with data']);

  await context.close();
});
