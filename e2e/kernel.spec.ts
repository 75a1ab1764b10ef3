import { expect, test, type Page } from '@playwright/test';

async function expectFinitePaths(page: Page, panel: string) {
  const bad = await page
    .locator(`[data-panel="${panel}"]`)
    .evaluate((root) =>
      [...root.querySelectorAll('[d]')]
        .map((el) => el.getAttribute('d') ?? '')
        .filter((s) => /NaN|Infinity/.test(s)),
    );
  expect(bad).toEqual([]);
}

const row = (page: Page, method: string) =>
  page.locator(`[data-panel="kernel"] tr[data-method="${method}"]`);

async function maxDiff(page: Page, method: string): Promise<number> {
  return Number(await row(page, method).getAttribute('data-maxdiff'));
}

/** Waits until no row says "computing…". */
async function settled(page: Page) {
  await expect(page.locator('[data-panel="kernel"] tr[data-state="computing"]')).toHaveCount(0, {
    timeout: 30_000,
  });
}

test.describe('kernel panel', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    // In view, the panel follows the store live (out of view it catches up when idle).
    await page.locator('[data-panel="kernel"]').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-panel="kernel"] path.curve').first()).toBeVisible();
  });

  test('five methods: DPLR live, the rest once settled; RTF fails honestly at N = 64', async ({
    page,
  }) => {
    await settled(page);
    for (const m of ['naive', 'generating', 'dplr', 's4d'])
      await expect(row(page, m)).toHaveAttribute('data-state', 'ok');
    await expect(row(page, 'rtf')).toHaveAttribute('data-state', 'failed');
    expect(await maxDiff(page, 'generating')).toBeLessThan(1e-13);
    expect(await maxDiff(page, 'dplr')).toBeLessThan(1e-13);
    expect(await maxDiff(page, 's4d')).toBeGreaterThan(1e-3); // different by design
    await expect(page.locator('[data-panel="kernel"] path.curve')).toHaveCount(4);
    await expectFinitePaths(page, 'kernel');
  });

  test('the table’s numbers are window.ssmLab.core’s', async ({ page }) => {
    await page.evaluate(() => window.ssmLab.setParams({ N: 8, L: 512, dt: 0.02, seed: 7 }));
    await settled(page);
    const expected = await page.evaluate(() => {
      const core = window.ssmLab.core;
      const g = core.gaussian(core.rng(7 ^ 0x5eed));
      const n = 8;
      const C = Float64Array.from({ length: n }, () => g() / Math.sqrt(n));
      const naive = core.s4Kernel('legs', n, C, 0.02, 512, 'naive');
      const diff = (K: Float64Array) => Math.max(...K.map((v, i) => Math.abs(v - naive[i]!)));
      const d = core.discretize({ ...core.hippo('legs', n), C }, 0.02, 'bilinear');
      const tf = core.ssToTf(d.Ab, d.Bb, d.C, 0, n);
      const rtf = core.rtfKernel(tf.a, core.rtfCorrect(tf.a, tf.b, 512), 0, 512, {
        convention: 'blog',
      });
      // S4D-LegS: the dense normal part A + PPᵀ with B/2.
      const { A, B } = core.hippo('legs', n);
      const An = A.map((v, k) => v + Math.sqrt(Math.floor(k / n) + 0.5) * Math.sqrt((k % n) + 0.5));
      const s4d = core.kernel(
        core.discretize({ N: n, A: An, B: B.map((v) => v / 2), C }, 0.02, 'bilinear'),
        512,
      );
      return {
        kmax: Math.max(...naive.map(Math.abs)),
        generating: diff(core.s4Kernel('legs', n, C, 0.02, 512, 'generating')),
        dplr: diff(core.s4Kernel('legs', n, C, 0.02, 512, 'dplr')),
        rtf: diff(rtf),
        s4d: diff(s4d),
      };
    });
    const kmax = Number(
      await page.locator('[data-panel="kernel"] [data-readout="kmax"]').getAttribute('data-value'),
    );
    expect(kmax).toBe(expected.kmax);
    expect(await maxDiff(page, 'generating')).toBe(expected.generating);
    expect(await maxDiff(page, 'dplr')).toBe(expected.dplr);
    expect(Math.abs((await maxDiff(page, 's4d')) - expected.s4d)).toBeLessThan(1e-12 * kmax);
    expect(Math.abs((await maxDiff(page, 'rtf')) - expected.rtf)).toBeLessThan(1e-9 * kmax);
  });

  test('the C̃ switch: off shows the wrap-around Σ_m K_(k+mL)', async ({ page }) => {
    // L·Δ = 0.64: the kernel has not decayed by k = L, so the wrap is large.
    await page.evaluate(() => window.ssmLab.setParams({ N: 8, L: 64, dt: 0.01, seed: 1 }));
    await settled(page);
    const on = await maxDiff(page, 'dplr');
    expect(on).toBeLessThan(1e-14);
    const ct = page.locator('[data-panel="kernel"] [data-param="ct"]');
    const curve = page.locator('[data-panel="kernel"] path.curve[data-method="dplr"]');
    const dOn = await curve.getAttribute('d');
    await ct.click();
    await expect(ct).toHaveAttribute('aria-checked', 'false');
    expect(await page.evaluate(() => window.ssmLab.getParams().correction)).toBe(false);
    await settled(page);
    await expect(curve).not.toHaveAttribute('d', dOn ?? '');
    const wrap = await page.evaluate(() => {
      const core = window.ssmLab.core;
      const g = core.gaussian(core.rng(1 ^ 0x5eed));
      const C = Float64Array.from({ length: 8 }, () => g() / Math.sqrt(8));
      const long = core.s4Kernel('legs', 8, C, 0.01, 64 * 400, 'naive');
      const alias = new Float64Array(64);
      long.forEach((v, k) => (alias[k % 64]! += v));
      return Math.max(...alias.map((v, k) => Math.abs(v - long[k]!)));
    });
    expect(wrap).toBeGreaterThan(1e-3);
    for (const m of ['generating', 'dplr']) {
      const off = await maxDiff(page, m);
      expect(Math.abs(off - wrap) / wrap).toBeLessThan(1e-9);
    }
    await expect(page.locator('[data-panel="kernel"] .warning')).toContainText('aliased');
    await expectFinitePaths(page, 'kernel');
    await ct.click();
    await expect(ct).toHaveAttribute('aria-checked', 'true');
  });

  test('the Δ slider redraws the live DPLR kernel; others go stale, then settle', async ({
    page,
  }) => {
    await settled(page);
    const curve = page.locator('[data-panel="kernel"] path.curve[data-method="dplr"]');
    const d0 = await curve.getAttribute('d');
    const slider = page.locator('[data-param=dt]');
    await slider.focus();
    await slider.press('ArrowRight');
    await slider.press('ArrowRight');
    await expect(curve).not.toHaveAttribute('d', d0 ?? '');
    await settled(page);
    await expect(row(page, 'naive')).toHaveAttribute('data-state', 'ok');
    expect(await maxDiff(page, 'dplr')).toBeLessThan(1e-13);
    // Hover shows the values at one tap.
    const plot = page.locator('[data-panel="kernel"] svg').first();
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await expect(page.locator('[data-panel="kernel"] .kernel-hover')).toContainText('k = ');
    await expectFinitePaths(page, 'kernel');
  });
});
