import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { storedTwistSchema } from '@/lib/questions/question-views';
import { getSignal } from '@/lib/rubric/signal-catalog';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { createAccount, getE2eDb } from './support/accounts';
import { openRoomAsBoth, endRound, completeSession } from './support/room-pages';

// An interviewer fires a scripted twist in a design round: the candidate sees it appear (and again after a
// reload), the interviewer's Scorecard tab names the signal it probes, and both reports put it on the timeline.

test('an interviewer fires a twist, the candidate sees it, and the report’s timeline shows it', async ({ browser }) => {
  const db = await getE2eDb();
  const interviewer = await createAccount();
  const candidate = await createAccount();
  const id = randomBytes(4).toString('hex');
  const { id: sessionId } = await createSession(db, interviewer.id, { title: `Design twists ${id}`, template: 'CUSTOM', roundKinds: ['SYSTEM_DESIGN'] });
  const invite = await createInvite(db, sessionId, interviewer.id, {});
  await redeemInvite(db, invite.token, { id: candidate.id, email: candidate.email });
  const planned = await db.roundQuestion.findFirstOrThrow({
    where: { round: { sessionId }, position: 0 },
    select: { question: { select: { guide: { select: { twists: true } } } } },
  });
  const [twist, unfired] = storedTwistSchema.array().parse(planned.question.guide?.twists);
  const probed = getSignal(twist!.probesSignalKey).label;

  const { host, guest, close } = await openRoomAsBoth(browser, sessionId, interviewer, candidate);

  await host.getByRole('button', { name: 'Start session' }).click();
  await host.getByRole('button', { name: 'Start round' }).click();
  await expect(guest.getByTestId('timer-status')).toHaveText('Running');
  await expect(guest.getByTestId('round-question')).toHaveCount(1);

  // The interviewer's twist list sits in the Scorecard tab, each twist with the signal it probes.
  await host.getByRole('tab', { name: 'Scorecard' }).click();
  const item = host.locator(`[data-twist-key="${twist!.key}"]`);
  await expect(item.getByTestId('twist-probes')).toHaveText(probed);
  await expect(guest.getByTestId('twist-card')).toHaveCount(0);

  await item.getByRole('button', { name: `Fire twist: ${twist!.title}` }).click();
  await expect(item).toContainText(/Fired at \d+:\d{2}/);
  await expect(host.getByRole('status').filter({ hasText: `Listen for: ${probed}` })).toBeVisible();

  // The candidate sees the twist appear, announced, and nothing of what it probes or the twists not fired.
  const card = guest.getByTestId('twist-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(twist!.title);
  await expect(card).toContainText(twist!.prompt);
  await expect(guest.getByRole('status').filter({ hasText: `New twist from your interviewer: ${twist!.title}` })).toBeAttached();
  for (const secret of [twist!.strongAnswer, probed, unfired!.prompt]) expect(await guest.content()).not.toContain(secret);

  // It survives a reload: the room loads fired twists from the database.
  await guest.reload();
  await expect(guest.getByTestId('twist-card')).toContainText(twist!.prompt);

  await endRound(host);
  await completeSession(host);
  await expect(guest.getByText('This session is complete.', { exact: false })).toBeVisible();

  await guest.goto(`/sessions/${sessionId}/report`);
  await expect(guest.getByTestId('timeline-event').filter({ hasText: `Twist fired: ${twist!.title}` })).toHaveCount(1);
  await expect(guest.getByTestId('timeline-event').filter({ hasText: probed })).toHaveCount(0);
  await host.goto(`/sessions/${sessionId}/report`);
  await expect(host.getByTestId('timeline-event').filter({ hasText: `Twist fired: ${twist!.title} (probes ${probed})` })).toHaveCount(1);

  await close();
});
