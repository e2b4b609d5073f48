import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb, signInViaApi } from './support/accounts';
import { endRound, completeSession } from './support/room-pages';

// After a session: open its report, replay the round to the end, and take the Markdown home.

test('a finished session has a report whose replay ends on the final text and exports as Markdown', async ({ browser }) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const id = randomBytes(4).toString('hex');
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Report ${id}`, template: 'SQL_VELOCITY_DRILL' });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });

  const context = await browser.newContext();
  await signInViaApi(context.request, interviewer);
  const page = await context.newPage();
  await page.goto(`/sessions/${sessionId}`);
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('button', { name: 'Start round' }).click();
  const editor = page.getByRole('textbox', { name: 'Round 1 editor' });
  await editor.click();
  const lines = [`SELECT user_id -- ${id}`, 'FROM logins', "WHERE ds = '2024-01-01'"];
  await page.keyboard.type(lines.join('\n'));
  await expect(page.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  await endRound(page);
  await completeSession(page);

  await page.getByRole('link', { name: 'Session report and replay' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Report ${id}` })).toBeVisible();
  await expect(page.getByTestId('final-document')).toContainText(lines[0]!);

  await page.getByText('Replay how it was written').click();
  const replay = page.getByTestId('replay');
  await replay.getByLabel('Speed').selectOption('16');
  await replay.getByRole('button', { name: 'Play' }).click();
  await expect(replay.getByRole('button', { name: 'Replay from the start' })).toBeVisible({ timeout: 30_000 });
  const [done, total] = ((await replay.getByTestId('replay-position').textContent()) ?? '').split(' / ').map((part) => Number.parseInt(part, 10));
  // The editor batches keystrokes into updates; a typed paragraph still takes several.
  expect(total).toBeGreaterThan(1);
  expect(done).toBe(total);
  await expect(replay.getByTestId('replay-text')).toHaveText(lines.join('\n'));

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`mockloop-report-${id}.md`);
  const markdown = await readFile((await file.path())!, 'utf8');
  expect(markdown).toContain(`# Report ${id}`);
  expect(markdown).toContain(lines.join('\n'));
  await context.close();
});
