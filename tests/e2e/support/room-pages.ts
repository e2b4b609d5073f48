import type { Browser, Page } from '@playwright/test';
import { signInViaApi, type E2eAccount } from './accounts';

/**
 * The interviewer and the candidate, each signed in in a browser context of their own, with the session's
 * room open. `close()` ends both contexts.
 */
export async function openRoomAsBoth(
  browser: Browser,
  sessionId: string,
  interviewer: Pick<E2eAccount, 'email' | 'password'>,
  candidate: Pick<E2eAccount, 'email' | 'password'>,
): Promise<{ host: Page; guest: Page; close(): Promise<void> }> {
  const interviewerContext = await browser.newContext();
  const candidateContext = await browser.newContext();
  await signInViaApi(interviewerContext.request, interviewer);
  await signInViaApi(candidateContext.request, candidate);
  const host = await interviewerContext.newPage();
  const guest = await candidateContext.newPage();
  await host.goto(`/sessions/${sessionId}`);
  await guest.goto(`/sessions/${sessionId}`);
  return {
    host,
    guest,
    close: async () => {
      await interviewerContext.close();
      await candidateContext.close();
    },
  };
}

/** Clicks *End round* and confirms it in the dialog that asks (ending makes the editor read-only for good). */
export async function endRound(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End round' }).click();
  await page.getByRole('dialog', { name: 'End this round now?' }).getByRole('button', { name: 'End round' }).click();
}

/** Clicks *Complete session* and confirms it. */
export async function completeSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Complete session' }).click();
  await page.getByRole('dialog', { name: 'Complete the session?' }).getByRole('button', { name: 'Complete session' }).click();
}
