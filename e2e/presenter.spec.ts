/**
 * Presenter mode: toggled by the header button and the P key, kept in the URL (pm=1), left with
 * Escape; large type, high contrast, chrome hidden; during a lesson only the step's panel and the
 * controls it needs stay, and the keyboard steps through the chapter — in both languages.
 */
import { expect, test, type Page } from '@playwright/test';

const rootFontPx = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

async function urlParam(page: Page, key: string) {
  return new URL(page.url()).searchParams.get(key);
}

test('the header button and P toggle presenter mode (in the URL); Escape leaves it', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const base = await rootFontPx(page);
  await expect(page.locator('.topbar nav')).toBeVisible();

  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect.poll(() => urlParam(page, 'pm')).toBe('1');
  expect(await rootFontPx(page)).toBeGreaterThanOrEqual(base * 1.25);
  // High contrast: black on white, chrome hidden.
  const colours = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return { ink: getComputedStyle(document.documentElement).color, bg: s.backgroundColor };
  });
  expect(colours).toEqual({ ink: 'rgb(0, 0, 0)', bg: 'rgb(255, 255, 255)' });
  await expect(page.locator('.topbar nav')).toBeHidden();
  await expect(page.locator('.intro')).toBeHidden();
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');

  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await expect.poll(() => urlParam(page, 'pm')).toBeNull();
  await expect(page.locator('.topbar nav')).toBeVisible();

  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  // Typing P into a field is typing, not a toggle.
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-link').press('p');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  expect(errors).toEqual([]);
});

test('presenting a lesson: only the step’s panel and controls stay; the keyboard steps', async ({
  page,
}) => {
  await page.goto('/?v=1&pm=1&ls=hippo&st=1');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  const bar = page.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-step', '1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-step', '3');
  await expect.poll(() => urlParam(page, 'st')).toBe('3');
  // Step 3 (LegS eigenvalues) keeps the eigenvalue panel and the N control only.
  await expect(page.locator('[data-panel="eigenvalues"]')).toBeVisible();
  await expect(page.locator('[data-panel="eigenvalues"]')).toHaveAttribute(
    'data-lesson-highlight',
    '',
  );
  for (const id of ['signal', 'matrices', 'kernel', 'rtf'])
    await expect(page.locator(`[data-panel="${id}"]`)).toBeHidden();
  await expect(page.locator('input[data-param="N"]')).toBeVisible();
  for (const key of ['m', 'th', 'dt', 'd', 'L', 'sig'])
    await expect(page.locator(`[data-param="${key}"]`)).toBeHidden();
  await expect(page.getByTestId('lesson-claim')).toBeVisible();

  // PageDown (a presenter's clicker) moves on: step 4 shows the basis panel.
  await page.keyboard.press('PageDown');
  await expect(bar).toHaveAttribute('data-step', '4');
  await expect(page.locator('[data-panel="basis"]')).toBeVisible();
  await expect(page.locator('[data-panel="eigenvalues"]')).toBeHidden();
  // Escape leaves presenter mode; the lesson stays open and every panel returns.
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await expect(bar).toHaveAttribute('data-step', '4');
  await expect(page.locator('[data-panel="eigenvalues"]')).toHaveCount(1);
  await page.locator('[data-panel="eigenvalues"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-panel="eigenvalues"]')).toBeVisible();
});

test('presenter mode in 简体中文 (lang=zh): Chinese words, large type, keyboard stepping', async ({
  page,
}) => {
  await page.goto('/?v=1&lang=zh&pm=1&ls=s4&st=3');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByTestId('lesson-title')).toHaveText('正规加低秩');
  await expect(page.getByTestId('lesson-bar')).toContainText('第 3 步，共 7 步');
  await expect(page.getByTestId('presenter-toggle')).toContainText('演示');
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute(
    'title',
    '退出演示模式（Esc）',
  );
  expect(await rootFontPx(page)).toBeGreaterThanOrEqual(20);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-title')).toHaveText('Woodbury 恒等式与 Cauchy 核');
  await expect(page.locator('[data-panel="kernel"]')).toBeVisible();
  await expect(page.getByTestId('lesson-claim')).toContainText('N = 64，L = 1024');
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await expect.poll(() => urlParam(page, 'pm')).toBeNull();
  expect(await urlParam(page, 'lang')).toBe('zh');
});
