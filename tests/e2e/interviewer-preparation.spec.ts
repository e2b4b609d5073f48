import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb, signInViaApi } from './support/accounts';
import { openRoomAsBoth } from './support/room-pages';

// Interviewers prepare in the lobby (the guides of their planned questions, and a swap for another question of
// the same kind), the lead invites a shadow interviewer who joins with the guides and a scorecard of their own,
// and the candidate never receives any of it: not in the page, its RSC payload, nor the socket.

/** Every text frame the page's sockets receive, from now on. */
function recordSocketFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload))));
  return frames;
}

/** A line of a guide's solution long enough to be unique to it (the prompt never repeats it). */
function distinctiveLine(markdown: string): string {
  const line = markdown
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text.length > 30 && /^[A-Za-z]/.test(text) && !/[*_`[\]]/.test(text));
  if (!line) throw new Error('the guide has no plain line to look for');
  return line.slice(0, 40);
}

test('interviewers prepare in the lobby and swap a planned question; a shadow joins; the candidate sees none of it', async ({ browser }) => {
  const db = await getE2eDb();
  const lead = await createAccount({ name: 'Lena Lead' });
  const candidate = await createAccount({ name: 'Cato Candidate' });
  const shadow = await createAccount({ name: 'Sasha Shadow' });
  const title = `Prepared ${randomBytes(4).toString('hex')}`;
  const { id: sessionId } = await createSession(db, lead.id, { title, template: 'CUSTOM', roundKinds: ['SYSTEM_DESIGN'] });
  const invite = await createInvite(db, sessionId, lead.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const planned = await db.roundQuestion.findFirstOrThrow({
    where: { round: { sessionId }, position: 0 },
    select: { question: { select: { title: true, guide: { select: { solution: true } } } } },
  });
  const plannedSecret = distinctiveLine(planned.question.guide!.solution);

  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, lead, candidate);
  const guestFrames = recordSocketFrames(guest);
  await guest.reload();

  // The lead's lobby: the planned question with its guide.
  const prep = host.getByRole('region', { name: 'Prepare your rounds' });
  const question = prep.getByTestId('planned-question');
  await expect(question).toHaveCount(1);
  await question.getByText(planned.question.title).click();
  await expect(question.getByTestId('lobby-guide')).toContainText(plannedSecret);

  // Swap it for another system-design question the session does not use.
  const select = question.getByRole('combobox', { name: `Ask instead of ${planned.question.title}` });
  const optionValues = await select.locator('option:not([disabled])').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(optionValues.length).toBeGreaterThan(0);
  const replacement = await db.question.findUniqueOrThrow({ where: { id: optionValues[0]! }, select: { title: true, roundKind: true, guide: { select: { solution: true } } } });
  expect(replacement.roundKind).toBe('SYSTEM_DESIGN');
  await select.selectOption(optionValues[0]!);
  await question.getByRole('button', { name: 'Swap question' }).click();
  await expect(prep.getByTestId('planned-question')).toContainText(replacement.title);
  const swappedSecret = distinctiveLine(replacement.guide!.solution);
  await prep.getByTestId('planned-question').getByText(replacement.title).click();
  await expect(prep.getByTestId('lobby-guide')).toContainText(swappedSecret);

  // The lead invites a shadow through the invite panel; the shadow opens the link and joins.
  const invitePanel = host.getByRole('region', { name: 'Invite people' });
  await invitePanel.getByRole('radio', { name: /Shadow interviewer/ }).check();
  await invitePanel.getByRole('button', { name: 'Create invite link' }).click();
  const link = await host.getByTestId('invite-link').inputValue();
  await expect(invitePanel.getByRole('list', { name: 'Invites' })).toContainText('Shadow interviewer');

  const shadowContext = await browser.newContext();
  await signInViaApi(shadowContext.request, shadow);
  const shadowPage = await shadowContext.newPage();
  await shadowPage.goto(new URL(link).pathname);
  await expect(shadowPage.getByText('Shadow interviewer', { exact: true })).toBeVisible();
  await shadowPage.getByRole('button', { name: 'Join as shadow interviewer' }).click();
  await expect(shadowPage).toHaveURL(new RegExp(`/sessions/${sessionId}$`));

  // Everyone sees who is who.
  for (const page of [host, guest, shadowPage]) {
    const members = page.getByRole('list', { name: 'People in this session' });
    await expect(members.getByTestId('member').filter({ hasText: 'Lena Lead' })).toContainText('Lead interviewer');
    await expect(members.getByTestId('member').filter({ hasText: 'Sasha Shadow' })).toContainText('Shadow interviewer');
    await expect(members.getByTestId('member').filter({ hasText: 'Cato Candidate' })).toContainText('Candidate');
  }

  // The shadow prepares too, but invites nobody.
  const shadowPrep = shadowPage.getByRole('region', { name: 'Prepare your rounds' });
  await shadowPrep.getByTestId('planned-question').getByText(replacement.title).click();
  await expect(shadowPrep.getByTestId('lobby-guide')).toContainText(swappedSecret);
  await expect(shadowPage.getByRole('button', { name: 'Create invite link' })).toHaveCount(0);

  // The candidate's lobby: no preparation, and no guide text anywhere it received.
  await expect(guest.getByRole('region', { name: 'Prepare your rounds' })).toHaveCount(0);
  const candidateHtml = await (await guest.request.get(`/sessions/${sessionId}`)).text();
  const candidateRsc = await (await guest.request.get(`/sessions/${sessionId}`, { headers: { RSC: '1' } })).text();
  for (const secret of [plannedSecret, swappedSecret]) {
    expect(await guest.content()).not.toContain(secret);
    expect(candidateHtml).not.toContain(secret);
    expect(candidateRsc).not.toContain(secret);
    expect(guestFrames.join('\n')).not.toContain(secret);
  }
  expect(guestFrames.length).toBeGreaterThan(0);

  // Live: the shadow keeps a scorecard of their own.
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(shadowPage.getByTestId('timer-status')).toHaveText('Running');
  await shadowPage.getByRole('tab', { name: 'Scorecard' }).click();
  await shadowPage.getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(shadowPage.getByTestId('save-status')).toHaveText('All changes saved');
  const scorecards = await db.scorecard.findMany({ where: { round: { sessionId } }, select: { interviewerId: true, recommendation: true } });
  expect(scorecards.find((scorecard) => scorecard.interviewerId === shadow.id)?.recommendation).toBe('YES');
  expect(scorecards.find((scorecard) => scorecard.interviewerId === lead.id)?.recommendation ?? null).toBeNull();
  await expect(guest.getByRole('tab', { name: 'Scorecard' })).toHaveCount(0);
  for (const secret of [plannedSecret, swappedSecret]) {
    expect(await guest.content()).not.toContain(secret);
    expect(guestFrames.join('\n')).not.toContain(secret);
  }

  await shadowContext.close();
  await close();
});
