import { expect, test, type Page } from '@playwright/test';

/** The panel's numbers, recomputed in the page with window.ssmLab.core (f64). */
async function coreNumbers(page: Page) {
  return page.evaluate(() => {
    const lab = window.ssmLab;
    const core = lab.core;
    const p = lab.getParams();
    const g = core.gaussian(core.rng(p.seed ^ 0x5eed));
    const C = Float64Array.from({ length: p.N }, () => g() / Math.sqrt(p.N));
    const d = core.discretize(
      { ...core.hippo(p.measure, p.N, { theta: p.theta, normalization: p.normalization }), C },
      p.dt,
      p.disc,
    );
    const u = core.signalPreset(p.signal as Parameters<typeof core.signalPreset>[0], p.L, p.seed);
    const yRec = core.recurrence(d, u);
    const yConv = core.causalConv(core.kernel(d, p.L), u);
    let maxAbs = 0;
    let yMax = 0;
    for (let k = 0; k < p.L; k++) {
      maxAbs = Math.max(maxAbs, Math.abs(yRec[k]! - yConv[k]!));
      yMax = Math.max(yMax, Math.abs(yRec[k]!));
    }
    return { maxAbs, rel: maxAbs / yMax, N: p.N };
  });
}

const num = (s: string | null) => Number((s ?? '').replace('−', '-'));

async function expectNoNaNPaths(page: Page) {
  const bad = await page
    .locator('[data-panel="equivalence"] path')
    .evaluateAll((ps) =>
      ps.map((p) => p.getAttribute('d') ?? '').filter((d) => /NaN|Infinity/.test(d)),
    );
  expect(bad).toEqual([]);
}

test('equivalence: recurrence and FFT convolution overlaid, meter equals the core', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  // In view, the panel follows the store live (out of view it catches up once input is quiet).
  await page.locator('[data-panel="equivalence"]').scrollIntoViewIfNeeded();
  const panel = page.locator('[data-panel="equivalence"]');
  const meter = panel.getByTestId('equivalence-meter');
  await expect(meter).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });

  // Marks: both outputs and the error strip are drawn.
  for (const sel of ['path.y-rec', 'path.y-conv', 'path.e-f64']) {
    const d = await panel.locator(sel).getAttribute('d');
    expect(d?.length ?? 0).toBeGreaterThan(100);
  }
  await expectNoNaNPaths(page);

  // Numbers: the meter is the core's max|y_rec − y_conv| and max|Δ|/max|y_rec|.
  const want = await coreNumbers(page);
  expect(num(await meter.getAttribute('data-max-abs'))).toBeCloseTo(want.maxAbs, 20);
  expect(num(await meter.getAttribute('data-rel'))).toBeCloseTo(want.rel, 18);
  const shown = num(await panel.getByTestId('eq-max-abs').textContent());
  expect(Math.abs(shown - want.maxAbs) / want.maxAbs).toBeLessThan(0.01);
  expect(want.rel).toBeLessThan(1e-12); // the equivalence itself

  // The f32 row: GPU numbers when the compute service has a device, else it says so.
  const backend = await page.evaluate(() => window.ssmLab.backend().name);
  if (backend === 'webgpu') {
    await expect(meter).not.toHaveAttribute('data-gpu-rel', '', { timeout: 60_000 });
    const rel32 = num(await meter.getAttribute('data-gpu-rel'));
    expect(rel32).toBeGreaterThan(0);
    expect(rel32).toBeLessThan(1e-3);
  } else {
    await expect(panel.getByTestId('eq-gpu')).toHaveText('GPU not available — CPU only');
  }

  // Interaction: one step of the N slider recomputes both routes for the new system.
  const slider = page.locator('[data-param="N"]');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.ssmLab.getParams().N)).toBe(63);
  await expect(meter).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  const next = await coreNumbers(page);
  expect(next.N).toBe(63);
  await expect
    .poll(async () => num(await meter.getAttribute('data-max-abs')))
    .toBeCloseTo(next.maxAbs, 20);
  expect(next.maxAbs).not.toBe(want.maxAbs);
  await expect(panel.locator('.readouts')).toContainText('N = 63');
  await expectNoNaNPaths(page);

  // An unstable setting is a plain-words warning, not a blank panel or NaN paths.
  await page.evaluate(() => window.ssmLab.setParams({ measure: 'legt', disc: 'forward', dt: 1 }));
  await expect(panel.getByRole('status').filter({ hasText: 'unstable' })).toBeVisible({
    timeout: 30_000,
  });
  await expectNoNaNPaths(page);
  expect(errors).toEqual([]);
});
