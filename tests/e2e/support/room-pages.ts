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
