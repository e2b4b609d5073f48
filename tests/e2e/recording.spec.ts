import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { openRoomAsBoth, endRound, completeSession } from './support/room-pages';

// Recording with consent in real Chromium with its fake microphone: the interviewer asks, the candidate says yes,
// both see the indicator, slices upload, the interviewer stops; then the report's replay plays both voices, as
// long as they were recorded, and a seek of the replay moves each voice to the same moment.

test('a consented recording uploads while it runs and the report replay plays it in step with the text', async ({ browser }) => {
  test.setTimeout(120_000);
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const id = randomBytes(4).toString('hex');
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Recorded ${id}`, template: 'SQL_VELOCITY_DRILL' });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });

  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);
  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();

  await host.getByRole('button', { name: 'Record audio' }).click();
  await expect(host.getByText('asks to record audio · 1 of 2 agreed')).toBeVisible();
  // Nothing runs before the candidate answers.
  await expect(host.getByTestId('recording-indicator')).toHaveCount(0);
  await guest.getByRole('button', { name: 'Allow recording my voice' }).click();
  await expect(host.getByTestId('recording-indicator')).toBeVisible();
  await expect(guest.getByTestId('recording-indicator')).toBeVisible();

  const editor = host.getByRole('textbox', { name: 'Round 1 editor' });
  await editor.click();
  await host.keyboard.type(`SELECT 1 -- ${id}`);
  // Two 5 s slices stored for each, acknowledged by the server.
  for (const page of [host, guest]) await expect(page.getByTestId('recording-indicator')).toContainText('2 saved', { timeout: 20_000 });
  await host.keyboard.type('\nFROM logins');
  await host.getByRole('button', { name: 'Stop recording' }).click();
  for (const page of [host, guest]) await expect(page.getByTestId('recording-indicator')).toHaveCount(0);

  const recording = await db.recording.findFirstOrThrow({ where: { sessionId }, select: { id: true, status: true, startedAt: true, stoppedAt: true } });
  expect(recording.status).toBe('STOPPED');
  // Each recorder's last slice (made at the stop) reaches the server too.
  await expect
    .poll(async () => db.recordingTrack.count({ where: { recordingId: recording.id, chunks: { some: { recordedAt: { gte: new Date(recording.stoppedAt!.getTime() - 500) } } } } }), {
      timeout: 15_000,
    })
    .toBe(2);
  const tracks = await db.recordingTrack.findMany({
    where: { recordingId: recording.id },
    select: { id: true, userId: true, startedAt: true, chunks: { orderBy: { sequence: 'desc' }, take: 1, select: { recordedAt: true, sequence: true } } },
  });
  expect(tracks.every((track) => track.chunks[0]!.sequence >= 2)).toBe(true);

  await endRound(host);
  await completeSession(host);
  await host.goto(`/sessions/${sessionId}/report`);
  await host.getByText('Replay how it was written, with the recorded voices').click();
  const audio = host.getByTestId('replay-audio');
  await expect(audio).toHaveCount(2);

  for (const track of tracks) {
    const recordedSeconds = (track.chunks[0]!.recordedAt.getTime() - track.startedAt.getTime()) / 1000;
    const element = host.locator(`[data-testid="replay-audio"][data-started-at="${track.startedAt.getTime()}"]`);
    // The audio the replay plays, decoded whole (MediaRecorder's WebM carries no duration for the <audio> element to
    // report until it has read to the end, so the decoder is the exact measure of what was stored and served). It
    // lasts the track's own stretch, from its recorder's start to its last slice. (Not the recording's stretch from the
    // yes to the stop: a loaded machine opens the microphone seconds late, which the replay absorbs by placing each
    // track at its own start.)
    const duration = await element.evaluate(async (node: HTMLAudioElement) => {
      const bytes = await (await fetch(node.currentSrc || node.src)).arrayBuffer();
      const decoded = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(bytes);
      return decoded.duration;
    });
    expect(Math.abs(duration - recordedSeconds)).toBeLessThan(1);
  }

  // Seek the replay twice: the host's voice follows to the same moment, and the text to what was written by then.
  const hostTrack = tracks.find((track) => track.userId === interviewer.id)!;
  const voice = host.locator(`[data-testid="replay-audio"][data-started-at="${hostTrack.startedAt.getTime()}"]`);
  for (const intoTrackMs of [7_000, 3_000]) await seekAndExpectVoice(host, hostTrack.startedAt.getTime() + intoTrackMs, voice, intoTrackMs / 1000);

  // Play at 2x: the voice plays at the replay's speed, and the text and the voice move on together.
  await host.getByTestId('replay').getByLabel('Speed').selectOption('2');
  await host.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => voice.evaluate((node: HTMLAudioElement) => !node.paused && node.playbackRate === 2)).toBe(true);
  await expect.poll(() => voice.evaluate((node: HTMLAudioElement) => node.currentTime)).toBeGreaterThan(4);
  await host.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => voice.evaluate((node: HTMLAudioElement) => node.paused)).toBe(true);
  const clockAt = Number(await host.getByTestId('replay').getAttribute('data-clock-at'));
  const voiceAt = await voice.evaluate((node: HTMLAudioElement) => node.currentTime);
  expect(Math.abs((clockAt - hostTrack.startedAt.getTime()) / 1000 - voiceAt)).toBeLessThan(0.5);
  await close();
});

async function seekAndExpectVoice(page: Page, clockAt: number, voice: ReturnType<Page['locator']>, expectedSeconds: number): Promise<void> {
  const replay = page.getByTestId('replay');
  // The scrub runs from the replay's start: offset 0 is the clock the player shows before anything moves.
  await page.getByLabel('Replay position').fill('0');
  const startAt = Number(await replay.getAttribute('data-clock-at'));
  const offset = Math.round((clockAt - startAt) / 100) * 100;
  await page.getByLabel('Replay position').fill(String(offset));
  await expect(replay).toHaveAttribute('data-clock-at', String(startAt + offset));
  await expect.poll(() => voice.evaluate((node: HTMLAudioElement) => node.currentTime)).toBeGreaterThan(expectedSeconds - 0.4);
  expect(await voice.evaluate((node: HTMLAudioElement) => node.currentTime)).toBeLessThan(expectedSeconds + 0.4);
}
