import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { buildSignUpInput } from '../factories/user-factory';
import { PROJECT_ROOT, startServer, type RunningServer } from '../support/start-server';
import { getE2eDatabaseUrl } from './support/accounts';

// Issue 24, item 2: in development the app works at any address the machine has, not only at localhost (Next's dev
// server refuses its scripts to pages opened at other names unless next.config.mjs lists them: the page then
// renders but never hydrates, and sign-up stops at "Creating your account…"). This starts `npm run dev`'s server on
// the e2e database and signs up through the form at 127.0.0.1 and at the machine's LAN address: reaching the
// signed-in home page takes hydration, the server action and the client's sign-in call.

const DEV_COMPILE_MS = 5 * 60_000; // Next compiles each route on its first request: minutes on a busy 2-core machine.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
}

/** The production build's own files (written by `npm run build` only, never by a server), with their change times. */
function productionBuildStamp(): string[] {
  return ['BUILD_ID', 'build-manifest.json', 'app-path-routes-manifest.json', 'required-server-files.json', 'mockloop-server.mjs'].map((name) => {
    const file = path.join(PROJECT_ROOT, '.next', name);
    return `${name} ${existsSync(file) ? statSync(file).mtimeMs : 'missing'}`;
  });
}

async function signUpThroughTheForm(browser: Browser, origin: string): Promise<void> {
  const account = buildSignUpInput();
  const context = await browser.newContext({ baseURL: origin });
  try {
    const page = await context.newPage();
    await page.goto('/sign-up', { timeout: DEV_COMPILE_MS });
    const submit = page.getByRole('button', { name: 'Create account' });
    // Hydrated: React has attached its props to the button. Before that a click would post the form without the
    // script that signs in afterwards, which is the very failure this test is for, so it must not be mistaken for it.
    await expect
      .poll(() => submit.evaluate((button) => Object.keys(button).some((key) => key.startsWith('__reactProps'))), { timeout: DEV_COMPILE_MS })
      .toBe(true);
    await page.getByLabel('Name').fill(account.name);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await submit.click();
    await expect(page.getByRole('heading', { name: `Welcome, ${account.name}` })).toBeVisible({ timeout: DEV_COMPILE_MS });
    await expect(page.getByTestId('current-user')).toHaveText(account.name);
    expect(new URL(page.url()).origin).toBe(origin);
  } finally {
    await context.close();
  }
}

test('the development server works at 127.0.0.1 and at the LAN address: sign-up through the form reaches the home page', async ({ browser }) => {
  test.setTimeout(15 * 60_000);
  const buildBefore = productionBuildStamp();
  const port = await freePort();
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      mode: 'development',
      // No NEXTAUTH_URL: in development the address the page was opened at is the one it signs in at.
      env: { DATABASE_URL: await getE2eDatabaseUrl(), NEXTAUTH_SECRET: randomBytes(32).toString('hex'), PORT: String(port) },
      timeoutMs: DEV_COMPILE_MS,
    });
    expect(server.output()).toContain('(development,');

    await signUpThroughTheForm(browser, `http://127.0.0.1:${port}`);
    const lan = lanAddress();
    if (lan) await signUpThroughTheForm(browser, `http://${lan}:${port}`);
    else test.info().annotations.push({ type: 'skipped', description: 'this machine has no LAN IPv4 address' });
  } finally {
    await server?.stop();
  }
  // Next 16 keeps the dev server's output in .next/dev: the build the other specs run on is untouched.
  expect(existsSync(path.join(PROJECT_ROOT, '.next', 'dev'))).toBe(true);
  expect(productionBuildStamp()).toEqual(buildBefore);
});
