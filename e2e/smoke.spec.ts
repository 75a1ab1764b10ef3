import { expect, test } from './fixtures';
import { PANELS } from './panels';

test('the built app loads with its title, header and lab root, and logs no errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));

  await page.goto('/');

  await expect(page).toHaveTitle('SSM Lab');
  await expect(page.getByRole('heading', { level: 1, name: 'SSM Lab' })).toBeVisible();
  await expect(
    page.getByText(/HiPPO compresses everything it has seen into N numbers/),
  ).toBeVisible();
  // All ten panels are in the page from the start (UI.md).
  for (const id of PANELS) {
    await expect(page.locator(`[data-panel="${id}"]`)).toHaveCount(1);
  }
  await expect(page.getByTestId('lab-root')).toHaveCount(1);

  // Let late module and asset loads finish before judging the console.
  await page.waitForLoadState('networkidle');

  expect(errors).toEqual([]);
});
