import { expect, test, type Page } from '@playwright/test';

const PANEL = '[data-panel="basis"]';

/** Every d and transform attribute in the panel is free of NaN/Infinity. */
async function expectFinitePaths(page: Page) {
  const bad = await page
    .locator(PANEL)
    .evaluate((root) =>
      [...root.querySelectorAll('[d], [transform], [x], [y], [height], [width]')]
        .map((el) =>
          ['d', 'transform', 'x', 'y', 'height', 'width']
            .map((a) => el.getAttribute(a) ?? '')
            .join(' '),
        )
        .filter((s) => /NaN|Infinity/.test(s)),
    );
  expect(bad).toEqual([]);
}

async function value(page: Page, name: string): Promise<number> {
  const v = await page.locator(`${PANEL} data[data-readout="${name}"]`).getAttribute('value');
  return v === null || v === '' ? NaN : Number(v);
}

/** The readout's displayed number (fmt: 4 significant digits, U+2212 minus signs). */
async function shown(page: Page, label: string): Promise<number> {
  const text = await page
    .locator(`${PANEL} .readouts span`, { hasText: label })
    .first()
    .locator('b')
    .innerText();
  return Number(text.replaceAll('−', '-'));
}

/** The core's numbers for the current parameters: coefficients at the cursor, the MSE. */
async function coreView(page: Page, n: number) {
  return page.evaluate((n) => {
    const { core } = window.ssmLab;
    const p = window.ssmLab.getParams();
    const u = core.signalPreset(p.signal as never, p.L, p.seed);
    const scheme = p.disc === 'zoh' ? 'exact' : p.disc === 'forward' ? 'forward' : 'bilinear';
    const X = core.legsRun(p.N, u, scheme, { normalization: p.normalization });
    const k = Math.round(p.cursor * (p.L - 1));
    const x = X.slice(k * p.N, (k + 1) * p.N);
    // The LegS window [0, t], t = (k+1)Δ, sampled at 241 points; u is piecewise constant.
    const P = 241;
    const s = Float64Array.from({ length: P }, (_, j) => j / (P - 1));
    const recon = core.hippoReconstruct('legs', x, s, { normalization: p.normalization });
    const t = (k + 1) * p.dt;
    let se = 0;
    for (let j = 0; j < P; j++) {
      const tau = Math.min(s[j]! * t, t - p.dt / 2);
      const uj = u[Math.floor(tau / p.dt + 1e-9)]!;
      se += (recon[j]! - uj) ** 2;
    }
    return { xn: x[n]!, sumNow: recon[P - 1]!, mse: se / P, N: p.N };
  }, n);
}

test.describe('basis panel', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    // In view, the panel follows the store live (out of view it catches up once input is quiet).
    await page.locator('[data-panel="basis"]').scrollIntoViewIfNeeded();
    await expect(page.locator(`${PANEL} path.sum`)).toHaveCount(1);
  });

  test('draws the weighted basis, its sum, the bars and the error curve; no NaN', async ({
    page,
  }) => {
    const panel = page.locator(PANEL);
    await expect(panel.locator('canvas')).toHaveCount(1);
    await expect(panel.locator('text.term-label')).toHaveCount(4); // the strongest 4, labelled
    await expect(panel.locator('path.truth')).toHaveCount(1);
    const barsDrawn = panel.locator('[data-testid="basis-bars"] g.bars');
    await expect(barsDrawn).toHaveAttribute('data-count', '64');
    // One rectangle per x_n, in two paths by sign.
    const rects = await barsDrawn
      .locator('path')
      .evaluateAll((ps) => ps.map((p) => (p.getAttribute('d')!.match(/M/g) ?? []).length));
    expect(rects.reduce((a, b) => a + b, 0)).toBe(64);
    await expect(panel.locator('path.err')).toHaveCount(1);
    expect((await panel.locator('path.sum').getAttribute('d'))!.length).toBeGreaterThan(100);
    // The canvas of the N faint terms is not blank. A worker draws it where the browser can
    // (OffscreenCanvas), as Chromium can: the page reads it as an image, as the export does.
    await expect(panel.locator('canvas')).toHaveAttribute('data-painter', 'worker');
    await expect
      .poll(() =>
        panel.locator('canvas').evaluate((c: HTMLCanvasElement) => {
          const copy = document.createElement('canvas');
          copy.width = c.width;
          copy.height = c.height;
          const ctx = copy.getContext('2d')!;
          ctx.drawImage(c, 0, 0);
          const d = ctx.getImageData(0, 0, copy.width, copy.height).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
          return n;
        }),
      )
      .toBeGreaterThan(1000);
    await expectFinitePaths(page);
  });

  test('numbers match window.ssmLab.core: Σ at now, MSE (= the signal panel’s)', async ({
    page,
  }) => {
    const ref = await coreView(page, 0);
    expect(await value(page, 'N')).toBe(ref.N);
    expect(await value(page, 'sum-now')).toBeCloseTo(ref.sumNow, 10);
    const mse = await value(page, 'mse');
    expect(Math.abs(mse - ref.mse) / ref.mse).toBeLessThan(1e-9);
    expect(Math.abs((await shown(page, 'Σ at now')) - ref.sumNow)).toBeLessThan(
      1e-3 * Math.abs(ref.sumNow) + 1e-12,
    );
    // The same MSE, as text, in the signal panel.
    const signalMse = await page
      .locator('[data-panel="signal"] .readouts span', { hasText: 'MSE' })
      .locator('b')
      .innerText();
    const basisMse = await page
      .locator(`${PANEL} .readouts span`, { hasText: 'MSE (all N)' })
      .locator('b')
      .innerText();
    expect(basisMse).toBe(signalMse);
  });

  test('hovering a bar lights up its basis function and shares the index', async ({ page }) => {
    const panel = page.locator(PANEL);
    const overlay = panel.locator('[data-testid="basis-bars"] rect.overlay');
    await overlay.scrollIntoViewIfNeeded();
    // Bar n spans [n, n + 1) of the N = 64 slots across the overlay.
    const ob = (await overlay.boundingBox())!;
    await overlay.hover({ position: { x: (ob.width * 5.5) / 64, y: ob.height / 2 } });
    await expect(panel.locator('path.hovered')).toHaveCount(1);
    await expect(panel.locator('rect.bar-hover')).toHaveCount(1);
    await expect(panel.locator('path.bar-on')).toHaveCount(1);
    await expect(panel.locator('circle.mark.hover')).toHaveCount(1);
    expect(await value(page, 'hover')).toBe(5);
    // The coefficients panel outlines the same row n = 5.
    await expect(page.locator('[data-panel="coefficients"] rect.hover-row').first()).toBeVisible();
    const ref = await coreView(page, 5);
    expect(await value(page, 'x-hover')).toBeCloseTo(ref.xn, 12);
    const text = await page
      .locator(`${PANEL} .readouts span`, { hasText: 'hovered' })
      .locator('b')
      .innerText();
    expect(text.startsWith('x_5 = ')).toBe(true);
    const x5 = Number(text.slice(6).replaceAll('−', '-'));
    expect(Math.abs(x5 - ref.xn)).toBeLessThan(1e-3 * Math.abs(ref.xn) + 1e-12);
    // Leaving clears it.
    await page.locator('[data-panel="signal"] h3').hover();
    await expect(panel.locator('path.hovered')).toHaveCount(0);
    await expectFinitePaths(page);
  });

  test('hovering a curve of the plot picks the nearest term', async ({ page }) => {
    const panel = page.locator(PANEL);
    const overlay = panel.locator('.basis-main g.plot-root > rect.overlay');
    const bb = (await overlay.boundingBox())!;
    await overlay.hover({ position: { x: bb.width * 0.5, y: bb.height * 0.5 } });
    await expect(panel.locator('path.hovered')).toHaveCount(1);
    expect(await value(page, 'hover')).toBeGreaterThanOrEqual(0);
  });

  test('the N slider changes the number of terms and the error curve', async ({ page }) => {
    const panel = page.locator(PANEL);
    const before = await panel.locator('path.err').getAttribute('d');
    await page.locator('[data-param=N]').fill('12');
    await expect(panel.locator('[data-testid="basis-bars"] g.bars')).toHaveAttribute(
      'data-count',
      '12',
    );
    expect(await panel.locator('path.err').getAttribute('d')).not.toBe(before);
    const ref = await coreView(page, 3);
    expect(ref.N).toBe(12);
    const mse = await value(page, 'mse');
    expect(Math.abs(mse - ref.mse) / ref.mse).toBeLessThan(1e-9);
    await expectFinitePaths(page);
  });

  test('other measures draw too (LegT, LagT, FouT), never NaN', async ({ page }) => {
    for (const measure of ['legt', 'lagt', 'fout', 'lmu'] as const) {
      await page.evaluate((m) => window.ssmLab.setParams({ measure: m }), measure);
      await expect(page.locator(`${PANEL} path.sum`)).toHaveCount(1);
      expect(Number.isFinite(await value(page, 'mse'))).toBe(true);
      await expectFinitePaths(page);
    }
    // LegS with forward Euler amplifies its first steps enormously (k ≈ 10 … 60 at N = 64):
    // a warning in words, finite paths.
    await page.evaluate(() =>
      window.ssmLab.setParams({ measure: 'legs', disc: 'forward', cursor: 20 / 2047 }),
    );
    await expect(page.locator(`${PANEL} .warning`)).toContainText(/blew up|astronomically large/);
    await expectFinitePaths(page);
  });
});
