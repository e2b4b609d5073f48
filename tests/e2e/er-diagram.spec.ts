import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { endRound, openRoomAsBoth } from './support/room-pages';

// A modeling round draws the candidate's CREATE TABLE statements beside the editor, for both people, as they type;
// a statement still being written is listed with its line instead of breaking the drawing.

const roundEditor = (page: Page) => page.getByRole('textbox', { name: 'Round 1 editor' });
const diagram = (page: Page) => page.getByTestId('er-diagram');

/** Types line by line: each line arrives as one input (as from a fast typist or an IME), then Enter. */
async function typeLines(page: Page, lines: string[]): Promise<void> {
  for (const [index, line] of lines.entries()) {
    await page.keyboard.insertText(line);
    if (index < lines.length - 1) await page.keyboard.press('Enter');
  }
}

test('both people see the tables and the reference the candidate types, and a half-written statement is listed as not parsed', async ({
  browser,
}, testInfo) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const { id: sessionId } = await createSession(db, interviewer.id, {
    title: `ER diagram ${randomBytes(4).toString('hex')}`,
    template: 'CUSTOM',
    roundKinds: ['DATA_MODELING'],
  });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);

  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');
  await expect(diagram(guest)).toContainText('No table yet');

  await roundEditor(guest).click();
  await typeLines(guest, [
    'CREATE TABLE dim_user (',
    'user_key BIGINT PRIMARY KEY,',
    'country CHAR(2)',
    ');',
    'CREATE TABLE fact_visit (',
    'visit_id BIGINT,',
    'user_key BIGINT REFERENCES dim_user(user_key)',
    ');',
    '',
  ]);

  for (const page of [guest, host]) {
    await expect(diagram(page)).toHaveAttribute('data-table-count', '2');
    await expect(diagram(page).locator('g.er-table[data-table="dim_user"]')).toContainText('country');
    await expect(diagram(page).locator('g.er-table[data-table="fact_visit"]')).toContainText('visit_id');
    await expect(diagram(page).locator('path.er-edge-declared[data-from="fact_visit"][data-to="dim_user"]')).toHaveCount(1);
  }

  // A third statement, cut off while its first column is typed: the two tables stay, the third is listed.
  await typeLines(guest, ['CREATE TABLE dim_store (', 'store_key BIGINT REFERENCES']);
  for (const page of [guest, host]) {
    await expect(diagram(page).getByRole('list', { name: 'Statements not drawn in full' })).toContainText('line 10: CREATE TABLE dim_store … not parsed yet');
    await expect(diagram(page)).toHaveAttribute('data-table-count', '2');
    await expect(diagram(page).locator('path.er-edge')).toHaveCount(1);
  }
  // The screen-reader alternative says the same as the drawing.
  await expect(diagram(host).getByRole('img', { name: 'ER diagram of round 1' })).toBeVisible();
  await diagram(host).getByText('Tables and references as text').click();
  await expect(diagram(host).getByRole('listitem').filter({ hasText: 'fact_visit.user_key → dim_user.user_key (declared)' })).toBeVisible();

  for (const width of [1440, 390]) {
    await guest.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await diagram(guest).scrollIntoViewIfNeeded();
    await guest.screenshot({ path: testInfo.outputPath(`er-diagram-${width}.png`), fullPage: width === 390 });
    // The panel fits the narrow screen: a wide diagram scrolls inside it, the page does not scroll sideways.
    expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  // The report draws the final document's diagram on the server; the Markdown export carries it as Mermaid.
  await expect(host.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  await expect(guest.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  await endRound(host);
  await expect(host.getByTestId('timer-remaining')).toHaveText('Ended');
  await host.setViewportSize({ width: 1440, height: 900 });
  await host.goto(`/sessions/${sessionId}/report`);
  const final = diagram(host);
  await expect(final).toHaveAttribute('data-table-count', '2');
  await expect(final.locator('path.er-edge-declared[data-from="fact_visit"][data-to="dim_user"]')).toHaveCount(1);
  await expect(final.getByRole('list', { name: 'Statements not drawn in full' })).toContainText('CREATE TABLE dim_store');
  await final.scrollIntoViewIfNeeded();
  await host.screenshot({ path: testInfo.outputPath('er-diagram-report.png') });
  const markdown = await (await host.request.get(`/sessions/${sessionId}/report/export?format=markdown`)).text();
  expect(markdown).toContain('```mermaid\nerDiagram\n    dim_user {');
  expect(markdown).toContain('    dim_user ||--o{ fact_visit : "user_key"');

  await close();
});
