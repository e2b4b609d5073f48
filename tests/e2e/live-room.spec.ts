import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signInViaApi } from './support/accounts';
import { watchCspViolations } from './support/csp-violations';

// Two people, two browser contexts, one live SQL round: invite, join, start, type together, and the candidate
// never receives what is for interviewers only. Every wait is on UI state, never on time.

function parseClock(text: string | null): number {
  const match = /^(\+)?(\d+):(\d{2})/.exec((text ?? '').trim());
  if (!match) throw new Error(`not a clock: ${text}`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -seconds : seconds;
}

async function expectSameRemainingTime(first: Page, second: Page): Promise<void> {
  // Until hydrated the timer shows a placeholder: the time is derived in the browser from the server's clock.
  for (const page of [first, second]) await expect(page.getByTestId('timer-remaining')).toHaveText(/^\+?\d+:\d{2}/);
  const [a, b] = await Promise.all([
    first.getByTestId('timer-remaining').textContent(),
    second.getByTestId('timer-remaining').textContent(),
  ]);
  expect(Math.abs(parseClock(a) - parseClock(b))).toBeLessThanOrEqual(1);
}

const roundEditor = (page: Page) => page.getByRole('textbox', { name: 'Round 1 editor' });

test('an interviewer and a candidate run a live SQL round together', async ({ browser }) => {
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const interviewerContext = await browser.newContext();
  const candidateContext = await browser.newContext();
  // The whole round (pages, the editor, sockets, the clock) runs under the real Content-Security-Policy.
  const cspViolations = await Promise.all([watchCspViolations(interviewerContext), watchCspViolations(candidateContext)]);
  await signInViaApi(interviewerContext.request, interviewer);
  await signInViaApi(candidateContext.request, candidate);
  const host = await interviewerContext.newPage();
  const guest = await candidateContext.newPage();
  const id = randomBytes(4).toString('hex');
  const title = `SQL drill ${id}`;

  // The interviewer creates the session through the form.
  await host.goto('/sessions');
  await host.getByRole('link', { name: 'New session' }).click();
  await host.getByLabel('Title').fill(title);
  await host.getByRole('radio', { name: /SQL velocity drill/ }).check();
  await host.getByRole('button', { name: 'Create session' }).click();
  await expect(host.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(host).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
  const sessionPath = new URL(host.url()).pathname;

  // ... and an invite for the candidate.
  await host.getByLabel("Candidate's email (optional)").fill(candidate.email);
  await host.getByRole('button', { name: 'Create invite link' }).click();
  const inviteLink = host.getByTestId('invite-link');
  await expect(inviteLink).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(host.getByRole('list', { name: 'Invites' })).toContainText(candidate.email);

  // The candidate opens the link and joins.
  await guest.goto(await inviteLink.inputValue());
  await expect(guest.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(guest.getByText(interviewer.name)).toBeVisible();
  await guest.getByRole('button', { name: 'Join as candidate' }).click();
  await expect(guest).toHaveURL(new RegExp(`${sessionPath}$`));
  await expect(guest.getByText('Waiting for the interviewer to start.')).toBeVisible();
  await expect(host.getByTestId('member').filter({ hasText: candidate.name })).toContainText('here');

  // The interviewer starts the session, then the round.
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(host.getByTestId('timer-status')).toHaveText('Running');
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');
  await expect(guest.getByTestId('round-question')).toHaveCount(1);

  // Both type; each sees the other's text and the other's named cursor.
  const hostLine = `SELECT ds, COUNT(*) FROM events_${id}`;
  const guestLine = `-- candidate checks partition ${id}`;
  await roundEditor(host).click();
  await host.keyboard.type(hostLine);
  await expect(roundEditor(guest)).toContainText(hostLine);
  await roundEditor(guest).click();
  await guest.keyboard.press('Control+End');
  await guest.keyboard.press('Enter');
  await guest.keyboard.type(guestLine);
  await expect(roundEditor(host)).toContainText(guestLine);
  await expect(host.locator('.cm-ySelectionInfo', { hasText: candidate.name })).toHaveCount(1);
  await expect(guest.locator('.cm-ySelectionInfo', { hasText: interviewer.name })).toHaveCount(1);

  // Private notes, and the planned question's solution, are the interviewer's alone.
  const notesText = `private note ${id}: strong partition filter`;
  await host.getByRole('tab', { name: 'Notes' }).click();
  await host.getByRole('textbox', { name: 'Private interviewer notes' }).click();
  await host.keyboard.type(notesText);
  await expect(host.getByRole('textbox', { name: 'Private interviewer notes' })).toContainText(notesText);
  await host.getByRole('tab', { name: 'Questions' }).click();
  const firstQuestion = host.getByTestId('round-question').first();
  const solution = (await firstQuestion.locator('.guide-notes .markdown').first().innerText()).trim();
  const solutionSnippet = solution.split('\n').find((line) => line.trim().length >= 12)?.trim() ?? solution;
  expect(solutionSnippet.length).toBeGreaterThan(5);

  await expectSameRemainingTime(host, guest);

  // Everything is stored before the reload.
  await expect(host.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  await expect(guest.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  const guestHtml = await guest.content();
  expect(guestHtml).not.toContain(notesText);
  expect(guestHtml).not.toContain(solutionSnippet);
  expect(guestHtml).not.toContain('Private notes');

  // After reloading both pages the text, the notes and the timer are all still there.
  await Promise.all([host.reload(), guest.reload()]);
  await expect(roundEditor(host)).toContainText(hostLine);
  await expect(roundEditor(host)).toContainText(guestLine);
  await expect(roundEditor(guest)).toContainText(hostLine);
  await expect(roundEditor(guest)).toContainText(guestLine);
  await host.getByRole('tab', { name: 'Notes' }).click();
  await expect(host.getByRole('textbox', { name: 'Private interviewer notes' })).toContainText(notesText);
  await expect(host.getByTestId('timer-status')).toHaveText('Running');
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');
  await expect(guest.getByTestId('connection')).toHaveText(/Connected/);
  await expectSameRemainingTime(host, guest);
  const guestHtmlAfterReload = await guest.content();
  expect(guestHtmlAfterReload).not.toContain(notesText);
  expect(guestHtmlAfterReload).not.toContain(solutionSnippet);
  expect(cspViolations.flat()).toEqual([]);
  // The control: an injected inline script (what an XSS would be) is blocked, and the watcher sees it.
  await guest.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  await expect.poll(() => cspViolations[1]!.length).toBeGreaterThan(0);
  expect(await guest.evaluate(() => 'injected' in window)).toBe(false);

  await interviewerContext.close();
  await candidateContext.close();
});
