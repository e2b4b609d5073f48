import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_PORT } from './tests/e2e/support/e2e-environment';
import { productionCommand } from './tests/support/production-command';

// Playwright cannot download its own browsers on an offline machine; the tests drive the system's Chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `No Chromium at ${chromiumPath}. End-to-end tests need a real browser: install Debian's package ` +
      '(`sudo apt-get install -y chromium`) or point CHROMIUM_PATH at a Chromium/Chrome executable.',
  );
}

const port = E2E_PORT;
const baseURL = E2E_BASE_URL;
// A fresh embedded database per run unless DATABASE_URL names one; tests create their own users either way.
const dataDir = E2E_DATA_DIR;
const production = productionCommand(import.meta.dirname);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    // A stuck action fails at its own step (with its locator in the report), not as an anonymous test timeout.
    actionTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            // The call (issue 22): a fake camera and microphone (a test pattern and a beep) and no permission
            // prompt. A context still refuses both unless its test grants them (context.grantPermissions).
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf "${dataDir}" && node ${production.nodeArgs.join(' ')}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // The default is SIGKILL, which leaves the server no chance to stop its embedded PostgreSQL (a detached
    // postmaster, so the next start has to clean it up). SIGTERM runs the server's own graceful shutdown.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    env: {
      ...production.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      MOCKLOOP_DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
    },
  },
});
