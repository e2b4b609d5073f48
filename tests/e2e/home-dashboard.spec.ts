import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { changeSessionStatus } from '@/lib/sessions/change-session-status';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb, signInViaApi, type E2eAccount } from './support/accounts';

// The home page as the user meets it: a newcomer gets the first things to do; someone with a session coming up
// gets one click to its lobby (both roles), and an invite addressed to them; a live session is one click back
// into the room (both roles).

async function openHome(browser: Browser, account: E2eAccount): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext();
  await signInViaApi(context.request, account);
  const page = await context.newPage();
  await page.goto('/');
  return { page, close: () => context.close() };
}

async function sessionWithCandidate(title: string) {
  const db = await getE2eDb();
  const interviewer = await createAccount({ name: 'Lena Lead' });
  const candidate = await createAccount({ name: 'Cato Candidate' });
  const { id: sessionId } = await createSession(db, interviewer.id, { title, template: 'CUSTOM', roundKinds: ['SQL'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  return { db, interviewer, candidate, sessionId };
}

test('a newcomer sees the first things to do, each one click away', async ({ browser }) => {
  const newcomer = await createAccount();
  const { page, close } = await openHome(browser, newcomer);

  const start = page.getByRole('region', { name: 'Start here' });
  await expect(start).toBeVisible();
  await expect(page.getByRole('region', { name: 'Happening now' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Upcoming sessions' })).toHaveCount(0);
  await expect(start.getByRole('link', { name: 'Start a session' })).toHaveAttribute('href', '/sessions/new');
  await expect(start.getByRole('link', { name: 'Find a practice partner' })).toHaveAttribute('href', '/practice');
  await start.getByRole('link', { name: 'Browse the question bank' }).click();
  await expect(page).toHaveURL(/\/questions$/);
  await close();
});

test('an upcoming session is one click from the lobby for both roles, and an invite waits for its invitee', async ({ browser }) => {
  const title = `Upcoming ${randomBytes(4).toString('hex')}`;
  const { db, interviewer, candidate, sessionId } = await sessionWithCandidate(title);
  const shadow = await createAccount({ name: 'Sasha Shadow' });
  await createInvite(db, sessionId, interviewer.id, { inviteeEmail: shadow.email, inviteAs: 'SHADOW' });

  for (const [account, seat] of [
    [interviewer, 'You lead the interview'],
    [candidate, 'You are the candidate'],
  ] as const) {
    const { page, close } = await openHome(browser, account);
    await expect(page.getByRole('region', { name: 'Start here' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Happening now' })).toHaveCount(0);
    const upcoming = page.getByRole('region', { name: 'Upcoming sessions' });
    const item = upcoming.getByRole('listitem').filter({ hasText: title });
    await expect(item).toContainText(seat);
    await item.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    await expect(page.getByRole('heading', { name: 'Waiting room' })).toBeVisible();
    await close();
  }

  const { page, close } = await openHome(browser, shadow);
  const invitations = page.getByRole('region', { name: 'Invitations waiting' });
  await expect(invitations).toContainText(title);
  await expect(invitations).toContainText('Lena Lead invited you as shadow interviewer');
  await expect(page.getByRole('region', { name: 'Start here' })).toHaveCount(0);
  await close();
});

test('a live session is one click back into the room for both roles', async ({ browser }) => {
  const title = `Live ${randomBytes(4).toString('hex')}`;
  const { db, interviewer, candidate, sessionId } = await sessionWithCandidate(title);
  await changeSessionStatus(db, sessionId, interviewer.id, 'LIVE');

  for (const account of [interviewer, candidate]) {
    const { page, close } = await openHome(browser, account);
    const live = page.getByRole('region', { name: 'Happening now' });
    await expect(live).toContainText(title);
    await expect(page.getByRole('region', { name: 'Upcoming sessions' }).getByText(title)).toHaveCount(0);
    await live.getByRole('link', { name: `Rejoin ${title}` }).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    await expect(page.getByTestId('timer-status')).toBeVisible();
    await close();
  }
});
