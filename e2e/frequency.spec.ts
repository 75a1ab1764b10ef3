import { expect, test, type Page } from '@playwright/test';

async function expectFinitePaths(page: Page) {
  const bad = await page
    .locator('[data-panel="frequency"]')
    .evaluate((root) =>
      [...root.querySelectorAll('[d]')]
        .map((el) => el.getAttribute('d') ?? '')
        .filter((s) => /NaN|Infinity/.test(s)),
    );
  expect(bad).toEqual([]);
}

async function readout(page: Page, name: string): Promise<number> {
  return Number(
    await page
      .locator(`[data-panel="frequency"] [data-readout="${name}"]`)
      .getAttribute('data-value'),
  );
}

test.describe('frequency panel', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    // In view, the panel follows the store live (out of view it catches up once input is quiet).
    await page.locator('[data-panel="frequency"]').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-panel="frequency"] path.response.mag')).toHaveAttribute(
      'd',
      /^M/,
    );
  });

  test('draws gain and unwrapped phase, no NaN', async ({ page }) => {
    const panel = page.locator('[data-panel="frequency"]');
    await expect(panel.locator('path.response.phase')).toHaveAttribute('d', /^M/);
    const segs = await panel
      .locator('path.response.mag')
      .evaluate((p) => (p.getAttribute('d') ?? '').split('L').length);
    expect(segs).toBeGreaterThan(300);
    await expectFinitePaths(page);
  });

  test('DC and Nyquist gains match window.ssmLab.core', async ({ page }) => {
    for (const [measure, N, dt] of [
      ['legs', 64, 0.01],
      ['legt', 12, 0.05],
    ] as const) {
      await page.evaluate(
        ([m, n, d]) => window.ssmLab.setParams({ measure: m, N: n, dt: d, theta: 1, seed: 1 }),
        [measure, N, dt] as const,
      );
      await expect.poll(() => readout(page, 'dc')).not.toBeNaN();
      const expected = await page.evaluate(
        ([m, n, d]) => {
          const core = window.ssmLab.core;
          const g = core.gaussian(core.rng(1 ^ 0x5eed));
          const C = Float64Array.from({ length: n }, () => g() / Math.sqrt(n));
          // The kernel has decayed by k = 2^15: its sums are H(1) and H(−1).
          const K = core.kernel(
            core.discretize({ ...core.hippo(m, n), C }, d, 'bilinear'),
            1 << 15,
          );
          let dc = 0;
          let ny = 0;
          K.forEach((v, k) => {
            dc += v;
            ny += k % 2 ? -v : v;
          });
          return { dc, nyDb: 20 * Math.log10(Math.abs(ny)) };
        },
        [measure, N, dt] as const,
      );
      await expect.poll(() => readout(page, 'dc')).toBeCloseTo(expected.dc, 9);
      expect(Math.abs((await readout(page, 'nyquist')) - expected.nyDb)).toBeLessThan(1e-6);
    }
    await expectFinitePaths(page);
  });

  test('the Δ slider moves the response; hover and the ω-axis toggle work', async ({ page }) => {
    const panel = page.locator('[data-panel="frequency"]');
    const mag = panel.locator('path.response.mag');
    const d0 = await mag.getAttribute('d');
    const cut0 = await readout(page, 'cutoff');
    const dc0 = await readout(page, 'dc');
    const slider = page.locator('[data-param=dt]');
    await slider.focus();
    for (let i = 0; i < 30; i++) await slider.press('ArrowRight');
    await expect(mag).not.toHaveAttribute('d', d0 ?? '');
    // Larger Δ: the same continuous system sampled coarser, its corner moves up in ω;
    // the DC gain −CA⁻¹B does not depend on Δ.
    expect(await readout(page, 'cutoff')).toBeGreaterThan(cut0);
    expect(await readout(page, 'dc')).toBeCloseTo(dc0, 12);
    const plot = panel.locator('svg').first();
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect(panel.locator('.freq-hover')).toContainText('ω = ');
    await panel.locator('[data-toggle="omega-linear"]').click();
    await expect(panel.locator('.x-axis .tick text').first()).toHaveText('0');
    await expectFinitePaths(page);
  });
});
