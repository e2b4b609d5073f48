import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { openRoomAsBoth } from './support/room-pages';

// A paste larger than the server takes (SOCKET_MAX_MESSAGE_BYTES, 256 KiB by default) used to drop the socket and
// stop all saving. Now the editor refuses it and says why; the connection stays up and typing goes on, to the
// partner and to PostgreSQL.

const roundEditor = (page: Page) => page.getByRole('textbox', { name: 'Round 1 editor' });

/** Pastes `size` characters into the focused round editor through the browser's paste event, as Ctrl+V would. */
async function paste(page: Page, size: number): Promise<void> {
  await roundEditor(page).evaluate((editor, length) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', 'p'.repeat(length));
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
