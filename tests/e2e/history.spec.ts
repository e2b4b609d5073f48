import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, type E2eAccount, getE2eDb, signInViaApi } from './support/accounts';

/** A session `interviewer` runs with `candidate` in it, moved straight to `status` (the lifecycle has its own tests). */
async function sessionWith(interviewer: E2eAccount, candidate: E2eAccount, title: string, status: 'SCHEDULED' | 'COMPLETED') {
  const db = await getE2eDb();
  const { id } = await createSession(db, interviewer.id, { title, template: 'SQL_VELOCITY_DRILL' });
  const invite = await createInvite(db, id, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  if (status === 'COMPLETED') {
    await db.interviewSession.update({ where: { id }, data: { status, startedAt: new Date(), endedAt: new Date() } });
  }
  return id;
}

test('filter my sessions by status and find them by a participant’s name', async ({ page }) => {
  const tag = randomBytes(3).toString('hex');
  const me = await createAccount({ name: `Riley ${tag}` });
  const quinn = await createAccount({ name: `Quinn Okafor${tag}` });
  const avery = await createAccount({ name: `Avery Lindqvist${tag}` });
  await sessionWith(me, quinn, `Window functions ${tag}`, 'COMPLETED');
  await sessionWith(me, avery, `Funnel metrics ${tag}`, 'COMPLETED');
  await sessionWith(quinn, me, `Star schema ${tag}`, 'SCHEDULED');
  await signInViaApi(page.request, me);

  await page.goto('/sessions');
  const sessions = page.getByRole('list', { name: 'Sessions' });
  await expect(sessions.getByRole('listitem')).toHaveCount(3);

  await page.getByLabel('Status').selectOption({ label: 'Completed' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=COMPLETED/);
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions).not.toContainText(`Star schema ${tag}`);

  // Search goes by the other participant's name, in any case, and keeps the status filter.
  await page.getByRole('searchbox', { name: 'Search' }).fill(`QUINN okafor${tag}`);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  await expect(sessions.getByRole('link', { name: `Window functions ${tag}` })).toBeVisible();
  await expect(sessions.getByRole('listitem')).toContainText(`with Quinn Okafor${tag}`);

  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByRole('listitem').first()).toContainText('Candidate');

  await page.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText(`No cancelled sessions match “QUINN okafor${tag}”.`)).toBeVisible();

  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(sessions.getByRole('listitem')).toHaveCount(3);
});

test('a hand-edited filter is left out with a note, not an error page', async ({ page }) => {
  const me = await createAccount();
  await signInViaApi(page.request, me);
  const response = await page.goto('/sessions?status=FINISHED&from=2026-02-30');
  expect(response?.status()).toBe(200);
  const note = page.getByRole('status', { name: 'Filters left out' });
  await expect(note).toContainText('Status “FINISHED” does not exist, so every status is shown.');
  await expect(note).toContainText('From “2026-02-30” is not a date (YYYY-MM-DD), so it was left out.');
  await expect(page.getByText('No sessions yet.')).toBeVisible();
});
