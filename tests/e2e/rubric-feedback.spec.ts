import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { findSignalsForRound } from '@/lib/rubric/signal-catalog';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { openRoomAsBoth, endRound, completeSession } from './support/room-pages';

// An interviewer scores live (one signal in time, one late), wraps up, debriefs and publishes; the candidate
// sees nothing of the rubric before that, and the verdicts after. Each round has exactly one timed signal
// (the syllabus's first-two-minutes expectation), so the in-time mark is in the SQL round and the late one
// in the data-modeling round, whose stored clock the test moves three minutes on while it is paused.

const PARTITION_FILTER = 'sql.names-partition-filter';
const CTES = 'sql.decomposes-with-ctes';
const GRAIN = 'modeling.states-grain';
const signalEntry = (page: Page, key: string) => page.locator(`[data-signal-key="${key}"]`);

async function markObservedNow(page: Page, key: string): Promise<void> {
  await signalEntry(page, key).getByRole('button', { name: /^Observed now/ }).click();
  await expect(signalEntry(page, key)).toContainText(/Observed at \d+:\d{2}/);
}

test('an interviewer scores live, publishes, and only then does the candidate see the verdicts', async ({ browser }) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const id = randomBytes(4).toString('hex');
  const { id: sessionId } = await createSession(db, interviewer.id, {
    title: `Scored loop ${id}`,
    template: 'CUSTOM',
    roundKinds: ['SQL', 'DATA_MODELING'],
  });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });

  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);

  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');

  // Round 1, SQL: the partition filter named within the first two minutes.
  await host.getByRole('tab', { name: 'Scorecard' }).click();
  await markObservedNow(host, PARTITION_FILTER);
  await expect(signalEntry(host, PARTITION_FILTER).getByTestId('verdict')).toHaveText('In time');
  const sharedNote = `Named ds and the trailing six days ${id}`;
  const privateNote = `Hesitated on the join, private ${id}`;
  const partitionFilter = signalEntry(host, PARTITION_FILTER);
  await partitionFilter.getByText('Rate and note').click();
  await partitionFilter.getByRole('radio', { name: /^E6/ }).check();
  await partitionFilter.getByRole('textbox', { name: 'Note' }).fill(sharedNote);
  await partitionFilter.getByRole('textbox', { name: 'Note' }).blur();
  await partitionFilter.getByRole('checkbox', { name: /Share this note/ }).check();
  const ctes = signalEntry(host, CTES);
  await ctes.getByText('Rate and note').click();
  await ctes.getByRole('textbox', { name: 'Note' }).fill(privateNote);
  await ctes.getByRole('textbox', { name: 'Note' }).blur();
  await host.getByRole('radio', { name: 'Yes', exact: true }).check();
  await host.getByLabel('Level estimate').selectOption('E6');
  await host.getByLabel(/Problems solved/).selectOption('1');
  await expect.poll(() => db.signalScore.count({ where: { note: sharedNote, noteShareable: true, rating: 'E6' } })).toBe(1);
  await expect.poll(() => db.signalScore.count({ where: { note: privateNote } })).toBe(1);
  await expect.poll(async () => (await db.scorecard.findFirst({ where: { sessionId } }))?.problemsSolved).toBe(1);
  await expect(host.getByTestId('save-status')).toHaveText('All changes saved');

  // The candidate's pages hold none of it: not the room, not the feedback page, not the debrief.
  const sqlSignals = findSignalsForRound('SQL');
  const rubricTexts = [sharedNote, privateNote, ...sqlSignals.flatMap((signal) => [signal.label, signal.anchors.E6])];
  const candidateHtml = [await guest.content()];
  for (const path of ['feedback', 'debrief']) {
    const response = await guest.request.get(`/sessions/${sessionId}/${path}`);
    expect(response.status()).toBe(404);
    candidateHtml.push(await response.text());
  }
  for (const html of candidateHtml) for (const text of rubricTexts) expect(html).not.toContain(text);

  await endRound(host);
  await host.getByRole('button', { name: 'Next round' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(host.getByTestId('timer-status')).toHaveText('Running');

  // Round 2, data modeling: the grain stated only at 3:xx.
  await host.getByRole('button', { name: 'Pause' }).click();
  await expect(host.getByTestId('timer-status')).toHaveText('Paused');
  await db.round.update({ where: { sessionId_position: { sessionId, position: 1 } }, data: { elapsedMs: { increment: 180_000 } } });
  await host.getByRole('button', { name: 'Resume' }).click();
  await expect(host.getByTestId('timer-status')).toHaveText('Running');
  await markObservedNow(host, GRAIN);
  await expect(signalEntry(host, GRAIN)).toContainText(/Observed at 3:\d{2}/);
  await expect(signalEntry(host, GRAIN).getByTestId('verdict')).toHaveText('Late');
  await host.getByRole('radio', { name: 'Lean yes', exact: true }).check();
  await expect(host.getByTestId('save-status')).toHaveText('All changes saved');
  await endRound(host);
  await completeSession(host);

  // The debrief: both verdicts, the gaps, the Staff-bar call; then publish.
  await host.getByRole('link', { name: /Debrief, wrap up and publish/ }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
  const summary = host.getByRole('table', { name: 'Loop summary' });
  await expect(summary).toContainText('Yes');
  await expect(summary).toContainText('Lean yes');
  await expect(host.locator('.debrief-round').first().getByTestId('verdict').first()).toHaveText('In time');
  await expect(host.getByRole('list', { name: 'Signals never probed' })).toContainText('Mitigates skew when the schema implies it');
  await host.getByRole('radio', { name: 'Meets the Staff (E6) bar' }).check();
  await host.getByLabel('Rationale').fill(`Partition discipline and grain at Staff level ${id}`);
  await host.getByRole('button', { name: 'Save call' }).click();
  await expect(host.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await host.getByRole('button', { name: 'Publish feedback to the candidate' }).click();
  await expect(host.getByRole('button', { name: 'Unpublish' })).toBeVisible();

  // The candidate reads it: verdicts, rating with its anchor, the shared note, never the private one.
  await guest.reload();
  await guest.getByRole('link', { name: 'Read your feedback' }).click();
  await expect(guest.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();
  const partitionRow = guest.getByTestId('feedback-signal').filter({ hasText: 'Names the partition filter up front' });
  await expect(partitionRow.getByTestId('verdict')).toHaveText('In time');
  await expect(partitionRow).toContainText('E6');
  await expect(partitionRow).toContainText(sharedNote);
  const grainRow = guest.getByTestId('feedback-signal').filter({ hasText: 'States the grain before any table' });
  await expect(grainRow.getByTestId('verdict')).toHaveText('Late');
  await expect(guest.getByText('Meets the Staff (E6) bar')).toBeVisible();
  expect(await guest.content()).not.toContain(privateNote);

  // Opened, it is final: the interviewer can no longer take it back.
  await host.reload();
  await expect(host.getByText(/the candidate opened it/)).toBeVisible();
  await expect(host.getByRole('button', { name: 'Unpublish' })).toHaveCount(0);

  await close();
});
