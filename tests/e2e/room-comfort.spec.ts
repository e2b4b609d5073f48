import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { openRoomAsBoth } from './support/room-pages';

// What keeps an interviewer from a one-click accident, and what makes the room comfortable for hours: a confirm
// before ending a round, tabs a keyboard can drive, a text size that stays, the editor in the dark theme.

test('ending a round asks first; Cancel and Escape leave the candidate typing', async ({ browser }) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Confirm ${randomBytes(3).toString('hex')}`, template: 'SQL_VELOCITY_DRILL' });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  const dialog = host.getByRole('dialog', { name: 'End this round now?' });
  await host.getByRole('button', { name: 'End round' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('read-only for both of you');
  // Focus starts on Cancel, so a reflexive Enter does no harm.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await host.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await host.getByRole('button', { name: 'End round' }).click();
  await host.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(host.getByTestId('timer-status')).toHaveText('Running');

  // The candidate still types.
  const editor = guest.getByRole('textbox', { name: 'Round 1 editor' });
  await editor.click();
  await guest.keyboard.type('SELECT 1');
  await expect(host.getByRole('textbox', { name: 'Round 1 editor' })).toContainText('SELECT 1');

  // Confirmed, it ends for both.
  await host.getByRole('button', { name: 'End round' }).click();
  await dialog.getByRole('button', { name: 'End round' }).click();
  await expect(guest.getByTestId('timer-status')).toContainText('Ran');
  await expect(guest.locator('.read-only-note')).toBeVisible();

  // Completing the session asks too, and says no round is left unplayed here.
  await host.getByRole('button', { name: 'Complete session' }).click();
  await expect(host.getByRole('dialog', { name: 'Complete the session?' })).toContainText('Every round is done.');
  await host.keyboard.press('Escape');
  await close();
});

test('the side tabs follow the arrow, Home and End keys; the text size and the dark theme carry into the editor', async ({ browser }) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Comfort ${randomBytes(3).toString('hex')}`, template: 'SQL_VELOCITY_DRILL' });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const { host, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  await host.getByRole('button', { name: 'Start session' }).click();

  const questions = host.getByRole('tab', { name: 'Questions' });
  await questions.focus();
  await host.keyboard.press('End');
  await expect(host.getByRole('tab', { name: 'Notes' })).toBeFocused();
  await expect(host.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await host.keyboard.press('Home');
  await expect(questions).toBeFocused();
  await host.keyboard.press('ArrowLeft');
  await expect(host.getByRole('tab', { name: 'Notes' })).toBeFocused();
  await host.keyboard.press('ArrowRight');
  await expect(questions).toHaveAttribute('aria-selected', 'true');
  await expect(questions).toBeFocused();
  // The selected tab's panel shows; the others stay mounted but hidden (a notes draft survives a trip to Questions).
  await expect(host.getByRole('tabpanel', { name: 'Questions' })).toBeVisible();
  await expect(host.getByRole('tabpanel', { name: 'Notes', includeHidden: true })).toBeHidden();
  await expect(host.getByRole('tabpanel', { name: 'Notes', includeHidden: true })).toHaveCount(1);

  // Larger text, kept after a reload.
  const content = host.locator('.cm-content').first();
  const before = await content.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));
  await host.getByRole('button', { name: 'A+ larger editor text' }).first().click();
  await expect.poll(() => content.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThan(before);
  await host.reload();
  await expect.poll(() => host.locator('.cm-content').first().evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThan(before);

  // The dark theme reaches the editor: a dark surface behind light text.
  await host.emulateMedia({ colorScheme: 'dark' });
  const editorColours = await host.locator('.cm-editor').first().evaluate((node) => ({ background: getComputedStyle(node).backgroundColor, text: getComputedStyle(node).color }));
  expect(editorColours.background).toBe('rgb(23, 26, 33)');
  expect(editorColours.text).toBe('rgb(230, 232, 236)');
  await close();
});

test('the editor and board tabs follow the arrow, Home and End keys, and switching never reloads the editor', async ({ browser }) => {
  test.setTimeout(120_000);
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Board tabs ${randomBytes(3).toString('hex')}`, template: 'CUSTOM', roundKinds: ['DATA_MODELING'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  await host.getByRole('button', { name: 'Start session' }).click();

  // A modeling round opens on the editor (its DDL draws the ER diagram); the board is the other tab.
  const editorTab = guest.getByRole('tab', { name: 'Editor' });
  const boardTab = guest.getByRole('tab', { name: 'Board' });
  const editor = guest.getByRole('textbox', { name: 'Round 1 editor' });
  await expect(editorTab).toHaveAttribute('aria-selected', 'true');
  await editor.click();
  await guest.keyboard.type('CREATE TABLE dim_day (day DATE);');
  // Marks the editor's element: a remount would replace it with one that has no mark.
  await editor.evaluate((element) => element.setAttribute('data-kept', 'yes'));
  // The board (Excalidraw, a large download) is not fetched for a tab that has not been opened.
  await expect(guest.locator('.shared-board')).toHaveCount(0);

  await editorTab.focus();
  await guest.keyboard.press('ArrowRight');
  await expect(boardTab).toBeFocused();
  await expect(boardTab).toHaveAttribute('aria-selected', 'true');
  await expect(guest.locator('.shared-board')).toBeVisible();
  await expect(editor).toBeHidden();
  await guest.keyboard.press('Home');
  await expect(editorTab).toBeFocused();
  await expect(editor).toBeVisible();
  await guest.keyboard.press('End');
  await expect(boardTab).toHaveAttribute('aria-selected', 'true');
  await guest.keyboard.press('ArrowRight');
  await expect(editorTab).toBeFocused();
  await expect(editorTab).toHaveAttribute('aria-selected', 'true');
  await guest.keyboard.press('ArrowLeft');
  await expect(boardTab).toHaveAttribute('aria-selected', 'true');
  await editorTab.click();
  await expect(editor).toHaveAttribute('data-kept', 'yes');
  await expect(editor).toContainText('CREATE TABLE dim_day');

  // Side by side there are no tabs to name the panes, and the editor is still the same one.
  await guest.getByRole('button', { name: 'Side by side' }).click();
  await expect(guest.getByRole('tablist', { name: 'Show' })).toHaveCount(0);
  await expect(guest.getByRole('tabpanel')).toHaveCount(0);
  await expect(editor).toHaveAttribute('data-kept', 'yes');
  await expect(guest.locator('.shared-board')).toBeVisible();
  await close();
});
