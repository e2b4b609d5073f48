import { expect, test } from '@playwright/test';
import { createPeerSession } from '@/lib/peer/create-peer-session';
import { publishFeedback } from '@/lib/scorecards/feedback-release';
import { createAccount, getE2eDb, signInViaApi } from './support/accounts';
import { endRound, completeSession } from './support/room-pages';

// Two people, two browser contexts: both ask for a SQL partner on /practice, are matched live over the
// socket, land in the same session, take turns interviewing, and each finds the other's feedback in their
// history. Every wait is on UI state, never on time.

test('two people asking for a SQL partner are matched, swap roles, and read each other\'s feedback', async ({ browser }) => {
  const first = await createAccount({ name: 'Pat Peer' });
  const second = await createAccount({ name: 'Quinn Peer' });
  const firstContext = await browser.newContext();
  const secondContext = await browser.newContext();
  await signInViaApi(firstContext.request, first);
  await signInViaApi(secondContext.request, second);
  const firstPage = await firstContext.newPage();
  const secondPage = await secondContext.newPage();

  for (const page of [firstPage, secondPage]) {
    await page.goto('/practice');
    await expect(page.getByRole('heading', { level: 1, name: 'Find a practice partner' })).toBeVisible();
    // SQL is ticked by default, and only SQL.
    await expect(page.getByRole('checkbox', { name: 'SQL', exact: true })).toBeChecked();
    await page.getByLabel('Level').selectOption('E6');
    await expect(page.getByRole('radio', { name: /Now/ })).toBeChecked();
  }

  await firstPage.getByRole('button', { name: 'Find a partner' }).click();
  await expect(firstPage.getByRole('heading', { name: 'Looking for a partner' })).toBeVisible();

  // A reload shows the waiting request again, with its Cancel.
  await firstPage.reload();
  await expect(firstPage.getByRole('button', { name: 'Cancel request' })).toBeVisible();

  await secondPage.getByRole('button', { name: 'Find a partner' }).click();

  await expect(secondPage).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
  await expect(firstPage).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
  expect(new URL(firstPage.url()).pathname).toBe(new URL(secondPage.url()).pathname);
  await expect(firstPage.getByRole('heading', { level: 1, name: /Peer practice: SQL/ })).toBeVisible();
  await expect(secondPage.getByRole('heading', { level: 1, name: /Peer practice: SQL/ })).toBeVisible();

  // Both joined the room, so neither is a no-show.
  const db = await getE2eDb();
  const sessionId = new URL(firstPage.url()).pathname.split('/').at(-1)!;
  await expect
    .poll(async () => db.matchRequest.count({ where: { sessionId, joinedAt: { not: null } } }))
    .toBe(2);

  // Round 1: the one who waited first interviews; round 2: the roles swap.
  const rounds = [
    { interviewer: firstPage, candidate: secondPage, recommendation: 'Yes' },
    { interviewer: secondPage, candidate: firstPage, recommendation: 'Lean yes' },
  ];
  await firstPage.getByRole('button', { name: 'Start session' }).click();
  for (const [index, { interviewer, candidate, recommendation }] of rounds.entries()) {
    await interviewer.getByRole('button', { name: 'Start round' }).click();
    await expect(candidate.getByTestId('timer-status')).toHaveText('Running');
    // Only the round's interviewer has the scorecard; the candidate of the round has no tabs at all.
    await expect(candidate.getByRole('tab', { name: 'Scorecard' })).toHaveCount(0);
    await interviewer.getByRole('tab', { name: 'Scorecard' }).click();
    await interviewer.getByRole('button', { name: 'Observed now: Names the partition filter up front' }).click();
    await interviewer.getByRole('radio', { name: recommendation, exact: true }).check();
    await expect(interviewer.getByTestId('save-status')).toHaveText('All changes saved');
    await endRound(interviewer);
    if (index === 0) await interviewer.getByRole('button', { name: 'Next round' }).click();
    else await completeSession(interviewer);
  }

  // Completing is a socket command: wait until both rooms show the finished session before leaving them,
  // or the debrief may load while the session is still in progress (and rightly refuse to publish).
  for (const page of [firstPage, secondPage]) {
    await expect(page.getByText('This session is complete.')).toBeVisible();
  }

  // Each publishes the feedback for the round they interviewed...
  for (const page of [firstPage, secondPage]) {
    await page.getByRole('link', { name: 'Debrief and publish your feedback' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
    await page.getByRole('button', { name: 'Publish feedback to the candidate' }).click();
    await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();
  }
  // ... and finds the other's in their history: the session's report shows the partner's scorecard.
  for (const [page, partner] of [
    [firstPage, second],
    [secondPage, first],
  ] as const) {
    await page.goto('/sessions');
    await page.getByRole('listitem').filter({ hasText: 'Peer practice: SQL' }).getByRole('link', { name: 'Report' }).click();
    await expect(page.getByRole('heading', { level: 4, name: `Scorecard from ${partner.name}` })).toBeVisible();
  }

  await firstContext.close();
  await secondContext.close();
});

test('a waiting request can be cancelled from the lobby', async ({ browser }) => {
  const account = await createAccount({ name: 'Casey Cancel' });
  const context = await browser.newContext();
  await signInViaApi(context.request, account);
  const page = await context.newPage();
  await page.goto('/practice');
  await page.getByRole('checkbox', { name: 'SQL', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Leadership & behavioral' }).check();
  await page.getByLabel('Level').selectOption('E7');
  await page.getByRole('button', { name: 'Find a partner' }).click();
  await expect(page.getByRole('heading', { name: 'Looking for a partner' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByRole('button', { name: 'Find a partner' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Find a partner' })).toBeVisible();
  await context.close();
});

test('the candidate of a peer round rates its feedback in one click, and the interviewer sees it on their profile', async ({ browser }) => {
  const host = await createAccount({ name: 'Hana Host' });
  const guest = await createAccount({ name: 'Gil Guest' });
  // Arranged through lib: a finished peer session in which the host interviewed round 1 and published.
  const db = await getE2eDb();
  const { id: sessionId } = await createPeerSession(db, { hostId: host.id, guestId: guest.id, roundKinds: ['SQL'], title: 'Peer practice: rating' });
  const rounds = await db.round.findMany({ where: { sessionId }, orderBy: { position: 'asc' } });
  await db.interviewSession.update({ where: { id: sessionId }, data: { status: 'COMPLETED' } });
  await db.scorecard.create({ data: { sessionId, roundId: rounds[0]!.id, interviewerId: host.id, strengths: 'Named the grain first.' } });
  await publishFeedback(db, sessionId, host.id);

  const guestContext = await browser.newContext();
  await signInViaApi(guestContext.request, guest);
  const page = await guestContext.newPage();
  await page.goto(`/sessions/${sessionId}/feedback`);
  const rating = page.getByTestId('feedback-rating');
  await expect(rating).toHaveCount(1);
  await expect(rating).toContainText('Hana Host');
  await rating.getByRole('button', { name: 'Helpful' }).click();
  await expect(rating.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rating.getByRole('button', { name: 'Specific' })).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.getByTestId('feedback-rating').getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');

  const hostContext = await browser.newContext();
  await signInViaApi(hostContext.request, host);
  const profile = await hostContext.newPage();
  await profile.goto('/profile');
  await expect(profile.getByTestId('helpful-percent')).toHaveText('100%');
  await guestContext.close();
  await hostContext.close();
});
