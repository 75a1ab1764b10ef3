import { expect, test, type Page } from '@playwright/test';

/** Every d and transform attribute in the panel is free of NaN/Infinity. */
async function expectFinitePaths(page: Page, panel: string) {
  const bad = await page
    .locator(`[data-panel="${panel}"]`)
    .evaluate((root) =>
      [...root.querySelectorAll('[d], [transform]')]
        .map((el) => `${el.getAttribute('d') ?? ''} ${el.getAttribute('transform') ?? ''}`)
        .filter((s) => /NaN|Infinity/.test(s)),
    );
  expect(bad).toEqual([]);
}

async function readout(page: Page, name: string): Promise<number> {
  const v = await page
    .locator(`[data-panel="eigenvalues"] [data-readout="${name}"]`)
    .getAttribute('data-value');
  return Number(v);
}

test.describe('eigenvalues panel', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    // In view, the panel follows the store live (out of view it catches up once input is quiet).
    await page.locator('[data-panel="eigenvalues"]').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-panel="eigenvalues"] path.mark').first()).toBeVisible();
  });

  test('draws A (s-plane) and Ā (z-plane) with the NPLR marks, no NaN', async ({ page }) => {
    const panel = page.locator('[data-panel="eigenvalues"]');
    // Defaults: LegS N = 64 and the NPLR Λ, in both planes.
    await expect(panel.locator('[data-plane="s"] path.mark[data-set="A"]')).toHaveCount(64);
    await expect(panel.locator('[data-plane="z"] path.mark[data-set="A"]')).toHaveCount(64);
    await expect(panel.locator('[data-plane="s"] path.mark[data-set="nplr"]')).toHaveCount(64);
    await expect(panel.locator('[data-plane="z"] circle.unit')).toHaveCount(1);
    await expect(panel.locator('[data-plane="s"] line.im-axis')).toHaveCount(1);
    await expect(panel.locator('[data-readout="cond-words"]')).toContainText('exceeds 10¹⁶');
    await expectFinitePaths(page, 'eigenvalues');
  });

  test('numbers match window.ssmLab.core (N = 8, LegT, bilinear and forward)', async ({ page }) => {
    for (const disc of ['bilinear', 'forward', 'zoh'] as const) {
      await page.evaluate(
        (d) => window.ssmLab.setParams({ measure: 'legt', N: 8, dt: 0.13, theta: 0.9, disc: d }),
        disc,
      );
      await expect(
        page.locator('[data-panel="eigenvalues"] [data-plane="s"] path.mark[data-set="A"]'),
      ).toHaveCount(8);
      const expected = await page.evaluate((d) => {
        const core = window.ssmLab.core;
        const ssm = core.hippo('legt', 8, { theta: 0.9 });
        const z = core.eigenvalues(core.discretize(ssm, 0.13, d).Ab, 8);
        let rho = 0;
        for (let i = 0; i < 8; i++) rho = Math.max(rho, Math.hypot(z.re[i]!, z.im[i]!));
        return rho;
      }, disc);
      const rho = await readout(page, 'rho');
      expect(Math.abs(rho - expected) / expected).toBeLessThan(1e-9);
    }
    // The eigenvector condition number of LegS at N = 8 (REFERENCE §3.7: 7.7e4).
    await page.evaluate(() => window.ssmLab.setParams({ measure: 'legs', N: 8, disc: 'bilinear' }));
    await expect.poll(() => readout(page, 'cond')).toBeCloseTo(Math.log10(7.7e4), 1);
    await expectFinitePaths(page, 'eigenvalues');
  });

  test('the Δ slider moves Ā’s eigenvalues; forward Euler flags instability', async ({ page }) => {
    const panel = page.locator('[data-panel="eigenvalues"]');
    const before = await readout(page, 'rho');
    const firstZ = panel.locator('[data-plane="z"] path.mark[data-set="A"]').first();
    const t0 = await firstZ.getAttribute('transform');
    const slider = page.locator('[data-param=dt]');
    await slider.focus();
    for (let i = 0; i < 40; i++) await slider.press('ArrowRight');
    await expect.poll(() => readout(page, 'rho')).not.toBe(before);
    expect(await firstZ.getAttribute('transform')).not.toBe(t0);
    expect(await readout(page, 'rho')).toBeLessThan(before); // larger Δ: faster decay
    // Forward Euler with Δ = 0.1 sends LegS's fast modes out of the unit circle (1 − 0.1·64).
    await page.evaluate(() => window.ssmLab.setParams({ disc: 'forward', dt: 0.1 }));
    await expect(panel.locator('.warning', { hasText: 'outside the unit circle' })).toBeVisible();
    await expect(
      panel.locator('[data-plane="z"] path.mark[fill="var(--warn)"]').first(),
    ).toBeVisible();
    expect(await readout(page, 'rho')).toBeCloseTo(5.4, 9);
    await expectFinitePaths(page, 'eigenvalues');
  });

  test('hovering a mark shows its value; S4D inits toggle on', async ({ page }) => {
    await page.evaluate(() =>
      window.ssmLab.setParams({ measure: 'legs', N: 8, dt: 0.1, disc: 'bilinear' }),
    );
    const panel = page.locator('[data-panel="eigenvalues"]');
    await panel.locator('input[data-toggle="nplr"]').uncheck();
    const mark = panel.locator('[data-plane="z"] path.mark[data-set="A"]').last();
    await mark.scrollIntoViewIfNeeded();
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = panel.locator('[data-plane="z"] [role="tooltip"]');
    await expect(tip).toBeVisible();
    // The largest eigenvalue of Ā is the image of λ = −1: (1 − 0.05)/(1 + 0.05).
    await expect(tip).toContainText('λ = −1');
    await expect(tip).toContainText(String(+(0.95 / 1.05).toPrecision(4)));
    // The same mode is ringed in the other plane.
    await expect(panel.locator('[data-plane="s"] circle.hover-ring')).toHaveCount(1);
    await panel.locator('input[data-toggle="s4d-lin"]').check();
    await expect(panel.locator('[data-plane="s"] path.mark[data-set="lin"]')).toHaveCount(7);
    await expectFinitePaths(page, 'eigenvalues');
  });
});
