/**
 * The link is the lab's state (DESIGN §6): a link made in the UI reopens elsewhere with the same
 * parameters and the same numbers; a broken link opens anyway, with a dismissible notice naming
 * each fix; an old (version-0) link migrates.
 */
import { expect, test, type Page } from '@playwright/test';

const KERNEL = '[data-panel="kernel"]';
const SIGNAL = '[data-panel="signal"]';

/** Collects page errors (uncaught exceptions) of a page. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const params = (page: Page) => page.evaluate(() => window.ssmLab.getParams());

/** The slider's shown value (its <output>). */
const sliderOutput = (page: Page, key: string) =>
  page.locator(`label.control:has(input[data-param="${key}"]) output`);

/** Waits until the kernel panel is drawn and no method is still computing. */
async function kernelSettled(page: Page) {
  await page.locator(KERNEL).scrollIntoViewIfNeeded();
  await expect(page.locator(`${KERNEL} path.curve`).first()).toBeVisible();
  await expect(page.locator(`${KERNEL} tr[data-state="computing"]`)).toHaveCount(0, {
    timeout: 60_000,
  });
  await expect(page.locator(`${KERNEL} [data-readout="kmax"]`)).not.toHaveAttribute(
    'data-value',
    '',
  );
}

/** The numbers the lab shows for the current state: signal readouts and the kernel table. */
async function shownNumbers(page: Page) {
  // Read each panel while it is in view (off screen, a panel catches up only when idle), and by
  // textContent (innerText is empty for content skipped by content-visibility).
  await page.locator(SIGNAL).scrollIntoViewIfNeeded();
  await expect(page.locator(`${SIGNAL} path.signal`)).toBeVisible();
  const signal = await page.locator(`${SIGNAL} .readouts`).textContent();
  await kernelSettled(page);
  return {
    signal,
    rows: await page
      .locator(`${KERNEL} tr[data-method]`)
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.dataset.method, tr.dataset.state, tr.dataset.maxdiff]),
      ),
    readouts: await page
      .locator(`${KERNEL} [data-readout]`)
      .evaluateAll((els) => els.map((el) => [el.dataset.readout, el.dataset.value])),
  };
}

/** Every d attribute in the panel is free of NaN/Infinity, and there is at least one. */
async function expectDrawn(page: Page, panel: string) {
  const ds = await page
    .locator(`[data-panel="${panel}"] path[d]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('d') ?? ''));
  expect(ds.filter((d) => d.length > 0).length).toBeGreaterThan(0);
  expect(ds.filter((d) => /NaN|Infinity/.test(d))).toEqual([]);
}

test.describe('the link', () => {
  test('a link made in the UI reopens in a new browser context with the same params and numbers', async ({
    page,
    browser,
  }) => {
    const errors = pageErrors(page);
    await page.goto('/');
    await expect(page.locator(`${SIGNAL} path.signal`)).toBeVisible();

    await page.locator('select[data-param="m"]').selectOption('legt');
    const n = page.locator('input[data-param="N"]');
    await n.focus();
    for (let i = 0; i < 8; i++) await n.press('ArrowLeft'); // 64 → 56
    const dt = page.locator('input[data-param="dt"]');
    await dt.focus();
    for (let i = 0; i < 20; i++) await dt.press('ArrowRight'); // log slider: 0.01 → 0.012
    await expect.poll(() => params(page)).toMatchObject({ measure: 'legt', N: 56, dt: 0.012 });
    await expect(sliderOutput(page, 'N')).toHaveText('56');
    await expect(sliderOutput(page, 'dt')).toHaveText('0.0120');

    const url = await page.evaluate(() => window.ssmLab.url());
    expect(url).toMatch(/[?&]m=legt(&|$)/);
    expect(url).toMatch(/[?&]N=56(&|$)/);
    expect(url).toMatch(/[?&]dt=0\.012(&|$)/);
    const before = await params(page);
    const shownBefore = await shownNumbers(page);
    expect(shownBefore.signal).toContain('N = 56');
    expect(shownBefore.rows).toHaveLength(5);
    expect(
      shownBefore.rows.filter(([, state, diff]) => state === 'ok' && diff).length,
    ).toBeGreaterThan(1);

    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      const freshErrors = pageErrors(fresh);
      await fresh.goto(url);
      await expect(fresh.locator(`${SIGNAL} path.signal`)).toBeVisible();
      expect(await params(fresh)).toEqual(before);
      await expect(fresh.getByTestId('url-notice')).toHaveCount(0);
      await expect(sliderOutput(fresh, 'N')).toHaveText('56');
      await expect(sliderOutput(fresh, 'dt')).toHaveText('0.0120');
      await expect(fresh.locator('select[data-param="m"]')).toHaveValue('legt');
      const shownFresh = await shownNumbers(fresh);
      expect(shownFresh.signal).toBe(shownBefore.signal);
      expect(shownFresh.signal).toContain('N = 56');
      expect(shownFresh.rows).toEqual(shownBefore.rows);
      expect(shownFresh.readouts).toEqual(shownBefore.readouts);
      // The address bar holds the same canonical link.
      expect(fresh.url()).toBe(url);
      expect(freshErrors).toEqual([]);
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  });

  test('a broken link opens with a dismissible notice that lists each fix, and the lab works', async ({
    page,
  }) => {
    const errors = pageErrors(page);
    await page.goto('/?v=1&N=99999&m=banana&dt=NaN&zzz=1&N=3');

    const notice = page.getByTestId('url-notice');
    await expect(notice).toBeVisible();
    const items = notice.locator('li');
    await expect(items).toHaveCount(4);
    await expect(items.filter({ hasText: '“N” appears more than once' })).toHaveCount(1);
    await expect(items.filter({ hasText: /Measure \(m\): “banana” is not one of/ })).toHaveCount(1);
    await expect(items.filter({ hasText: /Δ \(dt\): “NaN” is not a number/ })).toHaveCount(1);
    await expect(items.filter({ hasText: 'Unknown setting “zzz” ignored' })).toHaveCount(1);

    // The last N wins; the rest fall back to the defaults; the address bar is rewritten.
    expect(await params(page)).toMatchObject({ N: 3, measure: 'legs', dt: 0.01 });
    await expect(page).toHaveURL(/\?v=1&N=3$/);

    // The lab works: panels draw, and follow the controls.
    await expect(page.locator(`${SIGNAL} path.signal`)).toBeVisible();
    await expectDrawn(page, 'signal');
    await kernelSettled(page);
    await expectDrawn(page, 'kernel');
    await expect(page.locator(`${SIGNAL} .readouts`)).toContainText('N = 3');
    await page.locator('input[data-param="N"]').focus();
    await page.locator('input[data-param="N"]').press('ArrowRight');
    await expect(page.locator(`${SIGNAL} .readouts`)).toContainText('N = 4');

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    await expect(page.locator(`${SIGNAL} path.signal`)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('an old version-0 link with delta= opens with the migrated Δ', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('/?delta=0.05&m=legt&N=32');

    expect(await params(page)).toMatchObject({ dt: 0.05, measure: 'legt', N: 32 });
    await expect(sliderOutput(page, 'dt')).toHaveText('0.0500');
    await expect(page.locator(`${SIGNAL} .readouts`)).toContainText('N = 32');
    // A migration is not a fix: no notice; the address bar now holds the current link.
    await expect(page.getByTestId('url-notice')).toHaveCount(0);
    await expect(page).toHaveURL(/\?v=1&/);
    expect(new URL(page.url()).searchParams.get('dt')).toBe('0.05');
    expect(new URL(page.url()).searchParams.has('delta')).toBe(false);
    await kernelSettled(page);
    await expect(page.locator(`${KERNEL} .readouts`)).toContainText('Δ = 0.0500');
    expect(errors).toEqual([]);
  });
});
