import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedBoardScene } from '@/lib/boards/stored-board-scene';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { E2E_BASE_URL } from './support/e2e-environment';
import { endRound, openRoomAsBoth } from './support/room-pages';

// Issue 23: the shared whiteboard of a design round. Both draw and see each other's shapes, a reload keeps them,
// the board is read-only for both once the round ends, the report shows the final board, and nothing the board
// loads comes from another origin or trips the CSP.

const board = (page: Page) => page.locator('.shared-board');

/** Picks a tool from Excalidraw's toolbar and drags across the board's canvas, as a person draws a shape. */
async function draw(page: Page, tool: 'rectangle' | 'ellipse' | 'diamond', from: [number, number], to: [number, number]): Promise<void> {
  // The radio is covered by its icon; a person clicks the icon, i.e. the radio's label.
  await board(page).locator('label', { has: page.getByTestId(`toolbar-${tool}`) }).click();
  const canvas = board(page).locator('canvas.interactive');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + (from[0] + to[0]) / 2, box.y + (from[1] + to[1]) / 2, { steps: 5 });
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}

/**
 * Records every request to another origin that the browser actually sent (a response came back, or it failed for
 * a reason other than the CSP refusing it), and every CSP refusal in the console.
 */
function watchForeignTraffic(page: Page, foreign: string[], cspErrors: string[]): void {
  const origin = new URL(E2E_BASE_URL).origin;
  const isForeign = (url: string) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin;
  page.on('requestfinished', (request) => {
    if (isForeign(request.url())) foreign.push(request.url());
  });
  page.on('requestfailed', (request) => {
    if (isForeign(request.url()) && !/^csp$|BLOCKED_BY_CSP|blocked:csp/i.test(request.failure()?.errorText ?? '')) foreign.push(`${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|connect|apply|execute)/i.test(message.text())) cspErrors.push(message.text());
  });
}

test('two people draw on a design round’s board, it survives a reload, closes with the round and shows in the report', async ({ browser }) => {
  test.setTimeout(120_000);
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const id = randomBytes(4).toString('hex');
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Board ${id}`, template: 'CUSTOM', roundKinds: ['SYSTEM_DESIGN'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  const foreign: string[] = [];
  const cspErrors: string[] = [];
  watchForeignTraffic(host, foreign, cspErrors);
  watchForeignTraffic(guest, foreign, cspErrors);

  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');
  // A design round shows its board from the start, beside the editor.
  await expect(board(host)).toHaveAttribute('data-synced', 'true', { timeout: 30_000 });
  await expect(board(guest)).toHaveAttribute('data-synced', 'true', { timeout: 30_000 });

  await draw(host, 'rectangle', [60, 80], [200, 160]);
  await expect(board(guest)).toHaveAttribute('data-shapes', '1');
  await draw(guest, 'ellipse', [240, 200], [360, 280]);
  await expect(board(host)).toHaveAttribute('data-shapes', '2');
  await expect(board(guest)).toHaveAttribute('data-shapes', '2');
  await expect(host.getByTestId('connection')).toHaveText(/^Connected/);
  for (const [page, width] of [[host, 1440], [guest, 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/board-${width}.png` });
  }
  await guest.setViewportSize({ width: 1280, height: 720 });

  // Stored, not only relayed: a reload gets both shapes back from the server.
  await guest.reload();
  await expect(board(guest)).toHaveAttribute('data-synced', 'true', { timeout: 30_000 });
  await expect(board(guest)).toHaveAttribute('data-shapes', '2');
  const boardRow = await db.document.findFirstOrThrow({ where: { sessionId, kind: 'BOARD' }, select: { id: true } });
  const stored = await loadStoredDocument(db, boardRow.id);
  expect(storedBoardScene(stored!).map((element) => element.type).sort()).toEqual(['ellipse', 'rectangle']);

  // The round ends: the board is read-only for both, and drawing changes nothing.
  await endRound(host);
  await expect(board(host)).toHaveAttribute('data-read-only', 'true');
  await expect(board(guest)).toHaveAttribute('data-read-only', 'true');
  await expect(board(guest).getByRole('status')).toHaveText('Read-only');
  await draw(guest, 'diamond', [60, 300], [160, 380]).catch(() => {});
  await expect(board(guest)).toHaveAttribute('data-shapes', '2');

  // The report shows the final board, drawn on the server.
  await guest.goto(`/sessions/${sessionId}/report`);
  const image = guest.getByRole('img', { name: 'Round 1 board' });
  await expect(image).toBeVisible();
  await expect(image.locator('rect[rx]')).toHaveCount(1);
  await expect(image.locator('ellipse')).toHaveCount(1);
  // The replay draws the board as it stood (here nothing was typed, so it shows the board as it was left).
  await guest.getByText('Replay how it was written').click();
  await expect(guest.getByTestId('replay-board').locator('ellipse')).toHaveCount(1);

  // Nothing left the origin. Excalidraw lists its CDN after our copy in every font's sources, and Chromium reports
  // a CSP refusal for that second source even when the first one loads (it checks the whole list up front): those
  // reports, and only those, are expected. The fonts themselves came from us, and nothing else was refused: before
  // 'wasm-unsafe-eval', the subsetting of the fonts the library previews embed failed, and Excalidraw fetched them
  // from esm.sh instead (connect-src).
  expect(foreign).toEqual([]);
  const fallbackFontSource = /^Loading the font 'https:\/\/esm\.sh\/@excalidraw\/excalidraw@[\d.]+\/dist\/prod\/fonts\/[^']+' violates [^"]+"font-src 'self'"/;
  expect(cspErrors.filter((error) => !fallbackFontSource.test(error))).toEqual([]);
  // Excalidraw's interface font, loaded from our copy (its CDN source is refused).
  expect(await host.evaluate(() => [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family))).toContain('Assistant');
  await close();
});

test('the interviewer shows a board in a round that has none, and both see it; the layout choice is kept', async ({ browser }) => {
  test.setTimeout(120_000);
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const { id: sessionId } = await createSession(db, interviewer.id, { title: 'Board on request', template: 'CUSTOM', roundKinds: ['SQL'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);

  await host.getByRole('button', { name: 'Start session' }).click();
  await expect(guest.getByRole('textbox', { name: 'Round 1 editor' })).toBeVisible();
  await expect(board(guest)).toHaveCount(0);
  await host.getByRole('button', { name: 'Show a board' }).click();
  await expect(board(guest)).toHaveAttribute('data-synced', 'true', { timeout: 30_000 });

  // Tabs by default, the board in front; side by side is kept across a reload.
  await expect(guest.getByRole('textbox', { name: 'Round 1 editor' })).toBeHidden();
  await guest.getByRole('tab', { name: 'Editor' }).click();
  await expect(guest.getByRole('textbox', { name: 'Round 1 editor' })).toBeVisible();
  await guest.getByRole('button', { name: 'Side by side' }).click();
  await guest.reload();
  await expect(guest.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true');
  await expect(guest.getByRole('textbox', { name: 'Round 1 editor' })).toBeVisible();
  await expect(board(guest)).toBeVisible();
  await guest.screenshot({ path: 'test-results/board-side-by-side-1280.png' });

  await host.getByRole('button', { name: 'Hide the board' }).click();
  await expect(board(guest)).toHaveCount(0);
  await close();
});
