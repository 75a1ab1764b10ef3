import { expect, test, type Page } from '@playwright/test';

const PANEL = '[data-panel="coefficients"]';

/** Every d, transform and geometry attribute in the panel is free of NaN/Infinity. */
async function expectFinitePaths(page: Page) {
  const bad = await page
    .locator(PANEL)
    .evaluate((root) =>
      [...root.querySelectorAll('[d], [transform], [x], [y], [x1], [height], [width]')]
        .map((el) =>
          ['d', 'transform', 'x', 'y', 'x1', 'x2', 'height', 'width']
            .map((a) => el.getAttribute(a) ?? '')
            .join(' '),
        )
        .filter((s) => /NaN|Infinity/.test(s)),
    );
  expect(bad).toEqual([]);
}

async function value(page: Page, name: string): Promise<string> {
  return (await page.locator(`${PANEL} data[data-readout="${name}"]`).getAttribute('value')) ?? '';
}

/** Both heatmaps computed (the one of the unselected measure is computed between frames). */
async function ready(page: Page) {
  await expect(page.locator(`${PANEL} .coef-heatmap[data-ready="true"]`)).toHaveCount(2);
}

/** LegS (core legsRun) and LegT (core discretize + recurrenceStates) coefficient n at row k. */
async function coreStates(page: Page, n: number, k: number) {
  return page.evaluate(
    ([n, k]) => {
      const { core } = window.ssmLab;
      const p = window.ssmLab.getParams();
      const u = core.signalPreset(p.signal as never, p.L, p.seed);
      const scheme = p.disc === 'zoh' ? 'exact' : p.disc === 'forward' ? 'forward' : 'bilinear';
      const XS = core.legsRun(p.N, u, scheme, { normalization: p.normalization });
      const d = core.discretize(
        core.hippo('legt', p.N, { theta: p.theta, normalization: p.normalization }),
        p.dt,
        p.disc,
      );
      const XT = core.recurrenceStates(d, u);
      return { legs: XS[k * p.N + n]!, legt: XT[k * p.N + n]!, L: p.L, dt: p.dt };
    },
    [n, k] as const,
  );
}

test.describe('coefficients panel', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    // In view, the panel follows the store live (out of view it catches up once input is quiet).
    await page.locator('[data-panel="coefficients"]').scrollIntoViewIfNeeded();
    await ready(page);
  });

  test('draws LegS and LegT heatmaps (canvas), the cursor and the row trajectories', async ({
    page,
  }) => {
    const panel = page.locator(PANEL);
    await expect(panel.locator('canvas')).toHaveCount(2);
    for (const which of ['legs', 'legt']) {
      const inked = await panel
        .locator(`.coef-heatmap[data-measure="${which}"] canvas`)
        .evaluate((c: HTMLCanvasElement) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let coloured = 0;
          for (let i = 0; i < d.length; i += 4)
            if (d[i + 3]! > 0 && Math.abs(d[i]! - d[i + 2]!) > 30) coloured++;
          return coloured;
        });
      expect(inked).toBeGreaterThan(200);
      const vmax = Number(
        await panel.locator(`.coef-heatmap[data-measure="${which}"]`).getAttribute('data-vmax'),
      );
      expect(vmax).toBeGreaterThan(0);
    }
    await expect(panel.locator('line.cursor')).toHaveCount(3);
    await expect(panel.locator('path.traj')).toHaveCount(2);
    await expectFinitePaths(page);
  });

  test('numbers at the cursor match window.ssmLab.core (LegS legsRun, LegT recurrence)', async ({
    page,
  }) => {
    const k = Number(await value(page, 'k'));
    expect(k).toBe(Math.round(0.6 * 2047));
    const ref = await coreStates(page, 0, k);
    expect(Number(await value(page, 'legs'))).toBe(ref.legs);
    expect(Number(await value(page, 'legt'))).toBe(ref.legt);
    expect(Number(await value(page, 't'))).toBeCloseTo((k + 1) * ref.dt, 12);
  });

  test('a click on a heatmap moves the time cursor; a drag follows', async ({ page }) => {
    const overlay = page.locator(`${PANEL} .coef-heatmap[data-measure="legt"] rect.overlay`);
    const size = (await overlay.boundingBox())!;
    await overlay.click({ position: { x: size.width * 0.25, y: size.height * 0.5 } });
    const bb = (await overlay.boundingBox())!; // after scrolling into view
    const c1 = await page.evaluate(() => window.ssmLab.getParams().cursor);
    expect(c1).toBeGreaterThan(0.2);
    expect(c1).toBeLessThan(0.3);
    const k1 = Number(await value(page, 'k'));
    expect(k1).toBe(Math.round(c1 * 2047));
    // Drag to three quarters.
    await page.mouse.move(bb.x + bb.width * 0.3, bb.y + 20);
    await page.mouse.down();
    await page.mouse.move(bb.x + bb.width * 0.5, bb.y + 20, { steps: 4 });
    await page.mouse.move(bb.x + bb.width * 0.75, bb.y + 20, { steps: 4 });
    await page.mouse.up();
    const c2 = await page.evaluate(() => window.ssmLab.getParams().cursor);
    expect(c2).toBeGreaterThan(0.7);
    expect(c2).toBeLessThan(0.8);
    // The readout follows, with the core's values (for the hovered row n).
    const k2 = Number(await value(page, 'k'));
    const n = Number(await value(page, 'n'));
    const ref = await coreStates(page, n, k2);
    expect(Number(await value(page, 'legt'))).toBe(ref.legt);
    await expectFinitePaths(page);
  });

  test('hovering a row shows n, t and the value, and shares n with the other panels', async ({
    page,
  }) => {
    const overlay = page.locator(`${PANEL} .coef-heatmap[data-measure="legs"] rect.overlay`);
    const bb = (await overlay.boundingBox())!;
    // Row n = 2 of 64 (rows top-down), at 40% of the time axis.
    await overlay.hover({ position: { x: bb.width * 0.4, y: bb.height * (2.5 / 64) } });
    await expect(page.locator(`${PANEL} rect.hover-row`)).toHaveCount(2);
    const [which, n, k, v] = (await value(page, 'hover')).split(',');
    expect(which).toBe('legs');
    expect(Number(n)).toBe(2);
    const ref = await coreStates(page, 2, Number(k));
    expect(Number(v)).toBe(ref.legs);
    await expect(page.locator(`${PANEL} .readouts`)).toContainText(`LegS n=2`);
    // The basis panel lights up the same basis function.
    await expect(page.locator('[data-panel="basis"] path.hovered')).toHaveCount(1);
    await expect(page.locator('[data-panel="matrices"] rect.hl').first()).toBeVisible();
    // The trajectory shows row 2.
    expect(await value(page, 'n')).toBe('2');
  });

  test('θ changes LegT but not LegS; N changes both; no NaN anywhere', async ({ page }) => {
    const panel = page.locator(PANEL);
    const k = Number(await value(page, 'k'));
    const legsBefore = await value(page, 'legs');
    const legtBefore = await value(page, 'legt');
    const slider = page.locator('[data-param=th]');
    await slider.focus();
    for (let i = 0; i < 15; i++) await slider.press('ArrowRight');
    await ready(page);
    await expect.poll(() => value(page, 'legt')).not.toBe(legtBefore);
    expect(await value(page, 'legs')).toBe(legsBefore);
    const ref = await coreStates(page, 0, k);
    expect(Number(await value(page, 'legt'))).toBe(ref.legt);

    await page.locator('[data-param=N]').fill('16');
    await ready(page);
    const ref16 = await coreStates(page, 0, k);
    expect(Number(await value(page, 'legs'))).toBe(ref16.legs);
    expect(Number(await value(page, 'legt'))).toBe(ref16.legt);
    await expect(panel.locator('.coef-heatmap[data-measure="legs"] .y-axis .tick')).not.toHaveCount(
      0,
    );
    await expectFinitePaths(page);
  });

  test('an unstable LegT (forward Euler, large Δ) is a warning in words, not NaN', async ({
    page,
  }) => {
    await page.evaluate(() =>
      window.ssmLab.setParams({ measure: 'legs', disc: 'forward', dt: 0.5, N: 32 }),
    );
    await expect(page.locator(`${PANEL} .warning`).first()).toBeVisible();
    await expect(page.locator(PANEL)).toContainText(/unstable|astronomically/);
    await expectFinitePaths(page);
  });
});
