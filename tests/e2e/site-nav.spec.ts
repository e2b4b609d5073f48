import { expect, test } from '@playwright/test';
import { createAccount, signInViaApi } from './support/accounts';

// The signed-in navigation on a phone: a Menu button discloses the links (a disclosure, not an ARIA menu: links stay
// links in tab order). Escape closes it and gives the focus back to the button; following a link closes it.

test('on a phone the Menu button opens the links, Escape closes them back to the button, and a link closes them', async ({ browser }) => {
  const account = await createAccount();
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  await signInViaApi(context.request, account);
  const page = await context.newPage();
  await page.goto('/');

  const toggle = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Account' });
  await expect(nav).toBeHidden();
  await toggle.click();
  const close = page.getByRole('button', { name: 'Close menu' });
  await expect(close).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Sessions' })).toBeVisible();

  // Into the links with Tab, then Escape: the panel closes and the focus is on the button again, not lost.
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Sessions' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'Stories' }).click();
  await expect(page).toHaveURL(/\/stories$/);
  await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  await context.close();
});
