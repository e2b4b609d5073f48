import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { openRoomAsBoth } from './support/room-pages';

// Issue 24 item 7: the interviewer chooses whether the round editor colours SQL, for both people at once. Off in the
// SQL round (the real pad is plain text), on in the modeling round; the candidate has no switch.

const keywords = (page: Page) => page.locator('.shared-editor .cm-line .tok-keyword');
const switchOf = (page: Page) => page.getByRole('button', { name: 'SQL colours' });

async function sessionWithCandidate(roundKinds: string[]): Promise<{ sessionId: string; interviewer: Awaited<ReturnType<typeof createAccount>>; candidate: Awaited<ReturnType<typeof createAccount>> }> {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Colours ${randomBytes(3).toString('hex')}`, template: 'CUSTOM', roundKinds });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  return { sessionId, interviewer, candidate };
}

/** Colour-contrast findings of axe inside the editor. */
async function editorContrastViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.shared-editor').withRules(['color-contrast']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
}

test('the interviewer turns SQL colours on and off in the SQL round, and the candidate’s editor follows at once', async ({ browser }) => {
  test.setTimeout(90_000);
  const { sessionId, interviewer, candidate } = await sessionWithCandidate(['SQL']);
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  const editor = guest.getByRole('textbox', { name: 'Round 1 editor' });
  await editor.click();
  await guest.keyboard.type("SELECT day, count(*) FROM events WHERE kind = 'view' -- one row per day");
  await expect(host.getByRole('textbox', { name: 'Round 1 editor' })).toContainText('one row per day');

  // Off by default: plain text for both, and the switch is the interviewer's alone.
  await expect(switchOf(host)).toHaveAttribute('aria-pressed', 'false');
  await expect(switchOf(guest)).toHaveCount(0);
  await expect(keywords(host)).toHaveCount(0);
  await expect(keywords(guest)).toHaveCount(0);

  await switchOf(host).click();
  await expect(switchOf(host)).toHaveAttribute('aria-pressed', 'true');
  await expect(keywords(guest).first()).toHaveText('SELECT');
  await expect(keywords(host).first()).toHaveText('SELECT');
  await expect(guest.locator('.shared-editor .tok-string')).toHaveText("'view'");
  await expect(guest.locator('.shared-editor .tok-comment')).toHaveText('-- one row per day');
  // Coloured from the theme's roles, light and dark, and readable in both.
  await expect(keywords(guest).first()).toHaveCSS('color', 'rgb(31, 79, 209)');
  expect(await editorContrastViolations(guest)).toEqual([]);
  await guest.emulateMedia({ colorScheme: 'dark' });
  await expect(keywords(guest).first()).toHaveCSS('color', 'rgb(127, 166, 255)');
  expect(await editorContrastViolations(guest)).toEqual([]);
  for (const [page, width] of [[host, 1440], [guest, 390]] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `test-results/sql-highlighting-${width}.png` });
  }
  await guest.setViewportSize({ width: 1280, height: 720 });

  // Kept by the server: a reload comes back coloured.
  await guest.reload();
  await expect(keywords(guest).first()).toHaveText('SELECT');

  // Off again, for both.
  await switchOf(host).click();
  await expect(switchOf(host)).toHaveAttribute('aria-pressed', 'false');
  await expect(keywords(guest)).toHaveCount(0);
  await expect(keywords(host)).toHaveCount(0);
  await expect(guest.getByRole('textbox', { name: 'Round 1 editor' })).toContainText("SELECT day, count(*) FROM events WHERE kind = 'view'");
  await close();
});

test('a modeling round’s DDL is coloured from the start, for the candidate too', async ({ browser }) => {
  const { sessionId, interviewer, candidate } = await sessionWithCandidate(['DATA_MODELING']);
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  await guest.getByRole('textbox', { name: 'Round 1 editor' }).click();
  await guest.keyboard.type('CREATE TABLE dim_user (user_key BIGINT NOT NULL, signup_date DATE);');
  await expect(switchOf(host)).toHaveAttribute('aria-pressed', 'true');
  await expect(switchOf(guest)).toHaveCount(0);
  await expect(host.locator('.shared-editor .tok-type')).toHaveText(['BIGINT', 'DATE']);
  await expect(guest.locator('.shared-editor .tok-type')).toHaveText(['BIGINT', 'DATE']);
  await close();
});
