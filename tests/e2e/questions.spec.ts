import { expect, test } from '@playwright/test';
import { buildQuestionInput } from '../factories/question-factory';
import { createAccount, signInViaApi } from './support/accounts';

test('write a question, fix a validation error, edit it, and find it by search', async ({ page }) => {
  const account = await createAccount();
  await signInViaApi(page.request, account);
  const question = buildQuestionInput();

  await page.goto('/questions');
  await page.getByRole('link', { name: 'New question' }).click();
  await expect(page).toHaveURL(/\/questions\/new$/);

  // Everything but the title: the form says what is missing and keeps what was typed.
  await page.getByLabel('Round').selectOption({ label: 'SQL' });
  await page.getByLabel('Difficulty').selectOption({ label: 'Medium' });
  await page.getByLabel('Prompt').fill(question.prompt);
  await page.getByLabel('Solution').fill(question.solution);
  await page.getByRole('button', { name: 'Create question' }).click();
  await expect(page.locator('#field-title-error')).toHaveText('Enter a title.');
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Prompt')).toHaveValue(question.prompt);
  await expect(page.getByLabel('Round')).toHaveValue('SQL');
  await expect(page.getByLabel('Difficulty')).toHaveValue('MEDIUM');

  await page.getByLabel('Title').fill(question.title);
  await page.getByRole('button', { name: 'Create question' }).click();
  await expect(page.getByRole('heading', { level: 1, name: question.title })).toBeVisible();
  await expect(page).toHaveURL(/\/questions\/[a-z0-9]+$/);
  // The prompt is rendered Markdown; the author sees the interviewer guide.
  await expect(page.locator('.card .markdown code').first()).toContainText('events_');
  await expect(page.getByTestId('question-guide')).toContainText(question.marker);

  const renamed = `${question.title} (revised)`;
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Title')).toHaveValue(question.title);
  await page.getByLabel('Title').fill(renamed);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('REVISED');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=REVISED/);
  const results = page.getByRole('list', { name: 'Questions' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('link', { name: renamed })).toBeVisible();
  await expect(results.getByRole('listitem')).toContainText('Yours');
});
