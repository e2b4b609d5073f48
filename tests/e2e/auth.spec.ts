import { expect, test } from '@playwright/test';
import { buildSignUpInput } from '../factories/user-factory';
import { createAccount, signInViaApi } from './support/accounts';

// The one test that signs up and in through the forms themselves; other e2e tests sign in through the API.
test('sign up, sign out, sign in, and a wrong password gets a clear message', async ({ page }) => {
  const account = buildSignUpInput();

  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole('link', { name: 'Create an account' }).click();

  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { name: `Welcome, ${account.name}` })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText(account.name);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId('current-user')).toHaveCount(0);

  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${account.name}` })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('not my password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign-up explains a taken email and a weak password next to their fields', async ({ page, request }) => {
  const existing = buildSignUpInput();
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(existing.name);
  await page.getByLabel('Email').fill(existing.email);
  await page.getByLabel('Password').fill(existing.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(existing.name);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Email').fill(existing.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#field-email-error')).toHaveText('An account with this email already exists. Sign in instead.');
  await expect(page.locator('#field-password-error')).toHaveText('Use at least 10 characters.');
  // A refused submit keeps what was typed.
  await expect(page.getByLabel('Name')).toHaveValue('Someone Else');
  await expect(page.getByLabel('Email')).toHaveValue(existing.email);
  // Nothing was created or signed in.
  const session = await request.get('/api/auth/session');
  expect(await session.json()).toEqual({});
});

// A tab (or newline) is dropped by the browser, so `/\t/evil.example/x` becomes `//evil.example/x`: another site.
test('a return URL the browser would read as another site keeps the user here, on the form and when signed in', async ({ page, baseURL }) => {
  // Were the browser sent there, it would show this page instead of a DNS error.
  await page.context().route((url) => url.hostname === 'evil.example', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>evil.example</h1>' }));
  const home = new URL('/', baseURL).href;
  const account = await createAccount();

  await page.goto('/sign-in?callbackUrl=/%09/evil.example/x');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${account.name}` })).toBeVisible();
  expect(page.url()).toBe(home);

  // Already signed in, the sign-in page forwards to the return URL at once.
  for (const trick of ['/%09/evil.example/x', '/%0A/evil.example/x', '/%5C/evil.example/x', '/..//evil.example/x']) {
    const response = await page.goto(`/sign-in?callbackUrl=${trick}`);
    expect(response?.status(), trick).toBe(200);
    expect(page.url(), trick).toBe(home);
  }
  // A real return path still works.
  await page.goto('/sign-in?callbackUrl=%2Fprogress%3Fround%3D1');
  expect(page.url()).toBe(new URL('/progress?round=1', baseURL).href);
});

test('a signed-in visit to the sign-in page with a return path goes there', async ({ page, baseURL }) => {
  await signInViaApi(page.request, await createAccount());
  await page.goto('/sign-in?callbackUrl=/questions');
  expect(page.url()).toBe(new URL('/questions', baseURL).href);
});
