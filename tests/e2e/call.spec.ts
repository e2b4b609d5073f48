import { randomBytes } from 'node:crypto';
import { chromium, expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb, signInViaApi, type E2eAccount } from './support/accounts';
import { E2E_BASE_URL } from './support/e2e-environment';
import { openRoomAsBoth } from './support/room-pages';

// The call in Chromium with its fake camera and microphone (playwright.config.ts): two browsers join, each
// receives the other's audio and video (read from the peer connections' getStats, which the tiles carry as
// data attributes), mute stops the outbound audio, a dropped socket rejoins by itself, and a refused permission
// leaves a clear message and a working room. Every wait is on page state, never on time.

const roundEditor = (page: Page) => page.getByRole('textbox', { name: 'Round 1 editor' });
const tileOf = (page: Page, name: string) => page.getByTestId('call-tile').and(page.locator(`[data-name="${name}"]`));
const numberIn = async (locator: Locator, attribute: string) => Number(await locator.getAttribute(attribute));

async function liveSession(title: string): Promise<{ sessionId: string; interviewer: E2eAccount; candidate: E2eAccount }> {
  const db = await getE2eDb();
  const interviewer = await createAccount({ name: 'Ivy Interviewer' });
  const candidate = await createAccount({ name: 'Cam Candidate' });
  const { id: sessionId } = await createSession(db, interviewer.id, { title, template: 'CUSTOM', roundKinds: ['SQL'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  return { sessionId, interviewer, candidate };
}

async function joinCall(page: Page, joinLabel = 'Join call'): Promise<void> {
  await page.getByRole('button', { name: 'Join the call' }).click();
  // The camera check first; its join button names what the devices allow.
  await page.getByRole('button', { name: joinLabel }).click();
  await expect(page.getByRole('region', { name: 'Call' })).toBeVisible();
}

/** Waits until the tile's counter has grown past its current value by more than `by`. */
async function expectGrowth(tile: Locator, attribute: string, by = 0): Promise<void> {
  const start = await numberIn(tile, attribute);
  await expect.poll(() => numberIn(tile, attribute), { timeout: 20_000, message: `${attribute} grows` }).toBeGreaterThan(start + by);
}

/** Remembers every WebSocket the page opens, so a test can drop the room's connection as a network would. */
async function recordWebSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const opened: WebSocket[] = [];
    Object.assign(window, { __openedWebSockets: opened });
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        opened.push(this);
      }
    };
  });
}

test('two people in a call receive each other’s audio and video; mute stops the audio; a dropped socket rejoins', async ({ browser }) => {
  const { sessionId, interviewer, candidate } = await liveSession(`Call ${randomBytes(4).toString('hex')}`);
  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  for (const page of [host, guest]) await page.context().grantPermissions(['camera', 'microphone']);
  await recordWebSockets(guest.context());
  await guest.reload();
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  await joinCall(host);
  await joinCall(guest);
  const guestOnHost = tileOf(host, candidate.name);
  const hostOnGuest = tileOf(guest, interviewer.name);
  for (const tile of [guestOnHost, hostOnGuest]) {
    await expect(tile).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
    await expectGrowth(tile, 'data-inbound-audio-bytes');
    await expectGrowth(tile, 'data-frames-decoded');
  }

  // The editor keeps working beside the call.
  await roundEditor(guest).click();
  await guest.keyboard.type('SELECT 1 -- in a call');
  await expect(roundEditor(host)).toContainText('SELECT 1 -- in a call');

  // Mute by keyboard (Ctrl+Shift+M): the other side's tile says so, and no more audio leaves this browser.
  await host.keyboard.press('Control+Shift+M');
  await expect(host.getByRole('button', { name: 'Unmute' })).toBeVisible();
  await expect(hostOnGuest.getByText('Muted')).toBeVisible();
  const hostSelf = host.getByTestId('call-self-tile');
  // One statistics round after the mute (video keeps flowing, so the frame counter marks that rounds passed) ...
  await expectGrowth(guestOnHost, 'data-frames-decoded');
  const mutedBytes = await numberIn(hostSelf, 'data-outbound-audio-bytes');
  // ... then about a second of video later (30 more frames at the fake camera's 30 fps), not one audio byte more.
  await expectGrowth(guestOnHost, 'data-frames-decoded', 30);
  expect(await numberIn(hostSelf, 'data-outbound-audio-bytes')).toBe(mutedBytes);
  // Unmuted, the same counter moves again: the check above could have failed.
  await host.getByRole('button', { name: 'Unmute' }).click();
  await expectGrowth(hostSelf, 'data-outbound-audio-bytes');
  await expect(hostOnGuest.getByText('Muted')).toBeHidden();

  // The candidate's connection to the server drops: socket.io reconnects, and the call comes back by itself.
  const participantBefore = await guestOnHost.getAttribute('data-participant-id');
  await guest.evaluate(() => {
    for (const socket of (window as unknown as { __openedWebSockets: WebSocket[] }).__openedWebSockets) socket.close();
  });
  await expect(tileOf(host, candidate.name)).not.toHaveAttribute('data-participant-id', participantBefore!, { timeout: 20_000 });
  await expect(guestOnHost).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(tileOf(host, candidate.name)).toHaveCount(1);
  await expectGrowth(guestOnHost, 'data-frames-decoded');
  await expectGrowth(guestOnHost, 'data-inbound-audio-bytes');
  await expect(hostOnGuest).toHaveAttribute('data-state', 'connected');
  await expectGrowth(hostOnGuest, 'data-frames-decoded');

  // On a phone-sized screen the call's controls and tiles fit within the width.
  await guest.setViewportSize({ width: 390, height: 844 });
  for (const name of ['Mute', 'Camera off', 'Shrink tiles', 'Leave call']) await expect(guest.getByRole('button', { name, exact: true })).toBeInViewport();
  await expect(hostOnGuest).toBeInViewport();
  const callBox = await guest.getByRole('region', { name: 'Call' }).boundingBox();
  expect(callBox!.x + callBox!.width).toBeLessThanOrEqual(390);
  await guest.getByRole('button', { name: 'Shrink tiles' }).click();
  await guest.getByRole('button', { name: 'Hide tiles' }).click();
  await expect(hostOnGuest).toBeHidden();
  await guest.getByRole('button', { name: 'Show tiles' }).click();

  // Leaving: the other side's tile says so.
  await guest.getByRole('button', { name: 'Leave call' }).click();
  await expect(guestOnHost).toHaveAttribute('data-state', 'left');
  await expect(guestOnHost.getByText('Left the call')).toBeVisible();
  await close();
});

test('a refused camera and microphone explain themselves; listen-only still hears and sees, and the editor works', async ({ browser }) => {
  const { sessionId, interviewer, candidate } = await liveSession(`Refused call ${randomBytes(4).toString('hex')}`);
  // The candidate's browser is launched without the flag that accepts the permission prompt: headless, the prompt
  // is refused, and getUserMedia meets the browser's own NotAllowedError, as after a user's "Block".
  const refusing = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream'],
  });
  const hostContext = await browser.newContext();
  const guestContext = await refusing.newContext({ baseURL: E2E_BASE_URL });
  await signInViaApi(hostContext.request, interviewer);
  await signInViaApi(guestContext.request, candidate);
  await hostContext.grantPermissions(['camera', 'microphone']);
  const host = await hostContext.newPage();
  const guest = await guestContext.newPage();
  await host.goto(`/sessions/${sessionId}`);
  await guest.goto(`/sessions/${sessionId}`);
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  await joinCall(host);
  await guest.getByRole('button', { name: 'Join the call' }).click();
  await expect(guest.getByRole('alert').filter({ hasText: 'blocked the camera and microphone' })).toBeVisible();
  await guest.getByRole('button', { name: 'Join listen-only' }).click();

  const hostOnGuest = tileOf(guest, interviewer.name);
  await expect(hostOnGuest).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expectGrowth(hostOnGuest, 'data-inbound-audio-bytes');
  await expectGrowth(hostOnGuest, 'data-frames-decoded');
  const guestOnHost = tileOf(host, candidate.name);
  await expect(guestOnHost.getByText('Muted')).toBeVisible();
  await expect(guestOnHost.getByText('Camera off')).toBeVisible();

  await roundEditor(guest).click();
  await guest.keyboard.type('SELECT 2 -- listen-only');
  await expect(roundEditor(host)).toContainText('SELECT 2 -- listen-only');
  await hostContext.close();
  await refusing.close();
});
