import { expect, test, type Request } from '@playwright/test';
import { createAccount, signInViaApi } from './support/accounts';

// Issue 21: a page prefetches what the user is about to open, not every link in view. The questions list has a
// link per question and the header six more; none is fetched until the pointer rests on one.
test('a list page prefetches nothing on load, and the link under the pointer when it is hovered', async ({ page }) => {
  const account = await createAccount();
  await signInViaApi(page.request, account);
  const prefetched: string[] = [];
  const isPrefetch = (request: Request) => Boolean(request.headers()['next-router-prefetch']);
  page.on('request', (request) => {
    if (isPrefetch(request)) prefetched.push(new URL(request.url()).pathname);
  });

  await page.goto('/questions');
  const links = page.getByRole('list', { name: 'Questions' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeGreaterThan(10);
  await page.waitForLoadState('networkidle');
  expect(prefetched).toEqual([]);

  const first = links.first();
  const href = await first.getAttribute('href');
  const prefetch = page.waitForRequest((request) => isPrefetch(request) && new URL(request.url()).pathname === href);
  await first.hover();
  await prefetch;
  expect(new Set(prefetched)).toEqual(new Set([href]));

  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
