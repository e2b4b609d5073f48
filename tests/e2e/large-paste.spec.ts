import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb, signInViaApi } from './support/accounts';
import { openRoomAsBoth } from './support/room-pages';

// A paste larger than the server takes (SOCKET_MAX_MESSAGE_BYTES, 256 KiB by default) used to drop the socket and
// stop all saving. Now the editor refuses it and says why; the connection stays up and typing goes on, to the
// partner and to PostgreSQL.

const roundEditor = (page: Page) => page.getByRole('textbox', { name: 'Round 1 editor' });

/** Pastes `size` characters (lines of 100) into the round editor through the browser's paste event, as Ctrl+V would. */
async function paste(page: Page, size: number): Promise<void> {
  await roundEditor(page).evaluate((editor, length) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', `${'p'.repeat(99)}\n`.repeat(Math.ceil(length / 100)).slice(0, length));
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, size);
}

test('a paste too large for the server is refused with a message, and typing afterwards reaches the partner and survives a reload', async ({
  browser,
}) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const id = randomBytes(4).toString('hex');
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Large paste ${id}`, template: 'CUSTOM', roundKinds: ['SQL'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);

  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  const before = `SELECT 1 -- ${id}`;
  await roundEditor(guest).click();
  await guest.keyboard.type(before);
  await expect(roundEditor(host)).toContainText(before);

  const refusal = guest.getByRole('alert').filter({ hasText: 'too much text to add at once' });
  for (const [size, shown] of [
    [3 * 1024 * 1024, '3,072 KB'],
    [500 * 1024, '500 KB'],
  ] as const) {
    await paste(guest, size);
    await expect(refusal).toContainText(`at most 255 KB in one paste, and this was ${shown}`);
    await expect(roundEditor(guest)).toHaveText(before);
    await guest.getByRole('button', { name: 'Dismiss' }).click();
    await expect(refusal).toHaveCount(0);
  }

  // The connection never dropped, and the editor goes on: the partner sees what is typed next, and so does a reload.
  await expect(guest.getByTestId('connection')).toHaveText(/^Connected/);
  const after = ` -- typed after the paste ${id}`;
  await roundEditor(guest).press('End');
  await guest.keyboard.type(after);
  await expect(roundEditor(host)).toContainText(`${before}${after}`);
  await expect(guest.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  const editor = await db.document.findFirstOrThrow({ where: { sessionId, kind: 'ROUND_EDITOR' }, select: { id: true } });
  await expect.poll(async () => storedDocumentText((await loadStoredDocument(db, editor.id))!)).toBe(`${before}${after}`);
  await guest.reload();
  await expect(roundEditor(guest)).toHaveText(`${before}${after}`);

  await close();
});

test('an edit the server refuses for good is taken out of the editor, with a message, and editing goes on', async ({ browser }) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const id = randomBytes(4).toString('hex');
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Full document ${id}`, template: 'CUSTOM', roundKinds: ['SQL'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const hostContext = await browser.newContext();
  const guestContext = await browser.newContext();
  await signInViaApi(hostContext.request, interviewer);
  await signInViaApi(guestContext.request, candidate);
  // The candidate's page hears of the interviewer's edits only when the test lets it: until then its editor cannot
  // know the document is nearly full, so the refusal comes from the server (DOCUMENT_MAX_BYTES, 2 MiB).
  let isHoldingEdits = true;
  const held: (() => void)[] = [];
  await guestContext.routeWebSocket(/\/socket\.io\//, (page) => {
    const server = page.connectToServer();
    server.onMessage((message) => {
      if (isHoldingEdits && typeof message === 'string' && message.startsWith('42["doc:updated"')) held.push(() => page.send(message));
      else page.send(message);
    });
  });
  const host = await hostContext.newPage();
  const guest = await guestContext.newPage();
  await host.goto(`/sessions/${sessionId}`);
  await guest.goto(`/sessions/${sessionId}`);
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  const kept = `-- kept ${id}`;
  await roundEditor(guest).click();
  await guest.keyboard.type(kept);
  await expect(roundEditor(host)).toContainText(kept);

  // The interviewer fills the document to within 60 KB of its limit, in pastes the editor takes, ahead of her
  // line: her paste below goes after it, so the two never land at one position (Yjs would order such concurrent
  // inserts by client id, which is random, and where her caret ends up would be a coin toss).
  await roundEditor(host).click();
  await roundEditor(host).press('Control+Home');
  for (let paste_ = 0; paste_ < 8; paste_ += 1) await paste(host, 255_000);
  await expect(host.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');

  // The candidate's 100 KB would fit as far as her page knows; the server refuses it.
  await paste(guest, 100_000);
  await expect(guest.getByRole('alert').filter({ hasText: 'not saved' })).toContainText('size limit (2048 KB)');
  isHoldingEdits = false;
  for (const send of held.splice(0)) send();

  // Her copy is the server's again, without the refused paste (her caret was at the end of her paste, the end of
  // the document, and stays at its end); she types on, the interviewer sees it, and it is saved.
  // (The line also carries the cursors' name labels; the stored text below is checked exactly.)
  await expect(roundEditor(guest).locator('.cm-line').last()).toContainText(kept);
  await guest.keyboard.type('-- and more');
  await expect(roundEditor(host)).toContainText('-- and more');
  await expect(guest.getByTestId('connection')).toHaveAttribute('data-unsynced', '0');
  const editor = await db.document.findFirstOrThrow({ where: { sessionId, kind: 'ROUND_EDITOR' }, select: { id: true } });
  const stored = storedDocumentText((await loadStoredDocument(db, editor.id))!);
  expect(stored.startsWith(`${'p'.repeat(99)}\n`)).toBe(true);
  expect(stored.endsWith(`${'p'.repeat(99)}\n${kept}-- and more`)).toBe(true);
  expect(stored).toHaveLength(8 * 255_000 + kept.length + '-- and more'.length);

  await hostContext.close();
  await guestContext.close();
});
